package io.lsttracker.alert;

import static io.lsttracker.api.LiquidityFixtures.T0;
import static io.lsttracker.api.LiquidityFixtures.block;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.api.LiquidityFixtures;
import io.lsttracker.liquidity.LiquidityFigures;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the liquidity rules see in one snapshot's figures (pure): the one-token discount per pool with a market (a
 * failed market is a subject with no value, no news; a pool without a market no subject), filtered by the rule's
 * pool; the exit wait for "network".
 */
class LiquidityObservationsTest {
    private static final AlertConfig RULES = AlertConfigLoader.parse("a.yml", """
            rules:
              any-discount:
                metric: market-discount-bps
                threshold: -100
                direction: below
              lido-discount:
                metric: market-discount-bps
                pool: lido
                threshold: -100
                direction: below
              wait:
                metric: exit-wait-days
                threshold: 14
            """);

    @Test
    void theOneTokenDiscountOfEveryPoolWithAMarket() {
        // the hand-computed snapshot: lido -10.00 bps, rocketpool +10.00, coinbase failed, etherfi no market
        List<LiquidityFigures> figures = LiquidityFixtures.handComputedSnapshot();
        Map<String, Optional<BigDecimal>> expected = new LinkedHashMap<>();
        expected.put("lido", Optional.of(new BigDecimal("-10.00")));
        expected.put("rocketpool", Optional.of(new BigDecimal("10.00")));
        expected.put("coinbase", Optional.empty());
        assertEquals(expected, Observations.ofLiquidity(RULES.rules().get(0), figures, Optional.empty()));
        assertEquals(Map.of("lido", Optional.of(new BigDecimal("-10.00"))),
                Observations.ofLiquidity(RULES.rules().get(1), figures, Optional.empty()));
        assertEquals(Map.of(), Observations.ofLiquidity(RULES.rules().get(0), List.of(), Optional.empty()),
                "no figures: no subject");
    }

    @Test
    void theExitWaitIsTheNetworks() {
        AlertRule wait = RULES.rules().get(2);
        assertEquals(Map.of("network", Optional.of(new BigDecimal("0.56"))), Observations.ofLiquidity(wait,
                List.of(), Optional.of(LiquidityFixtures.handComputedExitQueue())));
        assertEquals(Map.of(), Observations.ofLiquidity(wait, List.of(), Optional.empty()), "no reading: no subject");
        // the liquidity metrics are not had from a snapshot, nor the others from liquidity figures
        assertEquals(Map.of(), Observations.of(wait, null, null, Map.of(), Optional.empty()));
        AlertConfig hhi = AlertConfigLoader.parse("b.yml", "rules: {h: {metric: hhi-of-lsts, threshold: 2500}}");
        assertEquals(Map.of(), Observations.ofLiquidity(hhi.rules().get(0),
                List.of(LiquidityFixtures.lidoAt(block(1, T0), "-500.00")), Optional.empty()));
    }
}
