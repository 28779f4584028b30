package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lido on the devchain: stETH and wstETH at their mainnet addresses. The accounting oracle reports at
 * 12:00 UTC (reportTimestamp = 12:00, the transaction ten minutes later), emitting TokenRebased; on the
 * skipped day it misses the report, so the next one covers two days (timeElapsed = 172800). At 18:00
 * deposits (even days, +3,000 ETH) or withdrawals (odd days, -2,500 ETH) move the totals at the current rate.
 */
final class SimulatedLido implements SimulatedPool {
    static final String STETH = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";
    static final String WSTETH = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(9_300_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_SHARE_RATE = new BigDecimal("1.2250");
    static final BigInteger WSTETH_SUPPLY = BigInteger.valueOf(3_400_000).multiply(Devchain.ETH);
    /** Lido's net APR has been near 2.8% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.80");
    private static final long REPORT_OFFSET = 12 * 3600;

    private final LidoModel model;
    private final BigDecimal aprPercent;
    private final List<Devchain.LidoReport> reports = new ArrayList<>();
    private final SimulatedLidoOperators operators = new SimulatedLidoOperators();
    private long lastReportTimestamp;

    SimulatedLido(DevchainParameters parameters, long firstMidnight) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        BigDecimal startRate = Devchain.startRate(HEAD_SHARE_RATE, aprPercent, parameters.historyDays());
        this.model = new LidoModel(HEAD_ETHER, Devchain.divide(HEAD_ETHER, startRate));
        this.lastReportTimestamp = firstMidnight + REPORT_OFFSET - Devchain.DAY;
    }

    @Override
    public String poolId() {
        return "lido";
    }

    @Override
    public Map<String, String> contracts() {
        Map<String, String> contracts = new java.util.LinkedHashMap<>(Map.of(STETH, "SimLidoStETH", WSTETH,
                "SimLidoWstETH"));
        contracts.putAll(operators.contracts());
        return contracts;
    }

    @Override
    public void install(ChainWriter chain) {
        writeTotals(chain);
        chain.transact(WSTETH, SimulatedContracts.encode("simSetTotalSupply", WSTETH_SUPPLY), "wstETH supply");
        operators.install(chain);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        List<DailyEvent> events = new ArrayList<>(operators.day(day));
        if (!day.skipped()) {
            long reportTimestamp = day.midnight() + REPORT_OFFSET;
            events.add(new DailyEvent(REPORT_OFFSET + 600, "Lido oracle report",
                    chain -> report(chain, reportTimestamp, day.negative())));
        }
        events.add(new DailyEvent(18 * 3600, "Lido deposits and withdrawals", chain -> {
            model.flow(BigInteger.valueOf(day.index() % 2 == 0 ? 3_000 : -2_500).multiply(Devchain.ETH));
            writeTotals(chain);
        }));
        return events;
    }

    private void report(ChainWriter chain, long reportTimestamp, boolean negative) {
        long elapsed = reportTimestamp - lastReportTimestamp;
        BigDecimal growth = negative ? Devchain.loss(chain.parameters()) : Devchain.growth(aprPercent, elapsed);
        LidoModel.Report report = model.report(growth);
        chain.transact(STETH, SimulatedContracts.encode("simReport", reportTimestamp, elapsed, report.postEther(),
                report.postShares(), report.sharesMintedAsFees(), model.beaconValidators(), model.beaconBalance()),
                "Lido report");
        reports.add(new Devchain.LidoReport(reportTimestamp, elapsed, report.preShares(), report.preEther(),
                report.postShares(), report.postEther(), report.sharesMintedAsFees()));
        lastReportTimestamp = reportTimestamp;
    }

    private void writeTotals(ChainWriter chain) {
        chain.transact(STETH, SimulatedContracts.encode("simSetTotals", model.pooledEther(), model.shares(),
                model.depositedValidators()), "Lido totals");
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.shareRate(), model.pooledEther(), model.pooledEther());
    }

    List<Devchain.LidoReport> reports() {
        return List.copyOf(reports);
    }

    List<io.lsttracker.domain.NodeOperator> operators() {
        return operators.operators();
    }

    LidoModel model() {
        return model;
    }
}
