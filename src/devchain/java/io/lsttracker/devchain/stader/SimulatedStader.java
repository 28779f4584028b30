package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Stader on the devchain: ETHx and StaderStakePoolsManager at their mainnet addresses, and the oracle the
 * manager reads its figures from (mainnet finds it through StaderConfig, which is not simulated, so it sits at
 * an address of the devchain's own). The oracle reports the exchange rate daily at 14:00 UTC, naming the
 * block before, and emits ExchangeRateUpdated; the rate grows by {@link Devchain#growth} over the time since
 * the last report (the negative day: {@link Devchain#loss}). At 19:00 deposits mint ETHx (even days, +150 ETH
 * at the reported rate) or withdrawals burn it (odd days, -100 ETHx): the live supply moves, the rate and
 * totalAssets() wait for the next report.
 *
 * <p>The head is near 120,000 ETH at about 1.08 ETH per ETHx: round figures of the right order for today's
 * mainnet, not copied ones.
 */
final class SimulatedStader implements SimulatedPool {
    static final String ETHX = "0xA35b1B31Ce002FBF2058D22F30f95D405200A15b";
    static final String MANAGER = "0xcf5EA1b38380f6aF39068375516Daf40Ed70D299";
    /** Must match ORACLE in src/devchain/contracts/SimStaderStakePoolsManager.sol. */
    static final String ORACLE = "0x0000000000000000000000000000000005aDE0ac";
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(120_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.0800");
    /** ETHx's APR has been near 3% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.00");
    private static final long REPORT_OFFSET = 14 * 3600;
    private static final long FLOW_OFFSET = 19 * 3600;

    private final StaderModel model;
    private final BigDecimal aprPercent;
    private long lastReportTimestamp;

    SimulatedStader(DevchainParameters parameters, long firstMidnight) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        BigDecimal startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        this.model = new StaderModel(HEAD_ETHER, Devchain.divide(HEAD_ETHER, startRate));
        this.lastReportTimestamp = firstMidnight + REPORT_OFFSET - Devchain.DAY;
    }

    @Override
    public String poolId() {
        return "stader";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(ETHX, "SimStaderETHx", MANAGER, "SimStaderStakePoolsManager", ORACLE, "SimStaderOracle");
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        writeReport(chain);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        long reportTimestamp = day.midnight() + REPORT_OFFSET;
        return List.of(
                new DailyEvent(REPORT_OFFSET, "Stader exchange rate report", chain -> {
                    model.report(day.negative() ? Devchain.loss(chain.parameters())
                            : Devchain.growth(aprPercent, reportTimestamp - lastReportTimestamp));
                    lastReportTimestamp = reportTimestamp;
                    writeReport(chain);
                }),
                new DailyEvent(FLOW_OFFSET, "ETHx deposits and withdrawals", chain -> {
                    if (day.index() % 2 == 0) {
                        model.deposit(BigInteger.valueOf(150).multiply(Devchain.ETH));
                    } else {
                        model.burn(BigInteger.valueOf(100).multiply(Devchain.ETH));
                    }
                    writeSupply(chain);
                }));
    }

    private void writeReport(ChainWriter chain) {
        chain.transact(ORACLE, SimulatedContracts.encode("simReport", chain.headNumber(), model.reportedEth(),
                model.reportedSupply()), "Stader exchange rate report");
    }

    private void writeSupply(ChainWriter chain) {
        chain.transact(ETHX, SimulatedContracts.encode("simSetTotalSupply", model.liveSupply()), "ETHx supply");
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.exchangeRate(), model.reportedEth(), model.liveSupply());
    }
}
