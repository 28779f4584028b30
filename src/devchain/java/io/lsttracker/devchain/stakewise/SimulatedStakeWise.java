package io.lsttracker.devchain.stakewise;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * checkpoint from block.timestamp ({@link StakeWiseModel}). Once a day at 11:00 UTC the Keeper's rewards update
 * checkpoints the controller and sets avgRewardPerSecond (on mainnet it may do so every 12 hours); the gross
 * per-second reward is chosen so that, net of the fee, the rate grows by the pool's growth over the time
 * elapsed. osETH's rate cannot fall: avgRewardPerSecond is unsigned and vault losses stay with the vaults. So
 * the negative day has no loss here: its update sets the reward to zero until the next day's, and a negative
 * APR is refused. At 18:00 vaults mint (even days, +300 osETH) or burn (odd days, -200 osETH) at the current
 * rate, which moves the supply but not the rate, up to wei rounding. Every operation is modelled at the
 * timestamp of the block the devchain mined it in.
 */
public final class SimulatedStakeWise extends AccruingPool {
    static final String OS_TOKEN = "0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38";
    static final String CONTROLLER = "0x2A261e60FB14586B474C208b1B7AC6D0f5000306";
    /** Devchain accounts of our own for the vaults' stakers and for the treasury. */
    static final Address HOLDER = new Address("0x0000000000000000000000000000000005e7a1d0");
    static final Address TREASURY = new Address("0x0000000000000000000000000000000005e7fee5");
    static final BigInteger HEAD_ASSETS = ether(180_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.07");
    static final BigInteger FEE_PERCENT = BigInteger.valueOf(500);
    /** osETH's net APR has been near 2.6% through 2025 (approximate). */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.60");
    private static final long REPORT_OFFSET = 11 * 3600;

    private final BigInteger initialShares;
    private StakeWiseModel model;

    public SimulatedStakeWise(DevchainParameters parameters) {
        super("stakewise", DEFAULT_APR, parameters,
                Map.of(OS_TOKEN, "SimStakeWiseOsToken", CONTROLLER, "SimStakeWiseOsTokenVaultController"));
        if (aprPercent().signum() < 0) {
            throw new IllegalArgumentException("--apr " + poolId() + " must not be negative, got " + aprPercent()
                    + ": osETH's rate cannot fall (the controller's avgRewardPerSecond is unsigned)");
        }
        this.initialShares = divide(HEAD_ASSETS, startRate(HEAD_RATE));
    }

    @Override
    public void install(ChainWriter chain) {
        chain.call("StakeWise initial state", CONTROLLER, "simInitialize", initialShares, HEAD_ASSETS, FEE_PERCENT,
                TREASURY, HOLDER);
        model = new StakeWiseModel(initialShares, HEAD_ASSETS, FEE_PERCENT, chain.headTimestamp());
        keeperUpdate(chain, avgRewardPerSecond(aprPercent()));
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                new DailyEvent(REPORT_OFFSET, "StakeWise rewards update", chain ->
                        keeperUpdate(chain, day.negative() ? BigInteger.ZERO : avgRewardPerSecond(aprPercent()))),
                flow(day, 18 * 3600, "osETH mints and burns", 300, 200, (chain, shares) -> {
                    chain.call("osETH mint", CONTROLLER, "simMintShares", shares);
                    model.mint(chain.headTimestamp(), shares);
                }, (chain, shares) -> {
                    chain.call("osETH burn", CONTROLLER, "simBurnShares", shares);
                    model.burn(chain.headTimestamp(), shares);
                }));
    }

    /**
     * The gross reward per second, in 1e18 units of the assets, that grows the rate by apr/100 a year net of
     * the fee: growth(apr, 1 s) / (1 - fee), rounded down.
     */
    static BigInteger avgRewardPerSecond(BigDecimal aprPercent) {
        BigDecimal net = BigDecimal.ONE.subtract(new BigDecimal(FEE_PERCENT)
                .divide(new BigDecimal(StakeWiseModel.MAX_FEE_PERCENT), MC));
        return floor(growth(aprPercent, 1).divide(net, MC).multiply(new BigDecimal(StakeWiseModel.WAD), MC));
    }

    private void keeperUpdate(ChainWriter chain, BigInteger rewardPerSecond) {
        chain.call("StakeWise rewards update", CONTROLLER, "simSetAvgRewardPerSecond", rewardPerSecond);
        model.setAvgRewardPerSecond(chain.headTimestamp(), rewardPerSecond);
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.convertToAssets(headTimestamp, Devchain.ETH), model.totalAssets(headTimestamp),
                model.totalShares());
    }
}
