package io.lsttracker.liquidity;

import io.lsttracker.db.StoreException;
import io.lsttracker.db.StoredText;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.liquidity.LiquidityFigures.Exit;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.liquidity.LiquidityFigures.WithdrawalQueue;
import io.lsttracker.liquidity.LiquidityTables.LiquidityPoolRepository;
import io.lsttracker.liquidity.LiquidityTables.LiquidityPoolRow;
import io.lsttracker.liquidity.LiquidityTables.LiquidityQuoteRepository;
import io.lsttracker.liquidity.LiquidityTables.LiquidityQuoteRow;
import io.lsttracker.snapshot.SnapshotFigures;
import io.lsttracker.snapshot.StoredBlocks;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The liquidity figures of each snapshot: written with the snapshot, in its transaction ({@link #figures}), and read
 * back exactly (discounts at their scale of 2), with the snapshot's block. A pool with neither a market nor an exit
 * has no row; it reads back with both empty where the caller asks for every pool.
 */
@Singleton
public final class LiquidityStore {
    /** The failure columns' size (V90__liquidity.sql). */
    static final int FAILURE_CHARS = 2000;
    private final LiquidityPoolRepository pools;
    private final LiquidityQuoteRepository quotes;
    private final StoredBlocks blocks;
    private final TransactionOperations<Connection> transactions;

    LiquidityStore(LiquidityPoolRepository pools, LiquidityQuoteRepository quotes, StoredBlocks blocks,
            TransactionOperations<Connection> transactions) {
        this.pools = pools;
        this.quotes = quotes;
        this.blocks = blocks;
        this.transactions = transactions;
    }

    /** {@code figures} (one snapshot's, in pools.yml order) to store with their snapshot, in its transaction. */
    public SnapshotFigures.Prepared figures(List<LiquidityFigures> figures) {
        return () -> insert(figures);
    }

    /** The figures of the newest snapshot that has them, the pools that have a row, in pools.yml order. */
    public List<LiquidityFigures> newest() {
        return StoreException.attempt("read the latest liquidity", () -> transactions.executeRead(status -> {
            long block = pools.newestBlock();
            if (block < 0) {
                return List.of();
            }
            List<LiquidityPoolRow> rows = new ArrayList<>(pools.findByKeyBlockNumber(block));
            rows.sort(Comparator.comparingInt(LiquidityPoolRow::position));
            Map<String, List<LiquidityQuoteRow>> byPool = quotes.findByKeyBlockNumber(block).stream()
                    .collect(Collectors.groupingBy(q -> q.key().poolId()));
            BlockRef ref = blockRef(block, rows.get(0).blockTime(), blocks.hashesOf(List.of(block)));
            return rows.stream().map(row -> figures(row, ref, byPool.getOrDefault(row.key().poolId(), List.of())))
                    .toList();
        }));
    }

    /** One pool's figures with from <= block time < to, oldest first, at most {@code limit} (the newest). */
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return StoreException.attempt("read the liquidity history of " + pool, () -> transactions.executeRead(s ->
                figuresAt(pool, pools.newestBlocks(pool.value(), from.getEpochSecond(), to.getEpochSecond(), limit))));
    }

    /**
     * One pool's figures with from <= block time < to, the last snapshot's of each {@code interval} (buckets aligned
     * to the unix epoch, as the snapshot history's), oldest first; the bucketing is done in SQL.
     */
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, Duration interval) {
        long bucket = interval.getSeconds();
        if (bucket < 1) {
            throw new IllegalArgumentException("interval " + interval + " is shorter than one second");
        }
        long first = from.getEpochSecond();
        long end = to.getEpochSecond();
        // The most buckets [from, to) can touch: the query's cap (LiquidityPoolRepository.lastBlockPerBucket).
        long buckets = Math.max(1, Math.floorDiv(end - 1, bucket) - Math.floorDiv(first, bucket) + 1);
        return StoreException.attempt("read the liquidity history of " + pool + " per " + interval,
                () -> transactions.executeRead(s -> figuresAt(pool,
                        pools.lastBlockPerBucket(pool.value(), first, end, bucket, buckets))));
    }

    /** One pool's stored figures at {@code blockNumbers}, oldest first (in a read transaction). */
    private List<LiquidityFigures> figuresAt(PoolId pool, List<Long> blockNumbers) {
        if (blockNumbers.isEmpty()) {
            return List.of();
        }
        List<LiquidityPoolRow> rows = new ArrayList<>(pools.findByKeyPoolIdAndKeyBlockNumberIn(pool.value(),
                blockNumbers));
        rows.sort(Comparator.comparingLong(r -> r.key().blockNumber()));
        Map<Long, List<LiquidityQuoteRow>> byBlock = quotes.findByKeyPoolIdAndKeyBlockNumberIn(pool.value(),
                blockNumbers).stream().collect(Collectors.groupingBy(q -> q.key().blockNumber()));
        Map<Long, String> hashes = blocks.hashesOf(blockNumbers);
        return rows.stream().map(row -> figures(row, blockRef(row.key().blockNumber(), row.blockTime(), hashes),
                byBlock.getOrDefault(row.key().blockNumber(), List.of()))).toList();
    }

    private static BlockRef blockRef(long number, long time, Map<Long, String> hashes) {
        return new BlockRef(number, hashes.get(number), Instant.ofEpochSecond(time));
    }

    private void insert(List<LiquidityFigures> figures) {
        List<LiquidityPoolRow> poolRows = new ArrayList<>();
        List<LiquidityQuoteRow> quoteRows = new ArrayList<>();
        for (int position = 0; position < figures.size(); position++) {
            LiquidityFigures f = figures.get(position);
            if (f.market().isEmpty() && f.exit().isEmpty()) {
                continue;
            }
            long block = f.block().number();
            Optional<Market> market = f.market();
            Optional<Exit> exit = f.exit();
            Optional<WithdrawalQueue> queue = exit.flatMap(Exit::queue);
            poolRows.add(new LiquidityPoolRow(new LiquidityPoolRow.Key(block, f.pool().value()),
                    f.block().timestamp().getEpochSecond(), position,
                    market.map(Market::marketId).orElse(null), market.map(Market::venue).orElse(null),
                    market.map(Market::address).orElse(null), market.map(Market::token).orElse(null),
                    market.flatMap(Market::failure).map(r -> StoredText.fit(r, FAILURE_CHARS)).orElse(null),
                    market.map(Market::redemptionWei).orElse(null),
                    market.flatMap(Market::depthTokens).orElse(null),
                    market.flatMap(Market::depthBelowTokens).orElse(null),
                    exit.isPresent(),
                    exit.flatMap(Exit::failure).map(r -> StoredText.fit(r, FAILURE_CHARS)).orElse(null),
                    exit.flatMap(Exit::liquidEthWei).orElse(null),
                    queue.map(WithdrawalQueue::unfinalizedWei).orElse(null),
                    queue.map(WithdrawalQueue::unfinalizedRequests).orElse(null),
                    queue.flatMap(WithdrawalQueue::oldestUnfinalizedAgeSeconds).orElse(null)));
            for (Quote quote : market.map(Market::quotes).orElse(List.of())) {
                quoteRows.add(new LiquidityQuoteRow(new LiquidityQuoteRow.Key(block, f.pool().value(),
                        quote.sizeTokens().longValueExact()), quote.ethOutWei(), quote.discountBps()));
            }
        }
        if (!poolRows.isEmpty()) {
            pools.saveAll(poolRows);
        }
        if (!quoteRows.isEmpty()) {
            quotes.saveAll(quoteRows);
        }
    }

    private static LiquidityFigures figures(LiquidityPoolRow row, BlockRef block, List<LiquidityQuoteRow> quoteRows) {
        Optional<Market> market = Optional.empty();
        if (row.marketId() != null) {
            List<Quote> quotes = quoteRows.stream().sorted(Comparator.comparingLong(q -> q.key().sizeTokens()))
                    .map(q -> new Quote(BigInteger.valueOf(q.key().sizeTokens()), q.ethOutWei(),
                            q.discountBps().setScale(LiquidityMath.BPS_SCALE))).toList();
            market = Optional.of(new Market(row.marketId(), row.venue(), row.marketAddress(), row.token(),
                    Optional.ofNullable(row.marketFailure()), row.redemptionWei(), quotes,
                    Optional.ofNullable(row.depthTokens()), Optional.ofNullable(row.depthBelowTokens())));
        }
        Optional<Exit> exit = Optional.empty();
        if (row.hasExit()) {
            Optional<WithdrawalQueue> queue = Optional.ofNullable(row.queueUnfinalizedWei())
                    .map(wei -> new WithdrawalQueue(wei, row.queueUnfinalizedRequests(),
                            Optional.ofNullable(row.queueOldestAgeSeconds())));
            exit = Optional.of(new Exit(Optional.ofNullable(row.exitFailure()), Optional.ofNullable(row.liquidEthWei()),
                    queue));
        }
        return new LiquidityFigures(new PoolId(row.key().poolId()), block, market, exit);
    }
}
