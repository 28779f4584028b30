package io.lsttracker.devchain.ankr;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Ankr's ankrETH on the devchain: src/devchain/contracts/ankr/SimAnkrETH.sol at the mainnet address. ankrETH's
 * ratio() is ankrETH per ETH, so rewards make it fall: Ankr's operator lowers it daily at 09:00 UTC to
 * ratio / (1 + growth), growth being the pool's net APR over the time since the last update, rounded down to
 * the wei. On the negative day the ratio rises by the loss, which only the owner's repairRatio may do. At
 * 19:00 stakes mint 40 ankrETH (even days) or unstakes burn 30 (odd days); the ratio does not move.
 * Head figures, approximate: about 20,000 ETH behind ankrETH, at about 1.20 ETH per ankrETH (ratio ~0.833).
 */
public final class SimulatedAnkr extends AccruingPool {
    static final String ANKRETH = "0xE95A203B1a91a908F9B9CE46459d101078c2c3cb";
    static final BigInteger HEAD_ETHER = ether(20_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.2000");
    /** ankrETH's net APR (after Ankr's 10% fee) has been near 2.9%. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.90");
    private static final BigInteger ONE_E36 = Devchain.ETH.multiply(Devchain.ETH);

    private BigInteger ratio;
    private BigInteger supply = divide(HEAD_ETHER, HEAD_RATE);

    public SimulatedAnkr(DevchainParameters parameters) {
        super("ankr", DEFAULT_APR, parameters, Map.of(ANKRETH, "SimAnkrETH"));
        this.ratio = floor(new BigDecimal(ONE_E36).divide(startRate(HEAD_RATE).movePointRight(18), MC));
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        chain.call("ankrETH ratio", ANKRETH, "simUpdateRatio", ratio);
        reportedAt(chain.headTimestamp());
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                report(day, 9 * 3600, "ankrETH ratio update", (chain, update) -> {
                    ratio = floor(new BigDecimal(ratio).divide(BigDecimal.ONE.add(update.change(), MC), MC));
                    String setter = update.change().signum() < 0 ? "simRepairRatio" : "simUpdateRatio";
                    chain.call("ankrETH ratio", ANKRETH, setter, ratio);
                }),
                flow(day, 19 * 3600, "ankrETH stakes and unstakes", 40, 30, (chain, amount) -> {
                    supply = supply.add(amount);
                    writeSupply(chain);
                }));
    }

    private void writeSupply(ChainWriter chain) {
        chain.call("ankrETH supply", ANKRETH, "simSetTotalSupply", supply);
    }

    /** As the tracker reads it: 1e36 / ratio, and totalSupply x 1e18 / ratio, both rounded down. */
    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(ONE_E36.divide(ratio), supply.multiply(Devchain.ETH).divide(ratio), supply);
    }
}
