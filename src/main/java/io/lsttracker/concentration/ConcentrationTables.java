package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.domain.Tau;
import io.lsttracker.db.PortableRepository;
import io.lsttracker.db.WeiColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Relation;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concentration tables (db/migration V20, V40 and V95) as rows, and their repositories: the plain queries generated
 * by Micronaut Data, the one special query (the last figures per time bucket) written out here. The figures are
 * written only with their snapshot: every insert requires the snapshot's transaction (MANDATORY), and they are
 * deleted with it (ON DELETE CASCADE).
 */
final class ConcentrationTables {
    private ConcentrationTables() {
    }

    /**
     * The measures of one population, embedded under a prefix: columns PREFIX_largest_share, PREFIX_top3_share,
     * PREFIX_hhi and PREFIX_tau_third, _half, _two_thirds. All null where the population was not measured.
     */
    @Embeddable
    record MeasureColumns(@Nullable BigDecimal largestShare, @Nullable BigDecimal top3Share, @Nullable BigDecimal hhi,
            @Nullable Integer tauThird, @Nullable Integer tauHalf, @Nullable Integer tauTwoThirds) {
        static final MeasureColumns NONE = new MeasureColumns(null, null, null, null, null, null);

        static MeasureColumns of(Measures m) {
            return new MeasureColumns(m.largestShare(), m.top3Share(), m.hhi(), m.tau(Tau.THIRD).orElse(null),
                    m.tau(Tau.HALF).orElse(null), m.tau(Tau.TWO_THIRDS).orElse(null));
        }

        static boolean present(@Nullable MeasureColumns columns) {
            return columns != null && columns.hhi() != null;
        }

        /** The measures, at the scales Concentration computes them at (the database drops trailing zeros). */
        Measures measures(int entities, BigInteger combined, BigInteger denominator, Optional<String> largest) {
            return new Measures(entities, combined, denominator, largest,
                    largestShare.setScale(Concentration.SHARE_SCALE), top3Share.setScale(Concentration.SHARE_SCALE),
                    hhi.setScale(Concentration.HHI_SCALE), Map.of(Tau.THIRD, Optional.ofNullable(tauThird),
                            Tau.HALF, Optional.ofNullable(tauHalf), Tau.TWO_THIRDS, Optional.ofNullable(tauTwoThirds)));
        }
    }

    /**
     * One row per snapshot: the measures among the tracked pools (lst_*), and over all staked ETH (staked_*) with
     * the beacon node's total, or the reason it is absent (staked_absent); with the total, the exit queue read
     * with it (exit_queue_*, active_effective_wei; null in rows stored before V95).
     */
    @MappedEntity(value = "concentration", escape = false)
    record ConcentrationRow(@Id long blockNumber, long blockTime, @WeiColumn BigInteger lstTotal, int poolsCounted,
            String missingPools, @Nullable String largestPool, @Relation(Relation.Kind.EMBEDDED) MeasureColumns lst,
            @Nullable @WeiColumn BigInteger stakedTotal, @Nullable Long stakedSlot, @Nullable Long stakedValidators,
            @Nullable String stakedAbsent, @Relation(Relation.Kind.EMBEDDED) @Nullable MeasureColumns staked,
            @Nullable Long exitQueueValidators, @Nullable @WeiColumn BigInteger exitQueueWei,
            @Nullable @WeiColumn BigInteger activeEffectiveWei) {
    }

    /** One pool's stake and shares at a snapshot, in registry order (position). */
    @MappedEntity(value = "concentration_pool", escape = false)
    record ConcentrationPoolRow(@EmbeddedId Key key, int position, @WeiColumn BigInteger stake, BigDecimal shareOfLsts,
            @Nullable BigDecimal shareOfStaked) {
        @Embeddable
        record Key(@MappedProperty("block_number") long blockNumber, @MappedProperty("pool_id") String poolId) {
        }
    }

    /** Concentration inside the pools at a snapshot: Lido's operators (lido_*), Rocket Pool's counts (rp_*). */
    @MappedEntity(value = "operator_concentration", escape = false)
    record OperatorConcentrationRow(@Id long blockNumber, @Nullable Integer lidoOperators,
            @Nullable Long lidoValidators, @Nullable Long lidoPermissionlessValidators,
            @Relation(Relation.Kind.EMBEDDED) @Nullable MeasureColumns lido,
            @Nullable Long rpNodeOperators, @Nullable Long rpMinipools, @Nullable Long rpActiveMinipools,
            @Nullable Long rpStakingMinipools) {
    }

    /** One of the largest Lido operators at a snapshot, largest first (position). */
    @MappedEntity(value = "lido_operator_largest", escape = false)
    record LidoOperatorRow(@EmbeddedId Key key, String name, String module, long activeValidators, BigDecimal share) {
        @Embeddable
        record Key(@MappedProperty("block_number") long blockNumber, @MappedProperty("position") int position) {
        }
    }

    @PortableRepository
    interface ConcentrationRepository extends GenericRepository<ConcentrationRow, Long> {
        @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
        ConcentrationRow save(ConcentrationRow row);

        Optional<ConcentrationRow> findById(long blockNumber);

        Optional<ConcentrationRow> findFirstOrderByBlockNumberDesc();

        /** In [from, to), the row of the last snapshot of each {@code bucket} seconds (aligned to the unix epoch). */
        @Query("SELECT c.* FROM concentration c JOIN ("
                + " SELECT MAX(block_number) AS last_block FROM concentration"
                + " WHERE block_time >= :from AND block_time < :to GROUP BY block_time / :bucket"
                + ") b ON c.block_number = b.last_block ORDER BY c.block_number")
        List<ConcentrationRow> lastPerBucket(long from, long to, long bucket);

        /**
         * The exit queue's readings in [from, to), newest first, at most {@code limit}: a reading (one slot) is
         * stored with every snapshot until the next is taken, so each slot's row is its first snapshot's.
         */
        @Query("SELECT c.* FROM concentration c JOIN ("
                + " SELECT MIN(block_number) AS first_block FROM concentration"
                + " WHERE exit_queue_wei IS NOT NULL AND block_time >= :from AND block_time < :to"
                + " GROUP BY staked_slot"
                + ") f ON c.block_number = f.first_block ORDER BY c.block_number DESC FETCH FIRST :limit ROWS ONLY")
        List<ConcentrationRow> exitQueueFirstPerSlot(long from, long to, int limit);

        /**
         * The exit queue's readings in [from, to) as {@link #exitQueueFirstPerSlot} finds them (each slot's first
         * snapshot in the range), then the last of each {@code bucket} seconds by that snapshot's time (aligned to the
         * unix epoch, as lastPerBucket), oldest first. A slot's first snapshot is its least block number and so its
         * least block time: MIN(block_time) is that snapshot's time. Bucketing the readings, not the snapshots, keeps
         * each reading once: an epoch's snapshots may straddle a bucket's end.
         */
        @Query("SELECT c.* FROM concentration c JOIN ("
                + " SELECT MAX(r.first_block) AS last_block FROM ("
                + " SELECT MIN(block_number) AS first_block, MIN(block_time) AS first_time FROM concentration"
                + " WHERE exit_queue_wei IS NOT NULL AND block_time >= :from AND block_time < :to"
                + " GROUP BY staked_slot"
                + ") r GROUP BY r.first_time / :bucket"
                + ") b ON c.block_number = b.last_block ORDER BY c.block_number")
        List<ConcentrationRow> exitQueueLastPerBucket(long from, long to, long bucket);

        /** The row of the newest exit queue reading: the first snapshot stored with the newest snapshot's slot. */
        @Query("SELECT c.* FROM concentration c WHERE c.block_number = ("
                + " SELECT MIN(f.block_number) FROM concentration f WHERE f.exit_queue_wei IS NOT NULL"
                + " AND f.staked_slot = (SELECT l.staked_slot FROM concentration l WHERE l.block_number = ("
                + " SELECT MAX(n.block_number) FROM concentration n WHERE n.exit_queue_wei IS NOT NULL)))")
        Optional<ConcentrationRow> newestExitQueue();
    }

    @PortableRepository
    interface ConcentrationPoolRepository extends GenericRepository<ConcentrationPoolRow, ConcentrationPoolRow.Key> {
        @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
        List<ConcentrationPoolRow> saveAll(Iterable<ConcentrationPoolRow> rows);

        List<ConcentrationPoolRow> findByKeyBlockNumber(long blockNumber, Sort sort);
    }

    @PortableRepository
    interface OperatorConcentrationRepository extends GenericRepository<OperatorConcentrationRow, Long> {
        @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
        OperatorConcentrationRow save(OperatorConcentrationRow row);

        Optional<OperatorConcentrationRow> findById(long blockNumber);
    }

    @PortableRepository
    interface LidoOperatorRepository extends GenericRepository<LidoOperatorRow, LidoOperatorRow.Key> {
        @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
        List<LidoOperatorRow> saveAll(Iterable<LidoOperatorRow> rows);

        List<LidoOperatorRow> findByKeyBlockNumber(long blockNumber, Sort sort);
    }

    static final Sort BY_POSITION = Sort.of(Sort.Order.asc("position"));
    static final Sort BY_KEY_POSITION = Sort.of(Sort.Order.asc("key.position"));
}
