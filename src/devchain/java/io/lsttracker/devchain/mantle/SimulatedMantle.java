package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Mantle on the devchain: mETH and its Staking contract at their mainnet addresses. The oracle adds a
 * record daily at 08:00 UTC, whose validator balance grows the ETH controlled by {@link Devchain#growth}
 * over the time since the last record (the negative day: {@link Devchain#loss}). At 15:00 stakes (even days,
 * +250 ETH) or claimed unstake requests (odd days, -200 mETH) change the supply and the ETH together, so the
 * rate stays put up to wei rounding. Mainnet's Oracle contract and its OracleRecordAdded event are not
 * simulated: the tracker reads Staking only.
 *
 * <p>The head is near 450,000 ETH controlled at about 1.07 ETH per mETH, 3% of it unallocated: round
 * figures of the right order for today's mainnet, not copied ones.
 */
final class SimulatedMantle implements SimulatedPool {
    static final String METH = "0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa";
    static final String STAKING = "0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f";
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(450_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.0700");
    /** mETH's APR has been near 3.2% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.20");
    private static final long RECORD_OFFSET = 8 * 3600;
    private static final long FLOW_OFFSET = 15 * 3600;

    private final MantleModel model;
    private final BigDecimal aprPercent;
    private long lastRecordTimestamp;

    SimulatedMantle(DevchainParameters parameters, long firstMidnight) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        BigDecimal startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        BigInteger unallocated = HEAD_ETHER.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(100));
        this.model = new MantleModel(unallocated, HEAD_ETHER.subtract(unallocated),
                Devchain.divide(HEAD_ETHER, startRate));
        this.lastRecordTimestamp = firstMidnight + RECORD_OFFSET - Devchain.DAY;
    }

    @Override
    public String poolId() {
        return "mantle";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(METH, "SimMantleMETH", STAKING, "SimMantleStaking");
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        writeBalances(chain);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        long recordTimestamp = day.midnight() + RECORD_OFFSET;
        return List.of(
                new DailyEvent(RECORD_OFFSET, "Mantle oracle record", chain -> {
                    model.record(day.negative() ? Devchain.loss(chain.parameters())
                            : Devchain.growth(aprPercent, recordTimestamp - lastRecordTimestamp));
                    lastRecordTimestamp = recordTimestamp;
                    writeBalances(chain);
                }),
                new DailyEvent(FLOW_OFFSET, "mETH stakes and unstakes", chain -> {
                    if (day.index() % 2 == 0) {
                        model.stake(BigInteger.valueOf(250).multiply(Devchain.ETH));
                    } else {
                        model.unstake(BigInteger.valueOf(200).multiply(Devchain.ETH));
                    }
                    writeBalances(chain);
                    writeSupply(chain);
                }));
    }

    private void writeBalances(ChainWriter chain) {
        chain.transact(STAKING, SimulatedContracts.encode("simSetBalances", model.unallocated(),
                model.validatorBalance()), "Mantle Staking balances");
    }

    private void writeSupply(ChainWriter chain) {
        chain.transact(METH, SimulatedContracts.encode("simSetTotalSupply", model.supply()), "mETH supply");
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.ethPerMeth(), model.totalControlled(), model.supply());
    }
}
