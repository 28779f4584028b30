package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.db.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The entity store on one database; H2 and PostgreSQL run the same cases. */
abstract class EntityStoreContract {
    private TestDatabases.TestDatabase db;
    private EntityStore store;

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void start() {
        db = open();
        store = db.bean(EntityStore.class);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    static final String A = "0x" + "a1".repeat(48);
    static final String B = "0x" + "b2".repeat(48);
    static final String KRAKEN = "0x" + "11".repeat(20);
    static final String KILN = "0x" + "22".repeat(20);
    static final String NOBODY = "0x" + "99".repeat(20);

    static Deposit deposit(long block, long index, String pubkey, String from, String to) {
        return new Deposit(block, index, "0x" + "0b".repeat(32), "0x" + String.format("%064x", block * 100 + index),
                pubkey, "0x00" + "ab".repeat(31), 32_000_000_000L, from, to);
    }

    @Test
    void depositsKeepTheFirstOfEachPubkeyAndRewind() {
        assertEquals(Optional.empty(), store.cursor(EntityStore.DEPOSITS));
        store.saveDeposits(List.of(deposit(10, 0, A, NOBODY, KILN)), 19);
        // A again (a top-up by Kraken: not its first deposit), B twice in one page: only the first is B's.
        store.saveDeposits(List.of(deposit(25, 0, A, KRAKEN, null), deposit(25, 1, B, KRAKEN, null),
                deposit(26, 0, B, KILN, null)), 29);
        assertEquals(Optional.of(29L), store.cursor(EntityStore.DEPOSITS));
        assertEquals(4, store.depositCount());
        assertEquals(Map.of(A, new FirstDeposit(A, NOBODY, KILN), B, new FirstDeposit(B, KRAKEN, null)),
                store.labelledFirstDeposits(List.of(KRAKEN, KILN)));
        assertEquals(Map.of(B, new FirstDeposit(B, KRAKEN, null)), store.labelledFirstDeposits(List.of(KRAKEN)));
        assertEquals(Map.of(), store.labelledFirstDeposits(List.of()));

        store.rewindTo(25); // a reorg replaced block 25: its deposits and later ones are read again
        assertEquals(Optional.of(24L), store.cursor(EntityStore.DEPOSITS));
        assertEquals(1, store.depositCount());
        assertEquals(Map.of(), store.labelledFirstDeposits(List.of(KRAKEN)));
    }

    @Test
    void credentialsFollowTheirCursorAndRewind() {
        String minipool = "0x" + "33".repeat(20);
        String vault = "0x" + "44".repeat(20);
        store.saveCredentials(CredentialSource.ROCKETPOOL, List.of(EntityStore.credential(minipool,
                CredentialSource.ROCKETPOOL, 100, 0)), null, 100);
        store.saveCredentials(CredentialSource.STAKEWISE, List.of(EntityStore.credential(vault,
                CredentialSource.STAKEWISE, 120, 3)), EntityStore.VAULTS, 150);
        assertEquals(Map.of(minipool, CredentialSource.ROCKETPOOL, vault, CredentialSource.STAKEWISE),
                store.credentials());
        assertEquals(1, store.credentialCount(CredentialSource.ROCKETPOOL));
        assertEquals(Optional.of(150L), store.cursor(EntityStore.VAULTS));
        store.rewindTo(110);
        assertEquals(Map.of(minipool, CredentialSource.ROCKETPOOL), store.credentials());
        assertEquals(Optional.of(109L), store.cursor(EntityStore.VAULTS));
    }

    @Test
    void staderVaultsAreFoundAgainByTheirRegistrysHighestId() {
        long stride = PoolCredentials.REGISTRY_STRIDE;
        assertEquals(Optional.empty(), store.maxCredentialPosition(CredentialSource.STADER, stride, 2 * stride));
        store.saveCredentials(CredentialSource.STADER, List.of(
                EntityStore.credential("0x" + "51".repeat(20), CredentialSource.STADER, 100, stride + 1),
                EntityStore.credential("0x" + "52".repeat(20), CredentialSource.STADER, 100, stride + 2),
                EntityStore.credential("0x" + "61".repeat(20), CredentialSource.STADER, 120, 2 * stride + 1)), null, 120);
        assertEquals(Optional.of(stride + 2), store.maxCredentialPosition(CredentialSource.STADER, stride, 2 * stride));
        assertEquals(Optional.of(2 * stride + 1),
                store.maxCredentialPosition(CredentialSource.STADER, 2 * stride, 3 * stride));
        assertEquals(java.util.Set.of("0x" + "51".repeat(20), "0x" + "52".repeat(20), "0x" + "61".repeat(20)),
                store.credentialAddresses(CredentialSource.STADER));
        store.rewindTo(110); // the permissioned registry's vault is read again
        assertEquals(Optional.empty(), store.maxCredentialPosition(CredentialSource.STADER, 2 * stride, 3 * stride));
    }

    @Test
    void aReadingComesBackWithTheSameFigures() {
        EntityReading reading = EntityTallyTest.handComputedReading();
        assertFalse(store.hasReading(reading.epoch()));
        store.saveReading(reading, 1234);
        assertTrue(store.hasReading(reading.epoch()));
        EntityStore.StoredReading latest = store.latest().orElseThrow();
        assertEquals(1234, latest.blockNumber());
        EntityReading back = latest.reading();
        assertEquals(reading.entities(), back.entities());
        assertEquals(reading.unidentified(), back.unidentified());
        assertEquals(reading.measures(), back.measures());
        assertEquals(List.of(reading.slot(), reading.epoch(), reading.validators(), reading.activeValidators()),
                List.of(back.slot(), back.epoch(), back.validators(), back.activeValidators()));
        assertEquals(reading.activeStakeGwei(), back.activeStakeGwei());
        assertEquals(reading.readAt(), back.readAt());

        EntityReading lido = store.detail(reading.epoch(), "lido");
        assertEquals(List.of(new EntityReading.Evidence("lido", Rule.CREDENTIALS, "lido", 3)), lido.evidence());
        assertEquals(List.of(new EntityReading.ConflictCount("lido", "kraken", Rule.DEPOSIT_SENDER, KRAKEN, 1,
                List.of(0L))), lido.conflicts());

        assertEquals(1, store.history(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), 1)
                .orElseThrow().size());
        assertEquals(List.of(), store.history(Instant.parse("2026-12-01T00:00:01Z"),
                Instant.parse("2026-12-02T00:00:00Z"), 1).orElseThrow());
    }

    /** The hand-computed reading again at {@code epoch}, read {@code seconds} after 2026-12-01T00:00:00Z. */
    private static EntityReading at(long epoch, long seconds) {
        EntityReading r = EntityTallyTest.handComputedReading();
        return new EntityReading(epoch * 32, epoch, r.readAt().plusSeconds(seconds), r.entities(), r.unidentified(),
                r.validators(), r.activeValidators(), r.activeStakeGwei(), r.measures(), List.of(), List.of());
    }

    @Test
    void aHistoryOverItsLimitIsRefusedAndAnIntervalKeepsTheLastReadingOfEach() {
        Instant day = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            store.saveReading(at(281_250 + i, 384L * i), 100 + i); // one epoch apart: 0, 6:24, 12:48, 19:12, 25:36
        }
        assertEquals(java.util.Optional.empty(), store.history(day, day.plusSeconds(3600), 4), "5 readings, limit 4");
        List<EntityStore.StoredReading> all = store.history(day, day.plusSeconds(3600), 5).orElseThrow();
        assertEquals(List.of(281_250L, 281_251L, 281_252L, 281_253L, 281_254L),
                all.stream().map(s -> s.reading().epoch()).toList());
        assertEquals(all.get(0).reading().entities(), EntityTallyTest.handComputedReading().entities(),
                "each with its own rows");
        // 10-minute buckets from 00:00: [0, 6:24] -> 281,251; [12:48, 19:12] -> 281,253; [25:36] -> 281,254.
        List<EntityStore.StoredReading> buckets = store.history(day, day.plusSeconds(3600), java.time.Duration
                .ofMinutes(10));
        assertEquals(List.of(281_251L, 281_253L, 281_254L), buckets.stream().map(s -> s.reading().epoch()).toList());
        assertEquals(List.of(101L, 103L, 104L), buckets.stream().map(EntityStore.StoredReading::blockNumber).toList());
        assertEquals(EntityTallyTest.handComputedReading().unidentified(), buckets.get(2).reading().unidentified());
    }
}
