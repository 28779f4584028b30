package io.lsttracker.entity;

import io.lsttracker.db.PortableRepository;
import io.lsttracker.db.WeiColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The entity tables (db/migration V60) as rows, and their repositories. */
final class EntityTables {
    private EntityTables() {
    }

    @MappedEntity(value = "entity_deposit", escape = false)
    record DepositRow(@EmbeddedId Key key, String blockHash, String txHash, String pubkey, String credentials,
            long amountGwei, String txFrom, @Nullable String txTo, boolean firstDeposit) {
        @Embeddable
        record Key(@MappedProperty("block_number") long blockNumber, @MappedProperty("log_index") long logIndex) {
        }

        static DepositRow of(Deposit d, boolean first) {
            return new DepositRow(new Key(d.blockNumber(), d.logIndex()), d.blockHash(), d.txHash(), d.pubkey(),
                    d.credentials(), d.amountGwei(), d.from(), d.to(), first);
        }
    }

    /** The columns rule 2 reads of a first deposit. */
    @MappedEntity(value = "entity_deposit", escape = false)
    record FirstDepositRow(@Id String pubkey, String txFrom, @Nullable String txTo) {
    }

    @MappedEntity(value = "entity_credential", escape = false)
    record CredentialRow(@Id String address, String source, long blockNumber, long position) {
    }

    @MappedEntity(value = "entity_cursor", escape = false)
    record CursorRow(@Id String name, long lastBlock) {
    }

    @MappedEntity(value = "entity_reading", escape = false)
    record ReadingRow(@Id long epoch, long slot, long readAt, long blockNumber, long validators,
            long activeValidators, @WeiColumn BigInteger activeStakeGwei) {
    }

    @MappedEntity(value = "entity_reading_row", escape = false)
    record ReadingEntityRow(@EmbeddedId Key key, long validators, long activeValidators,
            @WeiColumn BigInteger activeStakeGwei, long byCredentials, long bySender, long byTarget) {
        @Embeddable
        record Key(@MappedProperty("epoch") long epoch, @MappedProperty("entity_id") String entityId) {
        }
    }

    @MappedEntity(value = "entity_reading_evidence", escape = false)
    record EvidenceRow(@EmbeddedId Key key, long validators) {
        @Embeddable
        record Key(@MappedProperty("epoch") long epoch, @MappedProperty("entity_id") String entityId,
                @MappedProperty("rule") String rule, @MappedProperty("detail") String detail) {
        }
    }

    @MappedEntity(value = "entity_reading_conflict", escape = false)
    record ConflictRow(@EmbeddedId Key key, long validators, String examples) {
        @Embeddable
        record Key(@MappedProperty("epoch") long epoch, @MappedProperty("entity_id") String entityId,
                @MappedProperty("other_id") String otherId, @MappedProperty("other_rule") String otherRule,
                @MappedProperty("other_detail") String otherDetail) {
        }
    }

    @PortableRepository
    interface DepositRepository extends GenericRepository<DepositRow, DepositRow.Key> {
        List<DepositRow> saveAll(Iterable<DepositRow> rows);

        /** Which of {@code pubkeys} already have a deposit stored. */
        @Query("SELECT DISTINCT pubkey FROM entity_deposit WHERE pubkey IN (:pubkeys)")
        List<String> knownPubkeys(Collection<String> pubkeys);

        long count();

        void deleteByKeyBlockNumberGreaterThanEquals(long blockNumber);
    }

    @PortableRepository
    interface FirstDepositRepository extends GenericRepository<FirstDepositRow, String> {
        /** The first deposits sent by, or sent to, one of {@code addresses}. */
        @Query("SELECT pubkey, tx_from, tx_to FROM entity_deposit WHERE first_deposit = TRUE"
                + " AND (tx_from IN (:addresses) OR tx_to IN (:addresses))")
        List<FirstDepositRow> labelled(Collection<String> addresses);
    }

    @PortableRepository
    interface CredentialRepository extends GenericRepository<CredentialRow, String> {
        List<CredentialRow> saveAll(Iterable<CredentialRow> rows);

        List<CredentialRow> findAll();

        long countBySource(String source);

        List<CredentialRow> findBySource(String source);

        /** The highest position of {@code source} in [from, to), or null when it has none there. */
        @Query("SELECT MAX(position) FROM entity_credential WHERE source = :source AND position >= :from"
                + " AND position < :to")
        @Nullable
        Long maxPosition(String source, long from, long to);

        void deleteByBlockNumberGreaterThanEquals(long blockNumber);
    }

    @PortableRepository
    interface CursorRepository extends GenericRepository<CursorRow, String> {
        Optional<CursorRow> findById(String name);

        boolean existsById(String name);

        CursorRow save(CursorRow row);

        CursorRow update(CursorRow row);

        @Query("UPDATE entity_cursor SET last_block = :lastBlock WHERE last_block > :lastBlock")
        void rewindTo(long lastBlock);
    }

    @PortableRepository
    interface ReadingRepository extends GenericRepository<ReadingRow, Long> {
        ReadingRow save(ReadingRow row);

        boolean existsById(long epoch);

        Optional<ReadingRow> findById(long epoch);

        Optional<ReadingRow> findFirstOrderByEpochDesc();

        /** In [from, to), oldest first, one page: a history asks for one more than it may serve. */
        List<ReadingRow> findByReadAtGreaterThanEqualsAndReadAtLessThan(long from, long to, Pageable page);

        /** In [from, to), the last reading of each {@code bucket} milliseconds (aligned to the unix epoch). */
        @Query("SELECT r.* FROM entity_reading r JOIN ("
                + " SELECT MAX(epoch) AS last_epoch FROM entity_reading"
                + " WHERE read_at >= :from AND read_at < :to GROUP BY read_at / :bucket"
                + ") b ON r.epoch = b.last_epoch ORDER BY r.epoch")
        List<ReadingRow> lastPerBucket(long from, long to, long bucket);
    }

    @PortableRepository
    interface ReadingEntityRepository extends GenericRepository<ReadingEntityRow, ReadingEntityRow.Key> {
        List<ReadingEntityRow> saveAll(Iterable<ReadingEntityRow> rows);

        List<ReadingEntityRow> findByKeyEpoch(long epoch);

        List<ReadingEntityRow> findByKeyEpochIn(Collection<Long> epochs);
    }

    @PortableRepository
    interface EvidenceRepository extends GenericRepository<EvidenceRow, EvidenceRow.Key> {
        List<EvidenceRow> saveAll(Iterable<EvidenceRow> rows);

        List<EvidenceRow> findByKeyEpochAndKeyEntityId(long epoch, String entityId);
    }

    @PortableRepository
    interface ConflictRepository extends GenericRepository<ConflictRow, ConflictRow.Key> {
        List<ConflictRow> saveAll(Iterable<ConflictRow> rows);

        List<ConflictRow> findByKeyEpochAndKeyEntityId(long epoch, String entityId);
    }
}
