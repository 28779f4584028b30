package io.lsttracker.devchain.stader;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.ReportedRate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Stader on the devchain: ETHx and StaderStakePoolsManager at their mainnet addresses, and the oracle the
 * manager reads its figures from (mainnet finds it through StaderConfig, which is not simulated, so it sits at
 * an address of the devchain's own). The oracle reports the exchange rate daily at 14:00 UTC, naming the
 * block before, and emits ExchangeRateUpdated. At 19:00 deposits mint ETHx (even days, +150 ETH at the reported
 * rate: convertToShares rounds down) or withdrawals burn it (odd days, -100 ETHx): the live supply moves, the
 * rate and totalAssets() wait for the next report ({@link ReportedRate}).
 *
 * <p>The head is near 120,000 ETH at about 1.08 ETH per ETHx: round figures of the right order for today's
 * mainnet, not copied ones.
 */
public final class SimulatedStader extends AccruingPool {
    static final String ETHX = "0xA35b1B31Ce002FBF2058D22F30f95D405200A15b";
    static final String MANAGER = "0xcf5EA1b38380f6aF39068375516Daf40Ed70D299";
    /** Must match ORACLE in src/devchain/contracts/stader/SimStaderStakePoolsManager.sol. */
    public static final String ORACLE = "0x0000000000000000000000000000000005aDE0ac";
    static final BigInteger HEAD_ETHER = ether(120_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.0800");
    /** ETHx's APR has been near 3% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.00");
    private static final long REPORT_OFFSET = 14 * 3600;

    private final ReportedRate rate;

    public SimulatedStader(DevchainParameters parameters, long firstMidnight) {
        super("stader", DEFAULT_APR, parameters,
                Map.of(ETHX, "SimStaderETHx", MANAGER, "SimStaderStakePoolsManager", ORACLE, "SimStaderOracle"));
        this.rate = new ReportedRate(HEAD_ETHER, divide(HEAD_ETHER, startRate(HEAD_RATE)));
        reportedAt(firstMidnight + REPORT_OFFSET - Devchain.DAY);
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        writeReport(chain);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                report(day, REPORT_OFFSET, "Stader exchange rate report", (chain, report) -> {
                    rate.report(report.change());
                    writeReport(chain);
                }),
                flow(day, 19 * 3600, "ETHx deposits and withdrawals", 150, 100, (chain, eth) -> {
                    rate.deposit(eth);
                    writeSupply(chain);
                }, (chain, ethx) -> {
                    rate.flow(ethx.negate());
                    writeSupply(chain);
                }));
    }

    private void writeReport(ChainWriter chain) {
        chain.call("Stader exchange rate report", ORACLE, "simReport", chain.headNumber(), rate.reportedEth(),
                rate.reportedSupply());
    }

    private void writeSupply(ChainWriter chain) {
        chain.call("ETHx supply", ETHX, "simSetTotalSupply", rate.liveSupply());
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(rate.exchangeRate(), rate.reportedEth(), rate.liveSupply());
    }
}
