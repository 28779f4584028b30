package io.lsttracker.devchain;

import static io.lsttracker.devchain.MarketReads.callData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.api.TestServer;
import io.lsttracker.api.TrackerApi;
import io.lsttracker.backfill.Backfill;
import io.lsttracker.backfill.BackfillReport;
import io.lsttracker.backfill.BackfillRequest;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.devchain.beacon.ValidatorSet;
import io.lsttracker.devchain.etherfi.SimulatedEtherFi;
import io.lsttracker.devchain.lido.SimulatedWithdrawalQueue;
import io.lsttracker.devchain.markets.SimulatedMarket;
import io.lsttracker.devchain.markets.SimulatedMarkets;
import io.lsttracker.devchain.rocketpool.SimulatedRocketPool;
import io.lsttracker.snapshot.SnapshotCycle;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 15 end to end, on one devchain of its own (these tests write to it): the tracker as `serve` runs it (HTTP
 * server, gauges, alerts, on PostgreSQL; the scheduler off, so the test drives each cycle) runs a live snapshot
 * cycle, backfills the history, and runs the next cycles; what it serves is checked against an independent recompute
 * from raw eth_calls at the snapshot's block (the formulas of docs/LIQUIDITY.md written here again with BigInteger and
 * BigDecimal, not the tracker's LiquidityMath) and against the devchain's own record of what it placed. The alert on
 * stETH's market fires at the first live cycle after the backfill (the stored history shows the live depeg beyond
 * -100 bps for over an hour) and resolves after devchain.endDepeg().
 *
 * <p>The devchain: 3 days of history, 2 whole, so LiquiditySchedule compresses its 60-day times by 2/60: the first
 * depeg starts 40 x 2/60 days = 32 h before the head, is deepest (300 bps) 29.6 h before it and recovers 26.4 h before
 * it, in steps of 12 minutes; the live depeg starts 2 x 2/60 days = 96 minutes before the head and falls in steps of
 * 2 minutes to 200 bps, 42 h x 2/60 = 84 minutes before it, where it stays (depeg-live-minutes 1,440): its steps past
 * -100 bps, 88 to 84 minutes before the head, are always inside the alert's look-back (2 x its 1 h hold) and more
 * than an hour old at the next live cycle, whatever other blocks the time of day puts there. Lido's queue grows from
 * 2 days before the head to 1 day, and drains by 8 hours before it. An empty block an hour or two between events (the
 * densest archive).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevchainLiquidityTest {
    private static final BigInteger ONE = Devchain.ETH;
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final String RULE = "market-discount-over-100bps";
    /** The ladder of docs/LIQUIDITY.md: 1, 2, 5 x 10^k whole tokens up to 500,000, and 1,000,000. */
    private static final List<BigInteger> LADDER = ladder();
    /** The sizes whose quotes are reported. */
    private static final List<BigInteger> REPORTED = List.of(BigInteger.ONE, BigInteger.valueOf(100),
            BigInteger.valueOf(10_000));

    private static Devchain devchain;
    private static TestDatabases.TestDatabase database;
    private static RpcConnection rpc;
    private static MarketReads reads;
    private static EmbeddedServer server;
    private static ApplicationContext context;
    private static TrackerApi api;
    /** The backfills' reports: the history every 10 minutes, the live depeg's fall and the wave every minute. */
    private static final List<BackfillReport> backfills = new ArrayList<>();
    private static Instant backfillFrom;
    /** GET /api/alerts/active after the first live cycle, after the backfill, and after the second live cycle. */
    private static JsonNode activeAfterFirstCycle;
    private static JsonNode activeAfterBackfill;
    private static JsonNode activeAfterSecondCycle;
    private static SnapshotCycle.Outcome firstCycle;
    private static SnapshotCycle.Outcome secondCycle;
    private static long firstCycleHead;
    private static long secondCycleHead;

    @BeforeAll
    static void start() {
        DevchainParameters parameters = DevchainParameters.defaults(3).withBlockTime(0)
                .withBeaconValidators(DevchainParameters.MIN_BEACON_VALIDATORS)
                .withHistoryBlockSeconds(DevchainParameters.ARCHIVE_MIN_BLOCK_SECONDS)
                .withDepegLiveMinutes(DevchainParameters.MAX_DEPEG_LIVE_MINUTES);
        devchain = Devchain.start(AnvilProcess.freePort(), parameters);
        rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(30));
        reads = new MarketReads(rpc);

        // The production database: PostgreSQL (the local server, a schema of its own; the store tests cover H2 too).
        database = TestDatabases.postgres();
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", database.jdbcUrl());
        settings.put("datasources.default.username", database.user());
        settings.put("tracker.chain.rpc-url", devchain.url());
        settings.put("tracker.beacon.url", devchain.beaconUrl());
        settings.put("tracker.scheduler.enabled", "false"); // the test drives the cycles
        for (String log : new String[] {"deposit", "vaults", "etherfi", "frax"}) {
            settings.put("tracker.entities." + log + "-first-block", devchain.depositContractFirstBlock());
        }
        server = ApplicationContext.builder().environments("server").deduceEnvironment(false).banner(false)
                .properties(new HashMap<>(TestServer.properties(settings))).run(EmbeddedServer.class);
        context = server.getApplicationContext();
        api = context.getBean(TrackerApi.class);

        // As serve runs: a first live cycle at the head, then a backfill of the history (posted while it serves),
        // then the next live cycle, at a new block.
        SnapshotCycle cycle = context.getBean(SnapshotCycle.class);
        firstCycle = cycle.runOnce();
        firstCycleHead = headNumber();
        activeAfterFirstCycle = api.activeAlerts().body();
        // The history, every 10 minutes from an hour before Lido's queue starts growing to the block before the
        // head: the first depeg's steps are 12 minutes apart, so every one is read. Then every minute over the live
        // depeg's fall (steps 2 minutes apart) and over the model's wave of exits (about 2 hours), so each of their
        // blocks is read whatever the time of day puts near them.
        LiquiditySchedule schedule = devchain.liquiditySchedule();
        backfillFrom = Instant.ofEpochSecond(schedule.queueGrowthStart() - 3600);
        Instant backfillTo = Instant.ofEpochSecond(blockTime(firstCycleHead - 1));
        Backfill backfiller = context.getBean(Backfill.class);
        backfills.add(backfiller.run(new BackfillRequest(backfillFrom, backfillTo, Duration.ofMinutes(10)), p -> { }));
        backfills.add(backfiller.run(new BackfillRequest(Instant.ofEpochSecond(schedule.liveDepegStart() - 300),
                Instant.ofEpochSecond(schedule.liveDepegDeepest() + 300), Duration.ofMinutes(1)), p -> { }));
        Instant wave = SimulatedBeacon.slotStart(devchain.validators().waveStartEpoch() * 32);
        Instant waveEnd = wave.plus(Duration.ofMinutes(140));
        backfills.add(backfiller.run(new BackfillRequest(wave, waveEnd.isBefore(backfillTo) ? waveEnd : backfillTo,
                Duration.ofMinutes(1)), p -> { }));
        // And every minute around the first depeg's deepest step, one of whose points is its exact time. Backfill reads
        // the first block at or after each point, so the 10-minute grid reads a 12-minute step's block only when no other
        // block (an hourly filler, a daily event, placed by the time of day) lies between the grid point before it and
        // the step: on 2026-12-02 at 06:38 UTC one did, and the deepest point read was the next step's, -282 bps.
        backfills.add(backfiller.run(new BackfillRequest(Instant.ofEpochSecond(schedule.depegDeepest() - 120),
                Instant.ofEpochSecond(schedule.depegDeepest() + 780), Duration.ofMinutes(1)), p -> { }));
        activeAfterBackfill = api.activeAlerts().body();
        new AnvilRpc(rpc).mineOne();
        secondCycle = cycle.runOnce();
        secondCycleHead = headNumber();
        activeAfterSecondCycle = api.activeAlerts().body();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            context.close();
        }
        if (database != null) {
            database.close();
        }
        if (rpc != null) {
            rpc.close();
        }
        if (devchain != null) {
            devchain.close();
        }
    }

    @Test
    @Order(1)
    void theLiveCyclesAndTheBackfillStoreEveryPoolsLiquidity() {
        for (BackfillReport report : backfills) {
            assertEquals(0, report.failedPoolReadings(), report.toString());
            assertEquals(report.blocks(), report.stored() + report.alreadyStored(), report.toString());
        }
        // 10-minute points over an archive of a block an hour or two (and the events' blocks): fewer blocks, each new
        BackfillReport history = backfills.get(0);
        assertEquals(0, history.alreadyStored(), history.toString());
        assertTrue(history.stored() > 24, "more than a block every 2 hours over 2 days: " + history);
        // the live depeg's fall: its 7 steps (0 to 200 bps), 2 minutes apart, each a block of its own
        assertTrue(backfills.get(1).blocks() >= 7, backfills.get(1).toString());
        assertEquals(SnapshotCycle.Outcome.STORED, firstCycle);
        assertEquals(SnapshotCycle.Outcome.STORED, secondCycle);
        assertEquals(firstCycleHead + 1, secondCycleHead);
        JsonNode latest = api.liquidity().body();
        assertEquals(headNumber(), latest.get("block").get("number").asLong());
    }

    @Test
    @Order(2)
    void everyFigureAtTheHeadIsTheRawCallsRecomputedAndTheDevchainsTruth() {
        JsonNode latest = api.liquidity().body();
        long block = latest.get("block").get("number").asLong();
        long time = blockTime(block);
        assertEquals(Instant.ofEpochSecond(time).toString(), latest.get("block").get("timestamp").asText());
        Map<String, JsonNode> pools = new HashMap<>();
        latest.get("pools").forEach(p -> pools.put(p.get("pool").asText(), p));

        for (SimulatedMarket simulated : SimulatedMarkets.MARKETS) {
            JsonNode row = pools.get(simulated.poolId());
            assertEquals("ok", row.get("status").asText(), simulated.poolId());
            assertEquals(block, row.get("blockNumber").asLong());
            JsonNode market = row.get("market");
            String id = simulated.marketId();
            assertEquals(id, market.get("marketId").asText());
            assertEquals(simulated.address().toLowerCase(), market.get("address").asText().toLowerCase(), id);
            assertEquals("ok", market.get("status").asText(), id + ": " + market.get("error"));
            // The redemption: 1 ETH, or the pool's ETH per token as the devchain wrote it (its truth at the head).
            BigInteger redemption = simulated.redeemsOneEth() ? ONE : devchain.expected(simulated.poolId()).ethPerToken();
            assertEquals(redemption.toString(), market.get("redemptionWei").asText(), id);

            // The whole ladder by raw get_dy at the snapshot's block; a size that reverts is beyond the depth.
            Map<BigInteger, Optional<BigInteger>> out = new HashMap<>();
            for (BigInteger size : LADDER) {
                String data = callData(simulated.uint256Index() ? "get_dy(uint256,uint256,uint256)"
                        : "get_dy(int128,int128,uint256)", 1, 0, size.multiply(ONE));
                out.put(size, reads.reverts(simulated.address(), data, block) ? Optional.empty()
                        : Optional.of(reads.uint(simulated.address(), data, block)));
            }
            JsonNode quotes = market.get("quotes");
            assertEquals(REPORTED.size(), quotes.size(), id);
            for (int i = 0; i < REPORTED.size(); i++) {
                BigInteger size = REPORTED.get(i);
                BigInteger ethOut = out.get(size).orElseThrow(() -> new AssertionError(id + " reverts at " + size));
                JsonNode quote = quotes.get(i);
                assertEquals(size.toString(), quote.get("sizeTokens").asText(), id);
                assertEquals(ethOut.toString(), quote.get("ethOutWei").asText(), id + " x " + size);
                assertEquals(discountBps(ethOut, size, redemption).toPlainString(), quote.get("discountBps").asText(),
                        id + " x " + size);
            }
            // The balances the quotes come from are the devchain's last state of the market.
            List<SimulatedMarkets.MarketState> states = devchain.marketStates(id);
            SimulatedMarkets.MarketState state = states.get(states.size() - 1);
            assertEquals(state.balance0(), reads.uint(simulated.address(), callData("balances(uint256)", 0), block));
            assertEquals(state.balance1(), reads.uint(simulated.address(), callData("balances(uint256)", 1), block));

            Depth depth = depth(out);
            JsonNode depth1pct = market.get("depth1pct");
            assertEquals(depth.tokens(), text(depth1pct.get("tokens")), id + " depth");
            assertEquals(depth.belowTokens(), text(depth1pct.get("belowTokens")), id + " beyond the depth");
        }

        // stETH's market is in the live depeg at the head: 1 stETH sells 200 bps under 1 ETH (planned to a gwei of
        // balance, so within 0.01 bps of it).
        BigDecimal steth = new BigDecimal(pools.get("lido").get("market").get("quotes").get(0).get("discountBps").asText());
        assertTrue(steth.compareTo(new BigDecimal("-200.00")) >= 0 && steth.compareTo(new BigDecimal("-199.99")) <= 0,
                steth + " bps at the head");
        assertEquals(LiquiditySchedule.LIVE_DISCOUNT_BPS, last(devchain.marketStates("curve-steth-eth")).discountBps());

        // Lido's withdrawal queue, raw, and the devchain's record of it.
        String queue = SimulatedWithdrawalQueue.ADDRESS;
        BigInteger unfinalized = reads.uint(queue, callData("unfinalizedStETH()"), block);
        long lastRequest = reads.uint(queue, callData("getLastRequestId()"), block).longValueExact();
        long lastFinalized = reads.uint(queue, callData("getLastFinalizedRequestId()"), block).longValueExact();
        JsonNode lidoQueue = pools.get("lido").get("exit").get("withdrawalQueue");
        assertEquals("ok", pools.get("lido").get("exit").get("status").asText());
        assertEquals(unfinalized.toString(), lidoQueue.get("unfinalizedWei").asText());
        assertEquals(lastRequest - lastFinalized, lidoQueue.get("unfinalizedRequests").asLong());
        SimulatedWithdrawalQueue.QueueState truth = last(devchain.withdrawalQueueStates());
        assertEquals(truth.unfinalizedStETH(), unfinalized);
        assertEquals(truth.lastRequestId(), lastRequest);
        assertEquals(truth.lastFinalizedRequestId(), lastFinalized);
        if (lastRequest > lastFinalized) {
            // getWithdrawalStatus([id]): an offset, the length 1, then the WithdrawalRequestStatus tuple (amountOfStETH,
            // amountOfShares, owner, timestamp, isFinalized, isClaimed): the timestamp is the 6th word of the answer.
            List<BigInteger> status = reads.words(queue, callData("getWithdrawalStatus(uint256[])", 32, 1,
                    lastFinalized + 1), block);
            long requested = status.get(5).longValueExact();
            assertEquals(truth.oldestUnfinalizedTimestamp(), requested);
            assertEquals(time - requested, lidoQueue.get("oldestUnfinalizedAgeSeconds").asLong());
        } else {
            assertTrue(lidoQueue.get("oldestUnfinalizedAgeSeconds").isNull(), lidoQueue.toString());
        }

        // Rocket Pool's and ether.fi's ETH to pay out at once, raw, and the devchain's truth.
        BigInteger collateral = reads.uint(SimulatedRocketPool.RETH, callData("getTotalCollateral()"), block);
        assertEquals(devchain.rocketPoolTotalCollateral(), collateral);
        assertEquals(collateral.toString(), pools.get("rocketpool").get("exit").get("liquidEthWei").asText());
        BigInteger inLp = reads.uint(SimulatedEtherFi.LIQUIDITY_POOL, callData("totalValueInLp()"), block);
        assertEquals(devchain.etherFiTotalValueInLp(), inLp);
        assertEquals(inLp.toString(), pools.get("etherfi").get("exit").get("liquidEthWei").asText());

        // The beacon exit queue at its slot: the model's ground truth, the churn and the wait by hand.
        JsonNode exitQueue = latest.get("exitQueue");
        assertNotNull(exitQueue);
        assertExitQueue(exitQueue);
    }

    @Test
    @Order(3)
    void theHistoryShowsBothDepegsTheQueueGrowingThenDrainingAndTheBeaconQueue() {
        LiquiditySchedule schedule = devchain.liquiditySchedule();
        JsonNode history = api.poolLiquidity("lido", backfillFrom.toString(), Instant.now().plusSeconds(3600)
                .toString(), "10000").body();
        assertFalse(history.get("truncated").asBoolean());
        List<JsonNode> points = new ArrayList<>();
        history.get("points").forEach(points::add);
        assertEquals(backfills.stream().mapToLong(BackfillReport::stored).sum() + 2, points.size(),
                "the backfills' blocks and the two live cycles'");

        // The deepest discount of the history: the first depeg's, at its deepest step's block (-300 bps, planned to a
        // gwei of balance: within 0.01 bps of it).
        JsonNode deepest = points.stream().min((a, b) -> new BigDecimal(a.get("discountBps1").asText())
                .compareTo(new BigDecimal(b.get("discountBps1").asText()))).orElseThrow();
        BigDecimal deepestBps = new BigDecimal(deepest.get("discountBps1").asText());
        assertTrue(deepestBps.compareTo(new BigDecimal("-300.00")) >= 0
                && deepestBps.compareTo(new BigDecimal("-299.99")) <= 0, deepestBps + " bps");
        long deepestAt = Instant.parse(deepest.get("time").asText()).getEpochSecond();
        assertTrue(Math.abs(deepestAt - schedule.depegDeepest()) <= 2, "deepest at " + deepest.get("time"));
        // Before the first depeg and between the two: at rest (the fee's 1 bp and a sliver), above -10 bps.
        for (JsonNode p : points) {
            long at = Instant.parse(p.get("time").asText()).getEpochSecond();
            BigDecimal bps = new BigDecimal(p.get("discountBps1").asText());
            boolean atRest = at < schedule.depegStart() || (at >= schedule.depegRecovered() + 2
                    && at < schedule.liveDepegStart());
            if (atRest) {
                assertTrue(bps.compareTo(BigDecimal.TEN.negate()) >= 0 && bps.signum() < 0, bps + " at " + p.get("time"));
            }
            // From the live depeg's deepest step on: 200 bps under, to the head.
            if (at >= schedule.liveDepegDeepest() + 2) {
                assertTrue(bps.compareTo(new BigDecimal("-200.00")) >= 0 && bps.compareTo(new BigDecimal("-199.99")) <= 0,
                        bps + " at " + p.get("time"));
            }
        }
        assertTrue(points.stream().filter(p -> Instant.parse(p.get("time").asText()).getEpochSecond()
                >= schedule.liveDepegDeepest()).count() >= 3, "the live depeg's blocks are in the history");

        // Lido's withdrawal queue: each point is the devchain's record at its block; it grows to the drain's start,
        // then drains.
        List<SimulatedWithdrawalQueue.QueueState> queueStates = devchain.withdrawalQueueStates();
        BigDecimal peak = BigDecimal.ZERO;
        long peakAt = 0;
        for (JsonNode p : points) {
            long pointBlock = p.get("blockNumber").asLong();
            SimulatedWithdrawalQueue.QueueState state = queueStates.stream().filter(q -> q.block() <= pointBlock)
                    .reduce((a, b) -> b).orElseThrow();
            BigDecimal unfinalized = new BigDecimal(p.get("lidoUnfinalizedEth").asText());
            assertEquals(0, new BigDecimal(state.unfinalizedStETH()).movePointLeft(18).compareTo(unfinalized),
                    "block " + pointBlock);
            assertEquals(state.lastRequestId() - state.lastFinalizedRequestId(), p.get("lidoUnfinalizedRequests")
                    .asLong());
            if (unfinalized.compareTo(peak) > 0) {
                peak = unfinalized;
                peakAt = Instant.parse(p.get("time").asText()).getEpochSecond();
            }
        }
        // the 100,000 stETH the schedule adds on top of what waits at rest, at most; the peak within a day of the
        // drain's start (requests come three times a day and a daily finalization clears what is above the plan)
        assertTrue(peak.compareTo(BigDecimal.valueOf(LiquiditySchedule.QUEUE_GROWTH_ETH / 2)) > 0, "peak " + peak);
        assertTrue(Math.abs(peakAt - schedule.queueDrainStart()) <= 86_400, "peak at " + Instant.ofEpochSecond(peakAt));
        BigDecimal first = new BigDecimal(points.get(0).get("lidoUnfinalizedEth").asText());
        BigDecimal drained = points.stream().filter(p -> Instant.parse(p.get("time").asText()).getEpochSecond()
                > schedule.queueDrained()).map(p -> new BigDecimal(p.get("lidoUnfinalizedEth").asText()))
                .max(BigDecimal::compareTo).orElseThrow();
        assertTrue(drained.compareTo(peak.subtract(BigDecimal.valueOf(LiquiditySchedule.QUEUE_GROWTH_ETH / 2))) < 0,
                "drained to " + drained + " from " + peak + " (first " + first + ")");

        // The beacon exit queue's history: every reading is the model's queue at its slot.
        JsonNode exitHistory = api.exitQueue(backfillFrom.toString(), Instant.now().plusSeconds(3600).toString(),
                "10000").body();
        assertTrue(exitHistory.get("points").size() >= 2, exitHistory.toString());
        exitHistory.get("points").forEach(DevchainLiquidityTest::assertExitQueue);
        // The model's wave of exits (ValidatorSet: a day after the change's exits drain; 1,020 validators, churn 128
        // ETH, so its exits, 3 validators in 50, wait some 19 epochs: about 2 hours) is in the history: the blocks
        // of an hour or two apart read it.
        long waveStart = devchain.validators().waveStartEpoch() * 32;
        boolean waveSeen = false;
        for (JsonNode reading : exitHistory.get("points")) {
            waveSeen |= reading.get("slot").asLong() >= waveStart && reading.get("exitingValidators").asLong() > 0;
        }
        assertTrue(waveSeen, "no reading of the wave of exits from slot " + waveStart + ": " + exitHistory);
    }

    @Test
    @Order(4)
    void theGaugesOnPrometheusAreTheApisFiguresForLido() throws Exception {
        JsonNode lido = null;
        JsonNode latest = api.liquidity().body();
        for (JsonNode p : latest.get("pools")) {
            if (p.get("pool").asText().equals("lido")) {
                lido = p;
            }
        }
        String scrape = get("prometheus");
        JsonNode quotes = lido.get("market").get("quotes");
        for (JsonNode quote : quotes) {
            String size = quote.get("sizeTokens").asText();
            assertEquals(Double.parseDouble(quote.get("discountBps").asText()),
                    gauge(scrape, "lst_market_discount_bps", "pool=\"lido\",size=\"" + size + "\""), size);
            assertEquals(new BigDecimal(quote.get("ethOutWei").asText()).movePointLeft(18).doubleValue(),
                    gauge(scrape, "lst_market_eth_out", "pool=\"lido\",size=\"" + size + "\""), size);
        }
        assertEquals(Double.parseDouble(lido.get("market").get("depth1pct").get("tokens").asText()),
                gauge(scrape, "lst_market_depth_1pct_tokens", "pool=\"lido\""));
        assertEquals(1.0, gauge(scrape, "lst_market_quote_ok", "pool=\"lido\""));
        JsonNode queue = lido.get("exit").get("withdrawalQueue");
        assertEquals(new BigDecimal(queue.get("unfinalizedWei").asText()).movePointLeft(18).doubleValue(),
                gauge(scrape, "lst_lido_withdrawal_unfinalized_eth", "pool=\"lido\""));
        assertEquals(queue.get("unfinalizedRequests").asDouble(),
                gauge(scrape, "lst_lido_withdrawal_requests", "pool=\"lido\""));
        JsonNode exitQueue = latest.get("exitQueue");
        assertEquals(Double.parseDouble(exitQueue.get("waitDays").asText()), gauge(scrape, "lst_beacon_exit_wait_days",
                null));
        assertEquals(exitQueue.get("exitingValidators").asDouble(), gauge(scrape, "lst_beacon_exit_queue_validators",
                null));
        assertEquals(new BigDecimal(exitQueue.get("exitingWei").asText()).movePointLeft(18).doubleValue(),
                gauge(scrape, "lst_beacon_exit_queue_eth", null));
    }

    @Test
    @Order(5)
    void theDiscountAlertFiresOnceTheStoredHistoryHoldsItsHourAndResolvesOnceTheDepegEnds() {
        // The first live cycle: stETH's market at 200 bps under, but nothing stored before it, so no hour held yet.
        assertFalse(firing(activeAfterFirstCycle), "active after the first live cycle: " + activeAfterFirstCycle);
        // The backfill's blocks are older than the block evaluated: history, not news (AlertService), so neither the
        // history's depeg nor the live one fires from them.
        assertFalse(firing(activeAfterBackfill), "active after the backfill: " + activeAfterBackfill);
        // The next live cycle: the stored history now shows the market beyond -100 bps at every block of the last
        // hour and more (from the live depeg's 133 bps step, 88 minutes before the head).
        assertTrue(firing(activeAfterSecondCycle), "active after the second live cycle: " + activeAfterSecondCycle);
        JsonNode fired = events("firing");
        assertEquals(1, fired.size(), fired.toString());
        assertEquals(secondCycleHead, fired.get(0).get("blockNumber").asLong());
        BigDecimal firedAt = new BigDecimal(fired.get(0).get("value").asText());
        assertTrue(firedAt.compareTo(new BigDecimal("-200.00")) >= 0 && firedAt.compareTo(new BigDecimal("-199.99")) <= 0,
                firedAt.toPlainString());
        assertEquals(0, events("resolved").size());

        devchain.endDepeg();
        assertEquals(SnapshotCycle.Outcome.STORED, context.getBean(SnapshotCycle.class).runOnce());
        JsonNode active = api.activeAlerts().body();
        assertFalse(firing(active), active.toString());
        JsonNode resolved = events("resolved");
        assertEquals(1, resolved.size(), resolved.toString());
        assertEquals(headNumber(), resolved.get(0).get("blockNumber").asLong());
        // resolved at -90 bps or above: at rest the market is at the fee's 1 bp and a sliver
        BigDecimal value = new BigDecimal(resolved.get(0).get("value").asText());
        assertTrue(value.compareTo(new BigDecimal("-10")) >= 0, value.toPlainString());
    }

    // --- the independent recompute (docs/LIQUIDITY.md, "Formulas") ---

    /**
     * (ethOut - size x redemption) x 10,000 / (size x redemption), scale 2, half-even: one division, so one rounding.
     * E.g. selling 1 stETH (redemption 1e18) for 0.98 ETH: (0.98e18 - 1e18) x 10,000 / 1e18 = -200.00.
     */
    static BigDecimal discountBps(BigInteger ethOut, BigInteger sizeTokens, BigInteger redemptionWei) {
        BigInteger value = sizeTokens.multiply(redemptionWei);
        return new BigDecimal(ethOut.subtract(value).multiply(BPS)).divide(new BigDecimal(value), 2,
                RoundingMode.HALF_EVEN);
    }

    record Depth(String tokens, String belowTokens) {
    }

    /**
     * The 1% depth: walking up the ladder from 2 tokens, a size holds while it gets at least 99% of one token's price
     * per token, in integers ethOut(x) x 100 >= 99 x x x ethOut(1); the first that does not (or reverts) is the
     * bracket's top. E.g. ethOut(1) = 0.98e18 and ethOut(10) = 9.7e18: 9.7e18 x 100 = 970e18 >= 99 x 10 x 0.98e18
     * = 970.2e18? No: 10 is beyond.
     */
    static Depth depth(Map<BigInteger, Optional<BigInteger>> out) {
        BigInteger one = out.get(BigInteger.ONE).orElseThrow();
        String within = null;
        for (BigInteger size : LADDER.subList(1, LADDER.size())) {
            Optional<BigInteger> ethOut = out.get(size);
            if (ethOut.isEmpty() || ethOut.get().multiply(BigInteger.valueOf(100))
                    .compareTo(BigInteger.valueOf(99).multiply(size).multiply(one)) < 0) {
                return new Depth(within, size.toString());
            }
            within = size.toString();
        }
        return new Depth(within, null);
    }

    /**
     * A reading of the beacon exit queue against ValidatorSet.exitQueue at its slot, and the churn and wait by hand:
     * churn = min(256, max(128, active / 65,536)) whole ETH (consensus-specs electra get_balance_churn_limit,
     * get_activation_exit_churn_limit), wait = exiting / (churn x 225) days, scale 2, half-even.
     */
    static void assertExitQueue(JsonNode reading) {
        long slot = reading.get("slot").asLong();
        ValidatorSet.ExitQueue truth = devchain.validators().exitQueue(slot);
        assertEquals(truth.validators(), reading.get("exitingValidators").asLong(), "slot " + slot);
        BigInteger exitingWei = truth.exitingGwei().multiply(GWEI);
        assertEquals(exitingWei.toString(), reading.get("exitingWei").asText(), "slot " + slot);
        BigInteger activeEth = truth.activeEffectiveGwei().multiply(GWEI).divide(ONE);
        BigInteger churnEth = activeEth.divide(BigInteger.valueOf(65_536)).max(BigInteger.valueOf(128))
                .min(BigInteger.valueOf(256));
        BigInteger churnWei = churnEth.multiply(ONE);
        assertEquals(churnWei.toString(), reading.get("churnWeiPerEpoch").asText(), "slot " + slot);
        BigDecimal wait = new BigDecimal(exitingWei).divide(new BigDecimal(churnWei.multiply(BigInteger.valueOf(225))),
                2, RoundingMode.HALF_EVEN);
        assertEquals(wait.toPlainString(), reading.get("waitDays").asText(), "slot " + slot);
    }

    // --- plumbing ---

    private static List<BigInteger> ladder() {
        List<BigInteger> sizes = new ArrayList<>();
        for (long power = 1; power <= 100_000; power *= 10) {
            for (long digit : new long[] {1, 2, 5}) {
                sizes.add(BigInteger.valueOf(digit * power));
            }
        }
        sizes.add(BigInteger.valueOf(1_000_000));
        return List.copyOf(sizes);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static boolean firing(JsonNode active) {
        for (JsonNode alert : active.get("alerts")) {
            if (alert.get("rule").asText().equals(RULE) && alert.get("subject").asText().equals("lido")) {
                return true;
            }
        }
        return false;
    }

    /** The rule's events of {@code state} for lido, newest first. */
    private static JsonNode events(String state) {
        List<JsonNode> found = new ArrayList<>();
        api.alerts(state, "100").body().get("events").forEach(e -> {
            if (e.get("rule").asText().equals(RULE) && e.get("subject").asText().equals("lido")) {
                found.add(e);
            }
        });
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found);
    }

    private static long headNumber() {
        try {
            return rpc.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long blockTime(long number) {
        try {
            return rpc.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                    BigInteger.valueOf(number)), false).send().getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String get(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/" + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of the one sample of {@code name} with exactly {@code labels} (null: no labels) in a scrape. */
    private static double gauge(String scrape, String name, String labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + (labels == null ? "" : "\\{" + Pattern.quote(labels)
                + ",?\\}") + " (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        assertTrue(m.find(), name + "{" + labels + "} not in the scrape");
        return Double.parseDouble(m.group(1));
    }
}
