package io.lsttracker.concentration;

import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.concentration.ConcentrationReport.PoolShare;
import io.lsttracker.concentration.ConcentrationTables.ConcentrationPoolRepository;
import io.lsttracker.concentration.ConcentrationTables.ConcentrationPoolRow;
import io.lsttracker.concentration.ConcentrationTables.ConcentrationRepository;
import io.lsttracker.concentration.ConcentrationTables.ConcentrationRow;
import io.lsttracker.concentration.ConcentrationTables.LidoOperatorRepository;
import io.lsttracker.concentration.ConcentrationTables.LidoOperatorRow;
import io.lsttracker.concentration.ConcentrationTables.MeasureColumns;
import io.lsttracker.concentration.ConcentrationTables.OperatorConcentrationRepository;
import io.lsttracker.concentration.ConcentrationTables.OperatorConcentrationRow;
import io.lsttracker.concentration.LidoOperators.OperatorShare;
import io.lsttracker.db.StoreException;
import io.lsttracker.db.StoredText;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.snapshot.SnapshotFigures;
import io.lsttracker.snapshot.StoredBlocks;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concentration figures of each snapshot: written with the snapshot, in its transaction ({@link #figures}),
 * and read back whole, with the snapshot's block.
 */
@Singleton
public final class ConcentrationStore {
    /** The columns' sizes (V20__concentration.sql staked_absent, V40__operators.sql name). */
    static final int STAKED_ABSENT_CHARS = 2000;
    static final int OPERATOR_NAME_CHARS = 255;
    private final ConcentrationRepository concentration;
    private final ConcentrationPoolRepository pools;
    private final OperatorConcentrationRepository operators;
    private final LidoOperatorRepository lidoOperators;
    private final StoredBlocks blocks;
    private final TransactionOperations<Connection> transactions;

    ConcentrationStore(ConcentrationRepository concentration, ConcentrationPoolRepository pools,
            OperatorConcentrationRepository operators, LidoOperatorRepository lidoOperators, StoredBlocks blocks,
            TransactionOperations<Connection> transactions) {
        this.concentration = concentration;
        this.pools = pools;
        this.operators = operators;
        this.lidoOperators = lidoOperators;
        this.blocks = blocks;
        this.transactions = transactions;
    }

    /** {@code report} as figures to store with its snapshot (in the snapshot's transaction). */
    public SnapshotFigures.Prepared figures(ConcentrationReport report) {
        return () -> insert(report);
    }

    /** The figures of the newest snapshot that has them. */
    public Optional<ConcentrationReport> latest() {
        return StoreException.attempt("read the latest concentration",
                () -> transactions.executeRead(status -> first(concentration.findFirstOrderByBlockNumberDesc())));
    }

    /** The figures stored for one block. */
    public Optional<ConcentrationReport> at(long blockNumber) {
        return StoreException.attempt("read the concentration of block " + blockNumber,
                () -> transactions.executeRead(status -> first(concentration.findById(blockNumber))));
    }

    /** In [from, to), per {@code interval} bucket (aligned to the unix epoch) the last snapshot's figures. */
    public List<ConcentrationReport> history(Instant from, Instant to, Duration interval) {
        return StoreException.attempt("read the concentration history", () -> transactions.executeRead(
                status -> reports(concentration.lastPerBucket(from.getEpochSecond(), to.getEpochSecond(),
                        interval.getSeconds()))));
    }

    private void insert(ConcentrationReport report) {
        long block = report.block().number();
        Measures lst = report.amongLsts();
        Optional<TotalStaked> staked = report.staked();
        Optional<TotalStaked.ExitQueue> queue = staked.flatMap(TotalStaked::exitQueue);
        concentration.save(new ConcentrationRow(block, report.block().timestamp().getEpochSecond(), lst.combined(),
                lst.entities(), String.join(",", report.missingPools().stream().map(PoolId::value).toList()),
                lst.largest().orElse(null), MeasureColumns.of(lst), staked.map(TotalStaked::wei).orElse(null),
                staked.map(TotalStaked::slot).orElse(null), staked.map(TotalStaked::activeValidators).orElse(null),
                report.stakedAbsent().map(reason -> StoredText.fit(reason, STAKED_ABSENT_CHARS)).orElse(null),
                report.amongStaked().map(MeasureColumns::of).orElse(MeasureColumns.NONE),
                queue.map(TotalStaked.ExitQueue::exitingValidators).orElse(null),
                queue.map(TotalStaked.ExitQueue::exitingWei).orElse(null),
                queue.map(TotalStaked.ExitQueue::activeEffectiveWei).orElse(null)));
        List<ConcentrationPoolRow> poolRows = new ArrayList<>();
        for (PoolShare pool : report.pools()) {
            poolRows.add(new ConcentrationPoolRow(new ConcentrationPoolRow.Key(block, pool.id().value()),
                    poolRows.size(), pool.stake(), pool.shareOfLsts(), pool.shareOfStaked().orElse(null)));
        }
        if (!poolRows.isEmpty()) {
            pools.saveAll(poolRows);
        }
        insertOperators(report);
    }

    private void insertOperators(ConcentrationReport report) {
        Optional<LidoOperators> lido = report.lidoOperators();
        Optional<RocketPoolNodes> rocket = report.rocketPool();
        if (lido.isEmpty() && rocket.isEmpty()) {
            return;
        }
        long block = report.block().number();
        operators.save(new OperatorConcentrationRow(block, lido.map(LidoOperators::operators).orElse(null),
                lido.map(LidoOperators::activeValidators).orElse(null),
                lido.map(LidoOperators::permissionlessValidators).orElse(null),
                lido.map(l -> MeasureColumns.of(l.measures())).orElse(MeasureColumns.NONE),
                rocket.map(RocketPoolNodes::nodeOperators).orElse(null),
                rocket.map(RocketPoolNodes::minipools).orElse(null),
                rocket.map(RocketPoolNodes::activeMinipools).orElse(null),
                rocket.map(RocketPoolNodes::stakingMinipools).orElse(null)));
        List<LidoOperatorRow> largest = new ArrayList<>();
        for (OperatorShare op : lido.map(LidoOperators::largest).orElse(List.of())) {
            largest.add(new LidoOperatorRow(new LidoOperatorRow.Key(block, largest.size()),
                    StoredText.fit(op.name(), OPERATOR_NAME_CHARS), op.module(),
                    op.activeValidators(), op.share()));
        }
        if (!largest.isEmpty()) {
            lidoOperators.saveAll(largest);
        }
    }

    private Optional<ConcentrationReport> first(Optional<ConcentrationRow> row) {
        return reports(row.stream().toList()).stream().findFirst();
    }

    /** The reports of {@code rows}, each with its pools, operators and the block's hash (snapshot table). */
    private List<ConcentrationReport> reports(List<ConcentrationRow> rows) {
        Map<Long, String> hashes = rows.isEmpty() ? Map.of()
                : blocks.hashesOf(rows.stream().map(ConcentrationRow::blockNumber).toList());
        return rows.stream().map(row -> report(row, hashes.get(row.blockNumber()))).toList();
    }

    private ConcentrationReport report(ConcentrationRow row, String hash) {
        long block = row.blockNumber();
        BigInteger lstTotal = row.lstTotal();
        Optional<String> largest = Optional.ofNullable(row.largestPool());
        Measures lst = row.lst().measures(row.poolsCounted(), lstTotal, lstTotal, largest);
        Optional<TotalStaked> staked = Optional.ofNullable(row.stakedTotal())
                .map(wei -> new TotalStaked(row.stakedSlot(), wei, row.stakedValidators(), exitQueue(row)));
        Optional<Measures> all = staked.map(t -> row.staked().measures(row.poolsCounted(), lstTotal, t.wei(), largest));
        List<PoolShare> shares = pools.findByKeyBlockNumber(block, ConcentrationTables.BY_POSITION).stream()
                .map(p -> new PoolShare(new PoolId(p.key().poolId()), p.stake(),
                        p.shareOfLsts().setScale(Concentration.SHARE_SCALE),
                        Optional.ofNullable(p.shareOfStaked()).map(v -> v.setScale(Concentration.SHARE_SCALE))))
                .toList();
        List<PoolId> missing = row.missingPools().isEmpty() ? List.of()
                : Arrays.stream(row.missingPools().split(",")).map(PoolId::new).toList();
        BlockRef ref = new BlockRef(block, hash, Instant.ofEpochSecond(row.blockTime()));
        ConcentrationReport report = new ConcentrationReport(ref, shares, missing, lst, staked, all,
                Optional.ofNullable(row.stakedAbsent()));
        return operators.findById(block).map(o -> report.withOperators(lido(o), rocketPool(o))).orElse(report);
    }

    private static Optional<TotalStaked.ExitQueue> exitQueue(ConcentrationRow row) {
        return row.exitQueueWei() == null ? Optional.empty() : Optional.of(new TotalStaked.ExitQueue(
                row.exitQueueValidators(), row.exitQueueWei(), row.activeEffectiveWei()));
    }

    /**
     * The exit queue at one slot as stored with the total staked: {@code block} is the first snapshot it was
     * stored with (a reading serves every snapshot of its epoch).
     */
    public record ExitQueueReading(BlockRef block, long slot, TotalStaked.ExitQueue queue) {
    }

    /** The newest exit queue reading stored; empty before the first (or without a beacon node). */
    public Optional<ExitQueueReading> latestExitQueue() {
        return StoreException.attempt("read the latest exit queue", () -> transactions.executeRead(
                status -> exitQueues(concentration.newestExitQueue().stream().toList()).stream().findFirst()));
    }

    /**
     * The exit queue readings stored with snapshots whose block time is in [from, to), one a slot, oldest first; at
     * most {@code limit}, the newest, cut in SQL.
     */
    public List<ExitQueueReading> exitQueueHistory(Instant from, Instant to, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " is not a positive number of readings");
        }
        return StoreException.attempt("read the exit queue history", () -> transactions.executeRead(status -> {
            List<ExitQueueReading> newestFirst = exitQueues(concentration.exitQueueFirstPerSlot(from.getEpochSecond(),
                    to.getEpochSecond(), limit));
            List<ExitQueueReading> oldestFirst = new ArrayList<>(newestFirst);
            java.util.Collections.reverse(oldestFirst);
            return List.copyOf(oldestFirst);
        }));
    }

    /**
     * The exit queue readings as {@link #exitQueueHistory(Instant, Instant, int)} finds them, the last of each
     * {@code interval} (by the time of the reading's first snapshot, buckets aligned to the unix epoch as the other
     * histories'), oldest first; the bucketing is done in SQL.
     */
    public List<ExitQueueReading> exitQueueHistory(Instant from, Instant to, Duration interval) {
        if (interval.getSeconds() < 1) {
            throw new IllegalArgumentException("interval " + interval + " is shorter than one second");
        }
        return StoreException.attempt("read the exit queue history per " + interval, () -> transactions.executeRead(
                status -> exitQueues(concentration.exitQueueLastPerBucket(from.getEpochSecond(), to.getEpochSecond(),
                        interval.getSeconds()))));
    }

    private List<ExitQueueReading> exitQueues(List<ConcentrationRow> rows) {
        Map<Long, String> hashes = rows.isEmpty() ? Map.of()
                : blocks.hashesOf(rows.stream().map(ConcentrationRow::blockNumber).toList());
        return rows.stream().map(row -> new ExitQueueReading(new BlockRef(row.blockNumber(),
                hashes.get(row.blockNumber()), Instant.ofEpochSecond(row.blockTime())), row.stakedSlot(),
                exitQueue(row).orElseThrow())).toList();
    }

    private Optional<LidoOperators> lido(OperatorConcentrationRow row) {
        if (!MeasureColumns.present(row.lido())) {
            return Optional.empty();
        }
        List<OperatorShare> largest = lidoOperators.findByKeyBlockNumber(row.blockNumber(),
                ConcentrationTables.BY_KEY_POSITION).stream().map(op -> new OperatorShare(op.name(), op.module(),
                        op.activeValidators(), op.share().setScale(Concentration.SHARE_SCALE))).toList();
        BigInteger validators = BigInteger.valueOf(row.lidoValidators());
        Optional<String> first = largest.isEmpty() ? Optional.empty() : Optional.of(largest.get(0).name());
        return Optional.of(new LidoOperators(row.lidoOperators(), row.lidoValidators(),
                row.lidoPermissionlessValidators(), row.lido().measures(row.lidoOperators(), validators, validators, first), largest));
    }

    private static Optional<RocketPoolNodes> rocketPool(OperatorConcentrationRow row) {
        if (row.rpNodeOperators() == null) {
            return Optional.empty();
        }
        return Optional.of(new RocketPoolNodes(row.rpNodeOperators(), row.rpMinipools(), row.rpActiveMinipools(),
                row.rpStakingMinipools()));
    }
}
