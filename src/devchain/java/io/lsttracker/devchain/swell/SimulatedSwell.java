package io.lsttracker.devchain.swell;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Swell's swETH on the devchain: src/devchain/contracts/swell/SimSwellSwETH.sol at the mainnet address. The
 * repricer reprices daily at 06:00 UTC: starting reserves are the live supply at the current rate, and the
 * rewards are chosen so that, after Swell's 10% fee is minted as swETH, the rate grows by the pool's net APR
 * over the time since the last reprice (rewards = reserves x growth / (1 - fee)). On the negative day the
 * reserves are cut by the loss and no rewards are reported. At 18:45 users deposit 300 ETH (even days, minting
 * at the rate) or 250 swETH are burned for withdrawals (odd days). Head figures, approximate: about 80,000 ETH
 * behind swETH at about 1.12 ETH per swETH, 400,000 ETH deposited over swETH's life before the history.
 */
public final class SimulatedSwell extends AccruingPool {
    static final String SWETH = "0xf951E335afb289353dc249e82926178EaC7DEd78";
    static final BigInteger HEAD_ETHER = ether(80_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1200");
    static final BigInteger LIFETIME_DEPOSITS = ether(400_000);
    /** swETH's net APR has been near 3%. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.00");
    private static final long REPRICE_OFFSET = 6 * 3600;
    private static final BigDecimal HOLDERS_SHARE = BigDecimal.ONE.subtract(new BigDecimal(SwellModel.FEE).movePointLeft(18));

    private final SwellModel model = new SwellModel(divide(HEAD_ETHER, HEAD_RATE), LIFETIME_DEPOSITS);

    public SimulatedSwell(DevchainParameters parameters) {
        super("swell", DEFAULT_APR, parameters, Map.of(SWETH, "SimSwellSwETH"));
    }

    /** The first reprice fixes the rate at the history's start rate; the next grows from there. */
    @Override
    public void install(ChainWriter chain) {
        chain.call("swETH reward percentages", SWETH, "simSetRewardPercentages", SwellModel.NODE_OPERATOR_PERCENTAGE,
                SwellModel.TREASURY_PERCENTAGE);
        chain.call("swETH supply", SWETH, "simSetGenesis", model.supply(), model.deposited());
        reprice(chain, times(model.supply(), startRate(HEAD_RATE)), BigInteger.ZERO);
        reportedAt(chain.headTimestamp());
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                report(day, REPRICE_OFFSET, "swETH reprice", (chain, report) -> {
                    BigInteger reserves = model.reservesAtCurrentRate();
                    if (report.negative()) {
                        reprice(chain, times(reserves, BigDecimal.ONE.add(report.change(), MC)), BigInteger.ZERO);
                    } else {
                        reprice(chain, reserves, floor(new BigDecimal(reserves).multiply(report.change(), MC)
                                .divide(HOLDERS_SHARE, MC)));
                    }
                }),
                flow(day, 18 * 3600 + 2700, "swETH deposits and withdrawals", 300, 250, (chain, eth) -> {
                    model.deposit(eth);
                    chain.call("swETH deposit", SWETH, "simDeposit", eth);
                }, (chain, swEth) -> {
                    model.burn(swEth);
                    chain.call("swETH burn", SWETH, "simBurn", swEth);
                }));
    }

    private void reprice(ChainWriter chain, BigInteger preRewardReserves, BigInteger rewards) {
        BigInteger reportedSupply = model.supply();
        model.reprice(preRewardReserves, rewards);
        chain.call("swETH reprice", SWETH, "simReprice", preRewardReserves, rewards, reportedSupply);
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.rate(), model.reserves(), model.supply());
    }
}
