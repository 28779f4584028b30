package io.lsttracker.devchain.lido;

import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.LiquiditySchedule;
import io.lsttracker.devchain.ScriptedContracts;
import io.lsttracker.devchain.SimulatedPool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * Lido's withdrawal queue on the devchain: WithdrawalQueueERC721 at its mainnet address
 * (src/devchain/contracts/lido/SimLidoWithdrawalQueue.sol), with stakers' requests every six hours (01:00, 07:00,
 * 13:00, 19:00 UTC) and finalizations after the accounting oracle's daily report (12:20 UTC), which finalize the
 * oldest requests, whole, in order, as far as the queue's planned level allows ({@link #plannedLevel}).
 *
 * <p>At rest requests are {@value #REST_REQUEST_ETH} stETH and each finalization clears the queue. From
 * {@link LiquiditySchedule#queueGrowthStart()} the planned level rises linearly to
 * {@link LiquiditySchedule#QUEUE_GROWTH_ETH} stETH at {@link LiquiditySchedule#queueDrainStart()}, requests grow by
 * half a day's growth each to feed it, and finalizations keep the queue just above the plan; requests then
 * return to rest and the plan falls linearly to 0 at {@link LiquiditySchedule#queueDrained()}, after which the
 * queue clears daily again.
 */
public final class SimulatedWithdrawalQueue implements ScriptedContracts {
    public static final String ADDRESS = "0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1";
    /** A devchain account of our own for the requests' owner. */
    static final Address OWNER = new Address("0x00000000000000000000000000000000005e7a11");
    static final long REST_REQUEST_ETH = 200;
    /**
     * The largest request Lido takes: MAX_STETH_WITHDRAWAL_AMOUNT = 1000 x 1e18 in lidofinance/lido-dao
     * contracts/0.8.9/WithdrawalQueue.sol; larger withdrawals are split into several requests, as stakers must.
     */
    static final BigInteger MAX_REQUEST = Devchain.ETH.multiply(BigInteger.valueOf(1000));
    private static final long[] REQUEST_OFFSETS = {3600, 7 * 3600, 13 * 3600, 19 * 3600};
    private static final long FINALIZATION_OFFSET = 12 * 3600 + 20 * 60;
    private static final BigInteger REST_REQUEST = Devchain.ETH.multiply(BigInteger.valueOf(REST_REQUEST_ETH));
    private static final BigInteger GROWTH = Devchain.ETH.multiply(BigInteger.valueOf(LiquiditySchedule.QUEUE_GROWTH_ETH));
    private static final BigInteger DAY = BigInteger.valueOf(Devchain.DAY);

    /** A request as the queue holds it. */
    public record Request(BigInteger amountOfStETH, BigInteger amountOfShares, long timestamp) {
    }

    /**
     * The queue's figures after one of the devchain's writes, from {@code block} on: what getLastRequestId(),
     * getLastFinalizedRequestId() and unfinalizedStETH() answer, and the timestamp of the oldest unfinalized request
     * (0 when none is).
     */
    public record QueueState(long block, long timestamp, long lastRequestId, long lastFinalizedRequestId,
            BigInteger unfinalizedStETH, long oldestUnfinalizedTimestamp) {
    }

    private final LiquiditySchedule schedule;
    private final SimulatedLido lido;
    private final List<Request> requests = new ArrayList<>();
    private final List<QueueState> states = new ArrayList<>();
    private int lastFinalized;

    public SimulatedWithdrawalQueue(LiquiditySchedule schedule, SimulatedLido lido) {
        this.schedule = schedule;
        this.lido = lido;
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(ADDRESS, "SimLidoWithdrawalQueue");
    }

    @Override
    public void install(ChainWriter chain) {
        // an empty queue: no request yet
    }

    @Override
    public List<SimulatedPool.DailyEvent> day(SimulatedPool.HistoryDay day) {
        List<SimulatedPool.DailyEvent> events = new ArrayList<>();
        for (long offset : REQUEST_OFFSETS) {
            long at = day.midnight() + offset;
            events.add(new SimulatedPool.DailyEvent(offset, "Lido withdrawal request", chain -> request(chain, at)));
        }
        long finalizedAt = day.midnight() + FINALIZATION_OFFSET;
        events.add(new SimulatedPool.DailyEvent(FINALIZATION_OFFSET, "Lido withdrawal finalization",
                chain -> finalize(chain, finalizedAt)));
        return events;
    }

    /**
     * The stETH requested at one of the day's four times {@code at}: the resting size, or during the growth the resting
     * size plus half a day's growth, so that a day's requests bring twice the planned growth and finalizations can
     * take half of what comes in.
     */
    BigInteger requestSize(long at) {
        if (at >= schedule.queueGrowthStart() && at < schedule.queueDrainStart()) {
            BigInteger growthPerDay = GROWTH.multiply(DAY)
                    .divide(BigInteger.valueOf(schedule.queueDrainStart() - schedule.queueGrowthStart()));
            return REST_REQUEST.add(growthPerDay.divide(BigInteger.TWO));
        }
        return REST_REQUEST;
    }

    /**
     * The stETH the queue is planned to hold at {@code at}: rising linearly to the growth during the growth, falling
     * linearly to 0 during the drain, 0 at rest.
     */
    BigInteger plannedLevel(long at) {
        long growth = schedule.queueGrowthStart();
        long drain = schedule.queueDrainStart();
        long drained = schedule.queueDrained();
        if (at >= growth && at < drain) {
            return GROWTH.multiply(BigInteger.valueOf(at - growth)).divide(BigInteger.valueOf(drain - growth));
        }
        if (at >= drain && at < drained) {
            return GROWTH.multiply(BigInteger.valueOf(drained - at)).divide(BigInteger.valueOf(drained - drain));
        }
        return BigInteger.ZERO;
    }

    /** The stakers' withdrawals at {@code at}: {@link #requestSize} in as few requests as Lido's maximum allows. */
    private void request(ChainWriter chain, long at) {
        BigInteger total = requestSize(at);
        BigInteger[] parts = total.add(MAX_REQUEST).subtract(BigInteger.ONE).divideAndRemainder(MAX_REQUEST);
        int count = parts[0].intValueExact();
        BigInteger each = total.divide(BigInteger.valueOf(count));
        for (int i = 0; i < count; i++) {
            BigInteger amount = i < count - 1 ? each : total.subtract(each.multiply(BigInteger.valueOf(count - 1)));
            BigInteger shares = amount.multiply(lido.shares()).divide(lido.pooledEther());
            chain.call("Lido withdrawal request", ADDRESS, "simRequest", amount, shares, OWNER);
            requests.add(new Request(amount, shares, chain.headTimestamp()));
        }
        record(chain);
    }

    /** Finalizes the oldest requests, whole, as long as the queue stays at or above its planned level. */
    private void finalize(ChainWriter chain, long at) {
        BigInteger floor = plannedLevel(at);
        BigInteger left = unfinalizedStETH();
        int to = lastFinalized;
        while (to < requests.size() && left.subtract(requests.get(to).amountOfStETH()).compareTo(floor) >= 0) {
            left = left.subtract(requests.get(to).amountOfStETH());
            to++;
        }
        if (to > lastFinalized) {
            chain.call("Lido withdrawal finalization", ADDRESS, "simFinalize", to);
            lastFinalized = to;
            record(chain);
        }
    }

    private void record(ChainWriter chain) {
        states.add(new QueueState(chain.writtenBlock(), chain.headTimestamp(), requests.size(), lastFinalized,
                unfinalizedStETH(), lastFinalized < requests.size() ? requests.get(lastFinalized).timestamp() : 0));
    }

    /** unfinalizedStETH() now. */
    public BigInteger unfinalizedStETH() {
        return requests.subList(lastFinalized, requests.size()).stream().map(Request::amountOfStETH)
                .reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Every request made, request id i at index i - 1. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The queue's figures after each write, in order. */
    public List<QueueState> states() {
        return List.copyOf(states);
    }
}
