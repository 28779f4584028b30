package io.lsttracker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.db.TestDatabases;
import io.lsttracker.entity.EntityFixtures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityRegistryLoader;
import io.lsttracker.entity.EntityStore;
import io.lsttracker.entity.LatestEntityReading;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The entity gauges come from memory: a reading stored is scraped at once, and a scrape never reads the database
 * (it goes on answering with the database gone). Figures: EntityTallyTest's hand-computed reading.
 */
class EntityMetricsTest {

    private static double gauge(SimpleMeterRegistry meters, String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    @Test
    void aStoredReadingIsScrapedAtOnceAndWithoutTheDatabase() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TestDatabases.TestDatabase database = TestDatabases.h2();
        EntityStore store = database.bean(EntityStore.class);
        EntityReading first = EntityFixtures.handComputedReading();
        store.saveReading(first, 1);
        new EntityMetrics(database.bean(LatestEntityReading.class), EntityRegistryLoader.load(null), meters);
        assertEquals(281_250, gauge(meters, "lst.entity.reading.epoch"));

        // The next epoch's reading, stored a moment later: the next scrape has it (no refresh period to wait for).
        EntityReading next = new EntityReading(first.slot() + 32, first.epoch() + 1, first.readAt().plusSeconds(384),
                first.entities(), first.unidentified(), first.validators(), first.activeValidators(),
                first.activeStakeGwei(), first.measures(), first.evidence(), first.conflicts());
        store.saveReading(next, 2);
        database.close(); // from here on any database access fails
        assertEquals(281_251, gauge(meters, "lst.entity.reading.epoch"));
        // 128 / 335.000000001 ETH; at worst (128 + 80) / 335.000000001 = 0.620895522386206282.
        assertEquals(0.382089552237665404, gauge(meters, "lst.entity.largest.share", "scope", "reported"), 1e-15);
        assertEquals(0.620895522386206282, gauge(meters, "lst.entity.largest.share", "scope", "at-worst"), 1e-15);
        assertEquals(0.573134328359483181, gauge(meters, "lst.entity.top3.share", "scope", "reported"), 1e-15);
        assertEquals(0.238805970148540878, gauge(meters, "lst.entity.share.of.staked", "entity", "unidentified"),
                1e-15);
        assertEquals(1819.291602, gauge(meters, "lst.entity.hhi", "scope", "reported"), 1e-9);
        assertEquals(3, gauge(meters, "lst.entity.tau", "scope", "reported", "threshold", "1/2"));
        assertEquals(1, gauge(meters, "lst.entity.tau", "scope", "at-worst", "threshold", "1/2"));
    }

    @Test
    void beforeAnyReadingTheGaugesAreNaN() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TestDatabases.TestDatabase database = TestDatabases.h2()) {
            new EntityMetrics(database.bean(LatestEntityReading.class), EntityRegistryLoader.load(null), meters);
            assertTrue(Double.isNaN(gauge(meters, "lst.entity.largest.share", "scope", "reported")));
            assertTrue(Double.isNaN(gauge(meters, "lst.entity.share.of.staked", "entity", "lido")));
        }
    }
}
