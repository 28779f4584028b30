package io.lsttracker.devchain.rocketpool;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.ReportedRate;
import io.lsttracker.devchain.RocketNodeCounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * Rocket Pool on the devchain: RocketStorage and rETH at their mainnet addresses, RocketNetworkBalances
 * registered in RocketStorage, and the node and minipool managers ({@link RocketNodes}). The oDAO reports
 * balances daily at 03:00 UTC (slot 12 minutes earlier), emitting BalancesUpdated; at 18:00 deposits mint (even
 * days, +400 rETH) or withdrawals burn (odd days, -300 rETH) rETH, which moves the live supply but not the rate
 * until the next report ({@link ReportedRate}: the report takes in the ETH deposited since the last one and the
 * rewards).
 *
 * <p>With {@code --rp-balances-upgrade-day N}, Rocket Pool upgrades RocketNetworkBalances at 00:30 UTC of history
 * day N, as Houston and Saturn did on mainnet: RocketStorage names a second contract from that block on, which
 * takes over the balances (on mainnet they live in RocketStorage, so the figures do not move) and emits every
 * report after it; the first contract no longer accepts reports (onlyLatestContract, as on mainnet).
 *
 * <p>rETH's getTotalCollateral() (the ETH available to burn rETH against) starts at
 * {@value #START_COLLATERAL_ETH} ETH in the deposit pool's excess balance; deposits add their ETH to it and burns
 * take the ETH they pay out of it, at the rate of the last report.
 */
public final class SimulatedRocketPool extends AccruingPool {
    static final String ROCKET_STORAGE = "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46";
    public static final String RETH = "0xae78736Cd615f374D3085123A210448E74Fc6393";
    /**
     * Mainnet's RocketNetworkBalances has moved with each Rocket Pool upgrade and the tracker finds it through
     * RocketStorage, so the devchain puts it at an address of its own rather than at a copied one.
     */
    public static final String NETWORK_BALANCES = "0x00000000000000000000000000000000d3bA1a11";
    /** The RocketNetworkBalances of {@code --rp-balances-upgrade-day}'s upgrade (placed at install, named then). */
    public static final String NETWORK_BALANCES_UPGRADED = "0x00000000000000000000000000000000d3bA1a14";
    static final BigInteger HEAD_ETHER = ether(600_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1450");
    /** rETH's APR has been near 2.5% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.50");
    private static final long SLOT_OFFSET = 3 * 3600 - 12 * 60;
    private static final long UPGRADE_OFFSET = 30 * 60;
    static final long START_COLLATERAL_ETH = 2_000;

    private final ReportedRate rate;
    private final List<Devchain.RocketPoolReport> reports = new ArrayList<>();
    private final RocketNodes nodes = new RocketNodes();
    private final int upgradeDay;
    /** The RocketNetworkBalances RocketStorage names now: the one that emits the reports. */
    private String networkBalances = NETWORK_BALANCES;
    /** RocketDepositPool.getExcessBalance() as the devchain writes it to rETH (getTotalCollateral()). */
    private BigInteger depositPoolExcess = ether(START_COLLATERAL_ETH);

    public SimulatedRocketPool(DevchainParameters parameters) {
        super("rocketpool", DEFAULT_APR, parameters, contracts(parameters));
        this.rate = new ReportedRate(HEAD_ETHER, divide(HEAD_ETHER, startRate(HEAD_RATE)));
        this.upgradeDay = parameters.rocketPoolBalancesUpgradeDay();
    }

    private static Map<String, String> contracts(DevchainParameters parameters) {
        Map<String, String> contracts = new java.util.HashMap<>(Map.of(ROCKET_STORAGE, "SimRocketStorage",
                NETWORK_BALANCES, "SimRocketNetworkBalances", RETH, "SimRocketTokenRETH",
                RocketNodes.NODE_MANAGER, "SimRocketNodeManager", RocketNodes.MINIPOOL_MANAGER, "SimRocketMinipoolManager"));
        if (parameters.rocketPoolBalancesUpgradeDay() != DevchainParameters.NO_UPGRADE) {
            contracts.put(NETWORK_BALANCES_UPGRADED, "SimRocketNetworkBalances");
        }
        return contracts;
    }

    /** Registers the contracts in RocketStorage and writes a first report, which the next one grows from. */
    @Override
    public void install(ChainWriter chain) {
        RocketNodes.register(chain, ROCKET_STORAGE, "rocketNetworkBalances", NETWORK_BALANCES);
        writeSupply(chain);
        writeCollateral(chain);
        long now = chain.headTimestamp();
        reportedAt(now);
        writeReport(chain, now);
        nodes.install(chain, ROCKET_STORAGE);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        List<DailyEvent> events = new ArrayList<>(nodes.day(day));
        if (day.index() == upgradeDay) {
            events.add(new DailyEvent(UPGRADE_OFFSET, "Rocket Pool upgrade of RocketNetworkBalances", chain -> {
                chain.call("RocketNetworkBalances upgrade: take over the balances", NETWORK_BALANCES_UPGRADED,
                        "simTakeOverFrom", new Address(networkBalances));
                RocketNodes.register(chain, ROCKET_STORAGE, "rocketNetworkBalances", NETWORK_BALANCES_UPGRADED);
                networkBalances = NETWORK_BALANCES_UPGRADED;
            }));
        }
        events.add(report(day, SLOT_OFFSET, 12 * 60, "Rocket Pool balances report", (chain, report) -> {
            rate.report(report.change());
            writeReport(chain, report.timestamp());
        }));
        events.add(flow(day, 18 * 3600, "rETH deposits and withdrawals", 400, 300, (chain, reth) -> {
            depositPoolExcess = depositPoolExcess.add(reth.multiply(rate.exchangeRate()).divide(Devchain.ETH));
            rate.flow(reth);
            writeSupply(chain);
            writeCollateral(chain);
        }));
        return events;
    }

    /** The report names the block before the one it is mined in, as the oDAO's reports name a past block. */
    private void writeReport(ChainWriter chain, long slotTimestamp) {
        long block = chain.headNumber();
        chain.call("Rocket Pool balances report", networkBalances, "simUpdateBalances", block, slotTimestamp,
                rate.reportedEth(), stakingEth(), rate.reportedSupply());
        reports.add(new Devchain.RocketPoolReport(block, slotTimestamp, rate.reportedEth(), rate.reportedSupply(),
                networkBalances));
    }

    /** 92% of the ETH is staking on the beacon chain; the rest waits in the deposit pool. */
    private BigInteger stakingEth() {
        return rate.reportedEth().multiply(BigInteger.valueOf(92)).divide(BigInteger.valueOf(100));
    }

    private void writeSupply(ChainWriter chain) {
        chain.call("rETH supply", RETH, "simSetTotalSupply", rate.liveSupply());
    }

    private void writeCollateral(ChainWriter chain) {
        chain.call("rETH collateral", RETH, "simSetDepositPoolExcess", depositPoolExcess);
    }

    /** getTotalCollateral() now: the deposit pool's excess (rETH itself holds no ETH on the devchain). */
    public BigInteger totalCollateral() {
        return depositPoolExcess;
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(rate.exchangeRate(), rate.reportedEth(), rate.liveSupply());
    }

    /** The BalancesUpdated fields of every report, the one at install first. */
    public List<Devchain.RocketPoolReport> reports() {
        return List.copyOf(reports);
    }

    public RocketNodeCounts nodeCounts() {
        return nodes.counts();
    }

    /** getExchangeRate(), getTotalETHBalance() and rETH totalSupply() now. */
    public BigInteger exchangeRate() {
        return rate.exchangeRate();
    }

    public BigInteger totalEth() {
        return rate.reportedEth();
    }

    public BigInteger rethSupply() {
        return rate.liveSupply();
    }
}
