package io.lsttracker.liquidity;

import io.lsttracker.db.PortableRepository;
import io.lsttracker.db.WeiColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * The liquidity tables (db/migration V90) as rows, and their repositories. The figures are written only with their
 * snapshot: every insert requires the snapshot's transaction (MANDATORY), and they are deleted with it (ON DELETE
 * CASCADE), so a reorg replaces them.
 */
final class LiquidityTables {
    private LiquidityTables() {
    }

    /** One pool's market and exit figures at a snapshot. */
    @MappedEntity(value = "liquidity_pool", escape = false)
    record LiquidityPoolRow(@EmbeddedId Key key, long blockTime, int position, @Nullable String marketId,
            @Nullable String venue, @Nullable String marketAddress, @Nullable String token,
            @Nullable String marketFailure, @Nullable @WeiColumn BigInteger redemptionWei,
            @Nullable @WeiColumn BigInteger depthTokens, @Nullable @WeiColumn BigInteger depthBelowTokens,
            boolean hasExit, @Nullable String exitFailure, @Nullable @WeiColumn BigInteger liquidEthWei,
            @Nullable @WeiColumn BigInteger queueUnfinalizedWei, @Nullable Long queueUnfinalizedRequests,
            @Nullable Long queueOldestAgeSeconds) {
        @Embeddable
        record Key(@MappedProperty("block_number") long blockNumber, @MappedProperty("pool_id") String poolId) {
        }
    }

    /** One reported quote of a pool's market at a snapshot. */
    @MappedEntity(value = "liquidity_quote", escape = false)
    record LiquidityQuoteRow(@EmbeddedId Key key, @WeiColumn BigInteger ethOutWei, BigDecimal discountBps) {
        @Embeddable
        record Key(@MappedProperty("block_number") long blockNumber, @MappedProperty("pool_id") String poolId,
                @MappedProperty("size_tokens") long sizeTokens) {
        }
    }

    @PortableRepository
    interface LiquidityPoolRepository extends GenericRepository<LiquidityPoolRow, LiquidityPoolRow.Key> {
        @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
        List<LiquidityPoolRow> saveAll(Iterable<LiquidityPoolRow> rows);

        List<LiquidityPoolRow> findByKeyBlockNumber(long blockNumber);

        List<LiquidityPoolRow> findByKeyPoolIdAndKeyBlockNumberIn(String poolId, Collection<Long> blockNumbers);

        /** The newest block with figures, or -1 before the first. */
        @Query("SELECT COALESCE(MAX(block_number), -1) FROM liquidity_pool")
        long newestBlock();

        /** The newest {@code limit} blocks of one pool with from <= block time < to (the limit in SQL). */
        @Query("SELECT block_number FROM liquidity_pool WHERE pool_id = :poolId AND block_time >= :from"
                + " AND block_time < :to ORDER BY block_number DESC LIMIT :limit")
        List<Long> newestBlocks(String poolId, long from, long to, int limit);

        /**
         * One pool's last block of each {@code bucket} seconds (aligned to the unix epoch, as the snapshot history's
         * HistoryRepository.lastPerBucket) with from <= block time < to, oldest first. The FETCH FIRST never cuts:
         * [from, to) touches at most {@code buckets} buckets; it tells PostgreSQL's planner how few groups there are
         * (see lastPerBucket), so it looks each one up in the (pool_id, block_time, block_number) index.
         */
        @Query("SELECT b.last_block FROM ("
                + " SELECT MAX(block_number) AS last_block FROM liquidity_pool"
                + " WHERE pool_id = :poolId AND block_time >= :from AND block_time < :to"
                + " GROUP BY block_time / :bucket"
                + " FETCH FIRST :buckets ROWS ONLY"
                + ") b ORDER BY b.last_block")
        List<Long> lastBlockPerBucket(String poolId, long from, long to, long bucket, long buckets);
    }

    @PortableRepository
    interface LiquidityQuoteRepository extends GenericRepository<LiquidityQuoteRow, LiquidityQuoteRow.Key> {
        @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
        List<LiquidityQuoteRow> saveAll(Iterable<LiquidityQuoteRow> rows);

        List<LiquidityQuoteRow> findByKeyBlockNumber(long blockNumber);

        List<LiquidityQuoteRow> findByKeyPoolIdAndKeyBlockNumberIn(String poolId, Collection<Long> blockNumbers);
    }
}
