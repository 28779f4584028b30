package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * StakeWise on the devchain: the osToken (osETH) and its OsTokenVaultController at their mainnet addresses.
 * The head is near 180,000 ETH of minted osETH at about 1.07 ETH per osETH: round figures of today's order of
 * magnitude, approximate, not copied from a given block. The treasury's fee is 5% of the rewards (feePercent
 * 500, StakeWise's mainnet setting in v3-core helpers/constants.ts).
 *
 * <p>osETH accrues every second on chain: the controller's views add the reward accrued since the last
 * checkpoint from block.timestamp. Once a day at 11:00 UTC the Keeper's rewards update checkpoints the
 * controller and sets avgRewardPerSecond (on mainnet it may do so every 12 hours); the gross per-second reward
 * is chosen so that, net of the fee, the rate grows by Devchain.growth(apr, elapsed). osETH's rate cannot
 * fall: avgRewardPerSecond is unsigned and vault losses stay with the vaults. So the negative day has no
 * loss here: its update sets the reward to zero until the next day's, and a negative APR is refused. At 18:00
 * vaults mint (even days, +300 osETH) or burn (odd days, -200 osETH) at the current rate, which moves the
 * supply but not the rate, up to wei rounding. Every operation is modelled at the timestamp of the block the
 * devchain mined it in.
 */
final class SimulatedStakeWise implements SimulatedPool {
    static final String OS_TOKEN = "0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38";
    static final String CONTROLLER = "0x2A261e60FB14586B474C208b1B7AC6D0f5000306";
    /** Devchain accounts of our own for the vaults' stakers and for the treasury. */
    static final Address HOLDER = new Address("0x0000000000000000000000000000000005e7a1d0");
    static final Address TREASURY = new Address("0x0000000000000000000000000000000005e7fee5");
    static final BigInteger HEAD_ASSETS = BigInteger.valueOf(180_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.07");
    static final BigInteger FEE_PERCENT = BigInteger.valueOf(500);
    /** osETH's net APR has been near 2.6% through 2025 (approximate). */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.60");
    private static final long REPORT_OFFSET = 11 * 3600;
    private static final MathContext MC = MathContext.DECIMAL128;

    private final BigDecimal aprPercent;
    private final BigInteger initialShares;
    private StakeWiseModel model;

    SimulatedStakeWise(DevchainParameters parameters) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        if (aprPercent.signum() < 0) {
            throw new IllegalArgumentException("--apr " + poolId() + " must not be negative, got " + aprPercent
                    + ": osETH's rate cannot fall (the controller's avgRewardPerSecond is unsigned)");
        }
        BigDecimal startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        this.initialShares = Devchain.divide(HEAD_ASSETS, startRate);
    }

    @Override
    public String poolId() {
        return "stakewise";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(OS_TOKEN, "SimStakeWiseOsToken", CONTROLLER, "SimStakeWiseOsTokenVaultController");
    }

    @Override
    public void install(ChainWriter chain) {
        chain.transact(CONTROLLER, SimulatedContracts.encode("simInitialize", initialShares, HEAD_ASSETS,
                FEE_PERCENT, TREASURY, HOLDER), "StakeWise initial state");
        model = new StakeWiseModel(initialShares, HEAD_ASSETS, FEE_PERCENT, chain.headTimestamp());
        keeperUpdate(chain, avgRewardPerSecond(aprPercent));
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                new DailyEvent(REPORT_OFFSET, "StakeWise rewards update",
                        chain -> keeperUpdate(chain, day.negative() ? BigInteger.ZERO : avgRewardPerSecond(aprPercent))),
                new DailyEvent(18 * 3600, "osETH mints and burns", chain -> flow(chain, day.index())));
    }

    /**
     * The gross reward per second, in 1e18 units of the assets, that grows the rate by apr/100 a year net of
     * the fee: growth(apr, 1 s) / (1 - fee), rounded down.
     */
    static BigInteger avgRewardPerSecond(BigDecimal aprPercent) {
        BigDecimal net = BigDecimal.ONE.subtract(new BigDecimal(FEE_PERCENT).divide(new BigDecimal(StakeWiseModel.MAX_FEE_PERCENT), MC));
        return Devchain.growth(aprPercent, 1).divide(net, MC).multiply(new BigDecimal(StakeWiseModel.WAD), MC)
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    private void keeperUpdate(ChainWriter chain, BigInteger rewardPerSecond) {
        chain.transact(CONTROLLER, SimulatedContracts.encode("simSetAvgRewardPerSecond", rewardPerSecond),
                "StakeWise rewards update");
        model.setAvgRewardPerSecond(chain.headTimestamp(), rewardPerSecond);
    }

    private void flow(ChainWriter chain, int dayIndex) {
        boolean mint = dayIndex % 2 == 0;
        BigInteger shares = BigInteger.valueOf(mint ? 300 : 200).multiply(Devchain.ETH);
        chain.transact(CONTROLLER, SimulatedContracts.encode(mint ? "simMintShares" : "simBurnShares", shares),
                mint ? "osETH mint" : "osETH burn");
        if (mint) {
            model.mint(chain.headTimestamp(), shares);
        } else {
            model.burn(chain.headTimestamp(), shares);
        }
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.convertToAssets(headTimestamp, Devchain.ETH), model.totalAssets(headTimestamp),
                model.totalShares());
    }
}
