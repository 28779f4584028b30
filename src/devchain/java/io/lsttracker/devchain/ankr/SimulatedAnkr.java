package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Ankr's ankrETH on the devchain: src/devchain/contracts/SimAnkrETH.sol at the mainnet address. ankrETH's ratio()
 * is ankrETH per ETH, so rewards make it fall: Ankr's operator lowers it daily at 09:00 UTC to
 * ratio / (1 + growth), growth being the pool's net APR over the time since the last update, rounded down to
 * the wei. On the negative day the ratio rises by the loss, which only the owner's repairRatio may do. At
 * 19:00 stakes mint 40 ankrETH (even days) or unstakes burn 30 (odd days); the ratio does not move.
 * Head figures, approximate: about 20,000 ETH behind ankrETH, at about 1.20 ETH per ankrETH (ratio ~0.833).
 */
final class SimulatedAnkr implements SimulatedPool {
    static final String ANKRETH = "0xE95A203B1a91a908F9B9CE46459d101078c2c3cb";
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(20_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.2000");
    /** ankrETH's net APR (after Ankr's 10% fee) has been near 2.9%. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.90");
    private static final BigInteger ONE_E36 = Devchain.ETH.multiply(Devchain.ETH);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final long UPDATE_OFFSET = 9 * 3600;

    private final BigDecimal aprPercent;
    private BigInteger ratio;
    private BigInteger supply;
    private long lastUpdate;

    SimulatedAnkr(DevchainParameters parameters) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        BigDecimal startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        this.ratio = new BigDecimal(ONE_E36).divide(startRate.movePointRight(18), MC)
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        this.supply = Devchain.divide(HEAD_ETHER, HEAD_RATE);
    }

    @Override
    public String poolId() {
        return "ankr";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(ANKRETH, "SimAnkrETH");
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        chain.transact(ANKRETH, SimulatedContracts.encode("simUpdateRatio", ratio), "ankrETH ratio");
        lastUpdate = chain.headTimestamp();
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        long updateAt = day.midnight() + UPDATE_OFFSET;
        return List.of(
                new DailyEvent(UPDATE_OFFSET, "ankrETH ratio update", chain -> {
                    BigDecimal change = day.negative() ? Devchain.loss(chain.parameters())
                            : Devchain.growth(aprPercent, updateAt - lastUpdate);
                    ratio = new BigDecimal(ratio).divide(BigDecimal.ONE.add(change, MC), MC)
                            .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
                    String setter = change.signum() < 0 ? "simRepairRatio" : "simUpdateRatio";
                    chain.transact(ANKRETH, SimulatedContracts.encode(setter, ratio), "ankrETH ratio");
                    lastUpdate = updateAt;
                }),
                new DailyEvent(19 * 3600, "ankrETH stakes and unstakes", chain -> {
                    supply = supply.add(BigInteger.valueOf(day.index() % 2 == 0 ? 40 : -30).multiply(Devchain.ETH));
                    writeSupply(chain);
                }));
    }

    private void writeSupply(ChainWriter chain) {
        chain.transact(ANKRETH, SimulatedContracts.encode("simSetTotalSupply", supply), "ankrETH supply");
    }

    /** As the tracker reads it: 1e36 / ratio, and totalSupply x 1e18 / ratio, both rounded down. */
    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(ONE_E36.divide(ratio), supply.multiply(Devchain.ETH).divide(ratio), supply);
    }
}
