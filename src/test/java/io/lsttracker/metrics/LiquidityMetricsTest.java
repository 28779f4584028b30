package io.lsttracker.metrics;

import static io.lsttracker.api.LiquidityFixtures.T0;
import static io.lsttracker.api.LiquidityFixtures.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.api.FakeLiquidityHistory;
import io.lsttracker.api.LiquidityFixtures;
import io.lsttracker.api.ServerTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The liquidity gauges, scraped from /prometheus of a real server over the hand-computed figures of
 * {@link LiquidityFixtures}: each gauge's value, NaN where a figure is not had, the next snapshot's figures at the
 * next scrape, and no history read during a scrape (the values come from the history's memory).
 */
class LiquidityMetricsTest extends ServerTest {
    @Inject
    FakeLiquidityHistory liquidity;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.scheduler.enabled", "false", FakeLiquidityHistory.PROPERTY, "true");
    }

    /** The scrape's samples, "name{labels}" -> value. */
    private Map<String, Double> scrape() {
        String text = api.prometheus().body();
        Map<String, Double> samples = new TreeMap<>();
        text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
            int space = l.lastIndexOf(' ');
            samples.put(l.substring(0, space), Double.parseDouble(l.substring(space + 1)));
        });
        return samples;
    }

    @Test
    void theGaugesShowTheLatestFiguresFromMemory() {
        liquidity.clear();
        Map<String, Double> empty = scrape();
        assertTrue(empty.get("lst_market_discount_bps{pool=\"lido\",size=\"1\"}").isNaN(), "before any figures");
        assertTrue(empty.get("lst_beacon_exit_wait_days").isNaN());

        liquidity.store(LiquidityFixtures.handComputedSnapshot()).store(LiquidityFixtures.handComputedExitQueue());
        Map<String, Double> s = scrape();
        // the fixture's arithmetic: lido -10.00, -30.00, -587.65 bps; rocketpool +10.00 (1.1011 / 1.1 = 1.001)
        assertEquals(-10.0, s.get("lst_market_discount_bps{pool=\"lido\",size=\"1\"}"));
        assertEquals(-30.0, s.get("lst_market_discount_bps{pool=\"lido\",size=\"100\"}"));
        assertEquals(-587.65, s.get("lst_market_discount_bps{pool=\"lido\",size=\"10000\"}"));
        assertEquals(10.0, s.get("lst_market_discount_bps{pool=\"rocketpool\",size=\"1\"}"));
        assertEquals(0.999, s.get("lst_market_eth_out{pool=\"lido\",size=\"1\"}"));
        assertEquals(9412.3456, s.get("lst_market_eth_out{pool=\"lido\",size=\"10000\"}"));
        assertEquals(2000.0, s.get("lst_market_depth_1pct_tokens{pool=\"lido\"}"));
        assertEquals(1.0, s.get("lst_market_quote_ok{pool=\"lido\"}"));
        assertEquals(0.0, s.get("lst_market_quote_ok{pool=\"coinbase\"}"), "the market reverted");
        assertTrue(s.get("lst_market_discount_bps{pool=\"coinbase\",size=\"1\"}").isNaN(), "a failed market");
        assertTrue(s.get("lst_market_quote_ok{pool=\"etherfi\"}").isNaN(), "no market configured");
        assertEquals(1234.5, s.get("lst_pool_liquid_eth{pool=\"rocketpool\"}"));
        assertEquals(5000.0, s.get("lst_pool_liquid_eth{pool=\"etherfi\"}"));
        assertTrue(s.get("lst_pool_liquid_eth{pool=\"lido\"}").isNaN());
        assertEquals(12345.678, s.get("lst_lido_withdrawal_unfinalized_eth{pool=\"lido\"}"));
        assertEquals(42.0, s.get("lst_lido_withdrawal_requests{pool=\"lido\"}"));
        assertEquals(3600.0, s.get("lst_lido_withdrawal_oldest_age_seconds{pool=\"lido\"}"));
        // 1,000 validators, 32,000 ETH, churn 256 ETH: 32,000 / (256 x 225) = 0.5555... -> 0.56 days
        assertEquals(32000.0, s.get("lst_beacon_exit_queue_eth"));
        assertEquals(1000.0, s.get("lst_beacon_exit_queue_validators"));
        assertEquals(256.0, s.get("lst_beacon_exit_churn_eth"));
        assertEquals(0.56, s.get("lst_beacon_exit_wait_days"));

        // The next snapshot: lido alone, at -120.50 bps. The next scrape has it, and the others turn NaN.
        liquidity.store(List.of(LiquidityFixtures.lidoAt(block(1_001, T0.plusSeconds(12)), "-120.50")));
        Map<String, Double> next = scrape();
        assertEquals(-120.5, next.get("lst_market_discount_bps{pool=\"lido\",size=\"1\"}"));
        assertTrue(next.get("lst_market_discount_bps{pool=\"lido\",size=\"100\"}").isNaN(), "not quoted");
        assertTrue(next.get("lst_market_quote_ok{pool=\"rocketpool\"}").isNaN());
        assertEquals(List.of(), liquidity.limitsAsked, "a scrape reads no history");
    }
}
