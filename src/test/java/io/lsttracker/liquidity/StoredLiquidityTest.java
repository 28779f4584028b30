package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.pool.PoolRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The beacon side of the liquidity history is the injected {@link BeaconExitQueues}' (a fake of our interface). */
class StoredLiquidityTest {
    private static final BlockRef BLOCK = new BlockRef(7, "0x" + "07".repeat(32), Instant.parse("2026-11-01T00:00:00Z"));
    // 576,000 ETH exiting at 256 ETH an epoch: 576,000 / (256 x 225) = 10 days
    private static final LiquidityFigures.BeaconExitQueue QUEUE = new LiquidityFigures.BeaconExitQueue(224,
            BLOCK, 18_000, BigInteger.valueOf(576_000).multiply(BigInteger.TEN.pow(18)),
            BigInteger.valueOf(256).multiply(BigInteger.TEN.pow(18)), new BigDecimal("10.00"));

    @Test
    void theExitQueueIsTheBeaconReadingsWhenOneIsConfigured() {
        List<String> asked = new ArrayList<>();
        BeaconExitQueues beacon = new BeaconExitQueues() {
            @Override
            public Optional<LiquidityFigures.BeaconExitQueue> latest() {
                return Optional.of(QUEUE);
            }

            @Override
            public List<LiquidityFigures.BeaconExitQueue> history(Instant from, Instant to, int limit) {
                asked.add(from + " " + to + " " + limit);
                return List.of(QUEUE);
            }

            @Override
            public List<LiquidityFigures.BeaconExitQueue> history(Instant from, Instant to, Duration interval) {
                asked.add(from + " " + to + " per " + interval);
                return List.of(QUEUE);
            }
        };
        StoredLiquidity history = new StoredLiquidity(new PoolRegistry("test", List.of()),
                new Markets("test", List.of()), null, Optional.of(beacon));
        assertEquals(Optional.of(QUEUE), history.latestExitQueue());
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-02T00:00:00Z");
        assertEquals(List.of(QUEUE), history.exitQueueHistory(from, to, 50));
        assertEquals(List.of(QUEUE), history.exitQueueHistory(from, to, Duration.ofDays(1)));
        assertEquals(List.of(from + " " + to + " 50", from + " " + to + " per PT24H"), asked);
    }

    @Test
    void withoutABeaconNodeTheDownsampledExitQueueIsEmpty() {
        StoredLiquidity history = new StoredLiquidity(new PoolRegistry("test", List.of()),
                new Markets("test", List.of()), null, Optional.empty());
        assertEquals(List.of(), history.exitQueueHistory(BLOCK.timestamp(), BLOCK.timestamp().plusSeconds(3600),
                Duration.ofHours(1)));
    }
}
