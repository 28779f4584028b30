package io.lsttracker.devchain;

import static io.lsttracker.devchain.MarketReads.callData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.etherfi.SimulatedEtherFi;
import io.lsttracker.devchain.lido.SimulatedWithdrawalQueue;
import io.lsttracker.devchain.rocketpool.SimulatedRocketPool;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exits on the shared devchain: Lido's withdrawal queue (WithdrawalQueueERC721's views with Lido's selectors and
 * struct layout) grows then drains over the history, and rETH's getTotalCollateral() and ether.fi's totalValueInLp()
 * answer what the devchain wrote.
 */
class DevchainExitsTest {
    private static final String QUEUE = SimulatedWithdrawalQueue.ADDRESS;
    private static final BigInteger ETH = Devchain.ETH;
    private static Devchain devchain;
    private static MarketReads reads;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
        reads = new MarketReads(TestDevchain.rpc());
    }

    @Test
    void theQueueAnswersItsFiguresAtEveryBlockTheDevchainWrote() {
        List<SimulatedWithdrawalQueue.QueueState> states = devchain.withdrawalQueueStates();
        assertTrue(states.size() > 4 * TestDevchain.HISTORY_DAYS, "writes: " + states.size());
        SimulatedWithdrawalQueue.QueueState peak = states.stream()
                .max(Comparator.comparing(SimulatedWithdrawalQueue.QueueState::unfinalizedStETH)).orElseThrow();
        for (SimulatedWithdrawalQueue.QueueState state : List.of(states.get(0), peak, states.get(states.size() - 1))) {
            Long block = state.block();
            assertEquals(BigInteger.valueOf(state.lastRequestId()), reads.uint(QUEUE, callData("getLastRequestId()"), block));
            assertEquals(BigInteger.valueOf(state.lastFinalizedRequestId()),
                    reads.uint(QUEUE, callData("getLastFinalizedRequestId()"), block));
            assertEquals(state.unfinalizedStETH(), reads.uint(QUEUE, callData("unfinalizedStETH()"), block));
        }
        // the latest state is the head's
        SimulatedWithdrawalQueue.QueueState last = states.get(states.size() - 1);
        assertEquals(BigInteger.valueOf(last.lastRequestId()), reads.uint(QUEUE, callData("getLastRequestId()"), null));
    }

    @Test
    void getWithdrawalStatusAnswersLidosStructArray() {
        List<SimulatedWithdrawalQueue.Request> requests = devchain.withdrawalRequests();
        SimulatedWithdrawalQueue.QueueState last = devchain.withdrawalQueueStates()
                .get(devchain.withdrawalQueueStates().size() - 1);
        long finalized = last.lastFinalizedRequestId();
        assertTrue(finalized >= 1 && last.lastRequestId() > finalized, "a finalized and an unfinalized request at the head");
        long oldestUnfinalized = finalized + 1;
        // getWithdrawalStatus(uint256[] _requestIds) returns (WithdrawalRequestStatus[]): the array's offset (0x20),
        // its length, then per request amountOfStETH, amountOfShares, owner, timestamp, isFinalized, isClaimed
        String data = MarketReads.selector("getWithdrawalStatus(uint256[])")
                + callData("x()", 0x20, 2, finalized, oldestUnfinalized).substring(10);
        List<BigInteger> words = reads.words(QUEUE, data, null);
        assertEquals(2 + 2 * 6, words.size());
        assertEquals(BigInteger.valueOf(0x20), words.get(0));
        assertEquals(BigInteger.TWO, words.get(1));
        for (int i = 0; i < 2; i++) {
            SimulatedWithdrawalQueue.Request request = requests.get((int) (finalized + i) - 1);
            List<BigInteger> status = words.subList(2 + 6 * i, 8 + 6 * i);
            assertEquals(request.amountOfStETH(), status.get(0));
            assertEquals(request.amountOfShares(), status.get(1));
            assertEquals(new BigInteger("5e7a11", 16), status.get(2), "the owner");
            assertEquals(BigInteger.valueOf(request.timestamp()), status.get(3));
            assertEquals(i == 0 ? BigInteger.ONE : BigInteger.ZERO, status.get(4), "isFinalized");
            assertEquals(BigInteger.ZERO, status.get(5), "isClaimed");
        }
        // the oldest unfinalized request's timestamp is the one the devchain records
        assertEquals(last.oldestUnfinalizedTimestamp(), requests.get((int) oldestUnfinalized - 1).timestamp());
        // ids 0 and past the last request are rejected, as Lido's InvalidRequestId does
        for (long bad : new long[] {0, last.lastRequestId() + 1}) {
            String badCall = MarketReads.selector("getWithdrawalStatus(uint256[])") + callData("x()", 0x20, 1, bad)
                    .substring(10);
            assertTrue(reads.reverts(QUEUE, badCall, null), "id " + bad);
        }
    }

    @Test
    void theQueueGrowsToAboutOneHundredThousandStethThenDrains() {
        LiquiditySchedule schedule = devchain.liquiditySchedule();
        List<SimulatedWithdrawalQueue.QueueState> states = devchain.withdrawalQueueStates();
        SimulatedWithdrawalQueue.QueueState peak = states.stream()
                .max(Comparator.comparing(SimulatedWithdrawalQueue.QueueState::unfinalizedStETH)).orElseThrow();
        // the plan rises to 100,000 stETH at the drain's start and each daily finalization leaves the queue less than one
        // request above it; the peak comes just before a finalization, with at most a day's requests (four times) on top
        List<SimulatedWithdrawalQueue.Request> requests = devchain.withdrawalRequests();
        BigInteger largestRequest = requests.stream().map(SimulatedWithdrawalQueue.Request::amountOfStETH)
                .max(BigInteger::compareTo).orElseThrow();
        // Lido takes at most 1,000 stETH a request (MAX_STETH_WITHDRAWAL_AMOUNT): larger withdrawals are split
        assertTrue(largestRequest.compareTo(ETH.multiply(BigInteger.valueOf(1000))) <= 0, largestRequest.toString());
        BigInteger largestTime = requests.stream().collect(java.util.stream.Collectors.groupingBy(
                SimulatedWithdrawalQueue.Request::timestamp, java.util.stream.Collectors.reducing(BigInteger.ZERO,
                        SimulatedWithdrawalQueue.Request::amountOfStETH, BigInteger::add)))
                .values().stream().max(BigInteger::compareTo).orElseThrow();
        BigInteger plan = ETH.multiply(BigInteger.valueOf(LiquiditySchedule.QUEUE_GROWTH_ETH));
        assertTrue(peak.unfinalizedStETH().compareTo(ETH.multiply(BigInteger.valueOf(95_000))) > 0, "peak " + peak);
        assertTrue(peak.unfinalizedStETH().compareTo(plan.add(largestRequest)
                .add(largestTime.multiply(BigInteger.valueOf(4)))) <= 0, "peak " + peak + ", largest " + largestTime);
        assertTrue(peak.timestamp() > schedule.queueGrowthStart() && peak.timestamp() < schedule.queueDrained());
        // the oldest request then waits days, not hours
        assertTrue(peak.timestamp() - peak.oldestUnfinalizedTimestamp() > Devchain.DAY / 2);
        // before the growth and from a day after the drain, every finalization clears the queue: at most a day of
        // resting requests
        BigInteger resting = ETH.multiply(BigInteger.valueOf(4 * 200));
        for (SimulatedWithdrawalQueue.QueueState state : states) {
            if (state.timestamp() < schedule.queueGrowthStart()
                    || state.timestamp() > schedule.queueDrained() + Devchain.DAY) {
                assertTrue(state.unfinalizedStETH().compareTo(resting) <= 0, state.toString());
            }
        }
        assertTrue(states.stream().anyMatch(s -> s.timestamp() > schedule.queueDrained() + Devchain.DAY));
        // growth then drain: after each finalization (the last finalized id moves) the queue is larger than after the
        // one before while the plan rises, and smaller while it falls
        List<SimulatedWithdrawalQueue.QueueState> finalizations = new java.util.ArrayList<>();
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i).lastFinalizedRequestId() != states.get(i - 1).lastFinalizedRequestId()) {
                finalizations.add(states.get(i));
            }
        }
        assertMonotone(finalizations, schedule.queueGrowthStart() + Devchain.DAY, schedule.queueDrainStart(), 1);
        assertMonotone(finalizations, schedule.queueDrainStart() + Devchain.DAY, schedule.queueDrained(), -1);
    }

    /** Finalizations in (from, to): at least two, the queue after each strictly rising (1) or falling (-1). */
    private static void assertMonotone(List<SimulatedWithdrawalQueue.QueueState> finalizations, long from, long to,
            int direction) {
        List<SimulatedWithdrawalQueue.QueueState> inside = finalizations.stream()
                .filter(s -> s.timestamp() > from && s.timestamp() < to).toList();
        assertTrue(inside.size() >= 2, "finalizations between " + from + " and " + to + ": " + inside.size());
        for (int i = 1; i < inside.size(); i++) {
            assertEquals(direction, inside.get(i).unfinalizedStETH().compareTo(inside.get(i - 1).unfinalizedStETH()),
                    inside.get(i - 1) + " then " + inside.get(i));
        }
    }

    @Test
    void rethCollateralAndEtherFiPoolEthAreWhatTheDevchainWrote() {
        BigInteger collateral = reads.uint(SimulatedRocketPool.RETH, callData("getTotalCollateral()"), null);
        assertEquals(devchain.rocketPoolTotalCollateral(), collateral);
        // 2,000 ETH at the start, then +400 rETH of deposits and -300 rETH of burns on alternate days (about 1.14 ETH
        // each): a few thousand ETH after 12 days, never below the start less one day's burns
        TestDevchain.assertBetween(collateral, "1600", "5000");
        BigInteger inLp = reads.uint(SimulatedEtherFi.LIQUIDITY_POOL, callData("totalValueInLp()"), null);
        assertEquals(devchain.etherFiTotalValueInLp(), inLp);
        TestDevchain.assertBetween(inLp, "20000", "40000");
    }
}
