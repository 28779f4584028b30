package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.concentration.SnapshotConcentration;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.entity.EntityFixtures;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.EntityRegistry;
import io.lsttracker.entity.EntityRegistryLoader;
import io.lsttracker.entity.EntityStore;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * /api/concentration's shape on hand-made figures: the entities' headline from EntityTallyTest's hand-computed
 * reading (figures worked out there), each pool next to its entity with the exact difference, and without a
 * reading the reason in place of the headline.
 */
class ConcentrationViewTest {
    private static final EntityRegistry ENTITIES = EntityRegistryLoader.load(null);
    private static final Instant NOW = Instant.parse("2026-12-01T00:10:00Z");
    private static final EntityReadings.Status STATUS = new EntityReadings.Status(
            Optional.of(EntityReadings.Outcome.REUSED), Optional.of("epoch 281250 was read already"), Optional.of(NOW));

    /** Lido's token-side ETH 130.5, Binance's (wBETH) 10; 1,000 ETH staked for the token view. */
    private static ConcentrationReport report() {
        Snapshot snapshot = new Snapshot(1, new BlockRef(1234, "0x" + "ab".repeat(32), NOW),
                List.of(PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, Wei.fromEther("130.5"), Wei.fromEther("130.5")),
                        PoolState.ok(new PoolId("binance"), Wei.ONE_ETHER, Wei.fromEther("10"), Wei.fromEther("10"))));
        return SnapshotConcentration.of(snapshot, Optional.of(new TotalStaked(1,
                Wei.ONE_ETHER.multiply(BigInteger.valueOf(1000)), 1)), null);
    }

    @Test
    void theHeadlineIsTheEntityReadingAndEachPoolSitsNextToItsEntity() {
        ConcentrationView v = ConcentrationView.latest(report(),
                Optional.of(new EntityStore.StoredReading(EntityFixtures.handComputedReading(), 1200)), STATUS,
                ENTITIES, NOW);
        assertNull(v.entitiesAbsent());
        ConcentrationView.EntityConcentrationView e = v.entities();
        // Read at 2026-12-01T00:00:00Z, served ten minutes later.
        assertEquals(281_250, e.source().epoch());
        assertEquals(600, e.source().ageSeconds());
        assertEquals("335000000001", e.stakedGwei());
        // Lido 128 of 335.000000001 ETH; five entities hold stake (Figment none); unidentified 80 ETH.
        assertEquals("lido", e.largestEntity());
        assertEquals("0.382089552237665404", e.largestShare());
        assertEquals(5, e.entitiesWithStake());
        assertEquals("0.238805970148540878", e.unidentifiedShare());
        assertEquals("80.000000000", e.unidentifiedEth());
        assertEquals("1819.291602", e.identified().hhi());
        assertEquals(3, e.identified().nakamoto());
        assertEquals("0.573134328359483181", e.identified().topShares().get("top3"));
        assertEquals("4214.479840", e.atWorst().hhi());
        assertEquals(1, e.atWorst().nakamoto());

        // Lido: 130.5 token-side - 128 beacon = 2.5 ETH buffered or pending. Binance: wBETH 10 against 32 staked.
        assertEquals(2, v.poolsAndEntities().size(), v.poolsAndEntities().toString());
        ConcentrationView.PoolEntityView lido = v.poolsAndEntities().get(0);
        assertEquals(List.of("lido", "lido", "liquid-staking", "130.500000000000000000", "128.000000000000000000",
                "2.500000000000000000"), List.of(lido.pool(), lido.entity(), lido.category(), lido.tokenSideEth(),
                lido.entityStakeEth(), lido.differenceEth()));
        assertTrue(lido.note().contains("buffered"), lido.note());
        ConcentrationView.PoolEntityView binance = v.poolsAndEntities().get(1);
        assertEquals(List.of("binance", "-22.000000000000000000"), List.of(binance.pool(), binance.differenceEth()));
        assertTrue(binance.note().contains("not buffered"), binance.note());

        // The token view stays, under its own names.
        assertEquals("130.500000000000000000", v.pools().get(0).tokenSideEth());
        assertEquals("0.130500000000000000", v.pools().get(0).tokenShareOfStaked());
        assertEquals("lido", v.tokenOfAllStaked().largestPool());
    }

    @Test
    void withoutAReadingTheHeadlineSaysWhy() {
        ConcentrationView v = ConcentrationView.latest(report(), Optional.empty(), STATUS, ENTITIES, NOW);
        assertNull(v.entities());
        assertEquals("no entity reading is stored yet (last attempt: epoch 281250 was read already)",
                v.entitiesAbsent());
        assertEquals(List.of(), v.poolsAndEntities());
        assertEquals("lido", v.amongLsts().largestPool());
    }

    @Test
    void aHistoryPointIsTheTokenViewOnly() {
        ConcentrationView v = ConcentrationView.of(report());
        assertNull(v.entities());
        assertTrue(v.entitiesAbsent().contains("GET /api/entities/history"), v.entitiesAbsent());
    }
}
