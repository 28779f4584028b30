package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A StakedTokenV1 token on the devchain (cbETH, wBETH): src/devchain/contracts/SimStakedTokenV1.sol at the token's
 * mainnet address. Once a day the oracle writes a new exchange rate, grown from the last one by the pool's
 * net APR over the time since (or cut by the negative day's loss); later that day mints (even days) or burns
 * (odd days) move the supply, never the rate. The exact state is kept here: the rate the oracle wrote and the
 * supply, from which a snapshot must show totalSupply x rate / 1e18, rounded down.
 */
abstract class SimulatedStakedToken implements SimulatedPool {
    private static final MathContext MC = MathContext.DECIMAL128;

    private final String token;
    private final long reportOffset;
    private final BigInteger dailyMint;
    private final BigInteger dailyBurn;
    private final BigDecimal aprPercent;
    private BigInteger rate;
    private BigInteger supply;
    private long lastReport;

    /**
     * @param headEther    ETH behind the token near the head (supply x rate), approximately
     * @param headRate     exchange rate near the head, approximately
     * @param reportOffset seconds after midnight UTC of the oracle's daily update
     */
    SimulatedStakedToken(DevchainParameters parameters, String token, BigInteger headEther, BigDecimal headRate,
            BigDecimal defaultApr, long reportOffset, BigInteger dailyMint, BigInteger dailyBurn) {
        this.token = token;
        this.reportOffset = reportOffset;
        this.dailyMint = dailyMint;
        this.dailyBurn = dailyBurn;
        this.aprPercent = parameters.aprPercent(poolId(), defaultApr);
        BigDecimal startRate = Devchain.startRate(headRate, aprPercent, parameters.historyDays());
        this.rate = new BigDecimal(Devchain.ETH).multiply(startRate, MC).setScale(0, RoundingMode.FLOOR)
                .toBigIntegerExact();
        this.supply = Devchain.divide(headEther, headRate);
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(token, "SimStakedTokenV1");
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        chain.transact(token, SimulatedContracts.encode("simUpdateExchangeRate", rate), poolId() + " exchange rate");
        lastReport = chain.headTimestamp();
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        long reportAt = day.midnight() + reportOffset;
        return List.of(
                new DailyEvent(reportOffset, poolId() + " exchange rate update", chain -> {
                    BigDecimal change = day.negative() ? Devchain.loss(chain.parameters())
                            : Devchain.growth(aprPercent, reportAt - lastReport);
                    rate = new BigDecimal(rate).multiply(BigDecimal.ONE.add(change, MC), MC)
                            .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
                    chain.transact(token, SimulatedContracts.encode("simUpdateExchangeRate", rate),
                            poolId() + " exchange rate");
                    lastReport = reportAt;
                }),
                new DailyEvent(18 * 3600 + 1800, poolId() + " mints and burns", chain -> {
                    supply = day.index() % 2 == 0 ? supply.add(dailyMint) : supply.subtract(dailyBurn);
                    writeSupply(chain);
                }));
    }

    private void writeSupply(ChainWriter chain) {
        chain.transact(token, SimulatedContracts.encode("simSetTotalSupply", supply), poolId() + " supply");
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(rate, supply.multiply(rate).divide(Devchain.ETH), supply);
    }
}
