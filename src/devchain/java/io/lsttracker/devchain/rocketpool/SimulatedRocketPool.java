package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;

/**
 * Rocket Pool on the devchain: RocketStorage and rETH at their mainnet addresses, RocketNetworkBalances
 * registered in RocketStorage. The oDAO reports balances daily at 03:00 UTC (slot 12 minutes earlier),
 * emitting BalancesUpdated; at 18:00 deposits mint (even days, +400 rETH) or withdrawals burn (odd days,
 * -300 rETH) rETH, which moves the live supply but not the rate until the next report.
 */
final class SimulatedRocketPool implements SimulatedPool {
    static final String ROCKET_STORAGE = "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46";
    static final String RETH = "0xae78736Cd615f374D3085123A210448E74Fc6393";
    /**
     * Mainnet's RocketNetworkBalances has moved with each Rocket Pool upgrade and the tracker finds it through
     * RocketStorage, so the devchain puts it at an address of its own rather than at a copied one.
     */
    static final String NETWORK_BALANCES = "0x00000000000000000000000000000000d3bA1a11";
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(600_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1450");
    /** rETH's APR has been near 2.5% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.50");
    private static final long REPORT_OFFSET = 3 * 3600;

    private final RocketPoolModel model;
    private final BigDecimal aprPercent;
    private final List<Devchain.RocketPoolReport> reports = new ArrayList<>();
    private final SimulatedRocketNodes nodes = new SimulatedRocketNodes();

    SimulatedRocketPool(DevchainParameters parameters) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        BigDecimal startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        this.model = new RocketPoolModel(HEAD_ETHER, Devchain.divide(HEAD_ETHER, startRate));
    }

    @Override
    public String poolId() {
        return "rocketpool";
    }

    @Override
    public Map<String, String> contracts() {
        Map<String, String> contracts = new java.util.LinkedHashMap<>(Map.of(ROCKET_STORAGE, "SimRocketStorage",
                NETWORK_BALANCES, "SimRocketNetworkBalances", RETH, "SimRocketTokenRETH"));
        contracts.putAll(nodes.contracts());
        return contracts;
    }

    @Override
    public void install(ChainWriter chain) {
        byte[] key = Hash.sha3("contract.addressrocketNetworkBalances".getBytes(StandardCharsets.US_ASCII));
        chain.transact(ROCKET_STORAGE, SimulatedContracts.encode("simSetAddress", key, new Address(NETWORK_BALANCES)),
                "register rocketNetworkBalances");
        writeSupply(chain);
        report(chain, chain.headTimestamp(), false);
        nodes.install(chain, ROCKET_STORAGE);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        List<DailyEvent> events = new ArrayList<>(nodes.day(day));
        events.addAll(List.of(
                new DailyEvent(REPORT_OFFSET, "Rocket Pool balances report",
                        chain -> report(chain, day.midnight() + REPORT_OFFSET - 12 * 60, day.negative())),
                new DailyEvent(18 * 3600, "rETH deposits and withdrawals", chain -> {
                    model.flow(BigInteger.valueOf(day.index() % 2 == 0 ? 400 : -300).multiply(Devchain.ETH));
                    writeSupply(chain);
                })));
        return events;
    }

    private void report(ChainWriter chain, long slotTimestamp, boolean negative) {
        if (!reports.isEmpty()) {
            long elapsed = slotTimestamp - reports.get(reports.size() - 1).slotTimestamp();
            model.report(negative ? Devchain.loss(chain.parameters()) : Devchain.growth(aprPercent, elapsed));
        }
        long block = chain.headNumber();
        chain.transact(NETWORK_BALANCES, SimulatedContracts.encode("simUpdateBalances", block, slotTimestamp,
                model.totalEth(), model.stakingEth(), model.reportedSupply()), "Rocket Pool balances report");
        reports.add(new Devchain.RocketPoolReport(block, slotTimestamp, model.totalEth(), model.reportedSupply()));
    }

    private void writeSupply(ChainWriter chain) {
        chain.transact(RETH, SimulatedContracts.encode("simSetTotalSupply", model.liveSupply()), "rETH supply");
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.exchangeRate(), model.totalEth(), model.liveSupply());
    }

    List<Devchain.RocketPoolReport> reports() {
        return List.copyOf(reports);
    }

    RocketNodeCounts nodeCounts() {
        return nodes.counts();
    }

    RocketPoolModel model() {
        return model;
    }
}
