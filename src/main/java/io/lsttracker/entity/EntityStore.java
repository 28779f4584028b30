package io.lsttracker.entity;

import io.lsttracker.db.StoreException;
import io.lsttracker.entity.EntityTables.ConflictRepository;
import io.lsttracker.entity.EntityTables.ConflictRow;
import io.lsttracker.entity.EntityTables.CredentialRepository;
import io.lsttracker.entity.EntityTables.CredentialRow;
import io.lsttracker.entity.EntityTables.CursorRepository;
import io.lsttracker.entity.EntityTables.CursorRow;
import io.lsttracker.entity.EntityTables.DepositRepository;
import io.lsttracker.entity.EntityTables.DepositRow;
import io.lsttracker.entity.EntityTables.EvidenceRepository;
import io.lsttracker.entity.EntityTables.EvidenceRow;
import io.lsttracker.entity.EntityTables.FirstDepositRepository;
import io.lsttracker.entity.EntityTables.ReadingEntityRepository;
import io.lsttracker.entity.EntityTables.ReadingEntityRow;
import io.lsttracker.entity.EntityTables.ReadingRepository;
import io.lsttracker.entity.EntityTables.ReadingRow;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity feature's storage (db/migration V60): the deposit index, rule 1's credentials, their cursors, and one
 * reading of the validator set per epoch. Every write is one transaction: a page with its cursor, a reading with
 * its rows. The newest reading this store has stored or read is also kept in memory ({@link #latestKnown()}), for
 * readers that must not wait on the database (the Prometheus scrape).
 */
@Singleton
public class EntityStore {
    /** The cursor names of the incremental reads. */
    public static final String DEPOSITS = "deposits";
    public static final String VAULTS = "stakewise-vaults";
    public static final String ETHERFI_NODES = "etherfi-nodes";
    public static final String FRAX_DEPOSITS = "frax-deposits";

    private final DepositRepository deposits;
    private final FirstDepositRepository firstDeposits;
    private final CredentialRepository credentials;
    private final CursorRepository cursors;
    private final ReadingRepository readings;
    private final ReadingEntityRepository rows;
    private final EvidenceRepository evidence;
    private final ConflictRepository conflicts;
    private final TransactionOperations<Connection> transactions;
    /** The newest reading stored or read here; null until one is. */
    private volatile StoredReading newest;

    EntityStore(DepositRepository deposits, FirstDepositRepository firstDeposits, CredentialRepository credentials,
            CursorRepository cursors, ReadingRepository readings, ReadingEntityRepository rows,
            EvidenceRepository evidence, ConflictRepository conflicts, TransactionOperations<Connection> transactions) {
        this.deposits = deposits;
        this.firstDeposits = firstDeposits;
        this.credentials = credentials;
        this.cursors = cursors;
        this.readings = readings;
        this.rows = rows;
        this.evidence = evidence;
        this.conflicts = conflicts;
        this.transactions = transactions;
    }

    /** A reading as stored, with the snapshot block whose slot was read. */
    public record StoredReading(EntityReading reading, long blockNumber) {
    }

    public Optional<Long> cursor(String name) {
        return StoreException.attempt("read the entity cursor " + name,
                () -> cursors.findById(name).map(CursorRow::lastBlock));
    }

    /**
     * Stores one page of deposits (chain order) and moves the deposit cursor to {@code toBlock}, in one transaction.
     * A deposit is its pubkey's first when no earlier one is stored or earlier in the page.
     */
    public void saveDeposits(List<Deposit> page, long toBlock) {
        StoreException.attempt("store deposits up to block " + toBlock, () -> transactions.executeWrite(status -> {
            if (!page.isEmpty()) {
                Set<String> seen = new HashSet<>();
                List<String> pubkeys = page.stream().map(Deposit::pubkey).distinct().toList();
                for (int i = 0; i < pubkeys.size(); i += 500) {
                    seen.addAll(deposits.knownPubkeys(pubkeys.subList(i, Math.min(pubkeys.size(), i + 500))));
                }
                List<DepositRow> toSave = new ArrayList<>();
                for (Deposit d : page) {
                    toSave.add(DepositRow.of(d, seen.add(d.pubkey())));
                }
                deposits.saveAll(toSave);
            }
            moveCursor(DEPOSITS, toBlock);
            return null;
        }));
    }

    public long depositCount() {
        return StoreException.attempt("count deposits", deposits::count);
    }

    /** Each pubkey whose first deposit was sent by or to one of {@code addresses}, with that deposit. */
    public Map<String, FirstDeposit> labelledFirstDeposits(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Map.of();
        }
        return StoreException.attempt("read the labelled deposits", () -> {
            Map<String, FirstDeposit> found = new HashMap<>();
            firstDeposits.labelled(addresses).forEach(r -> found.put(r.pubkey(),
                    new FirstDeposit(r.pubkey(), r.txFrom(), r.txTo())));
            return found;
        });
    }

    /** Stores rule-1 addresses of {@code source}, moving the cursor {@code cursor} (if any) to {@code toBlock}. */
    public void saveCredentials(CredentialSource source, List<CredentialRow> found, String cursor, long toBlock) {
        StoreException.attempt("store " + source.configName() + " credentials up to block " + toBlock,
                () -> transactions.executeWrite(status -> {
                    if (!found.isEmpty()) {
                        credentials.saveAll(found);
                    }
                    if (cursor != null) {
                        moveCursor(cursor, toBlock);
                    }
                    return null;
                }));
    }

    static CredentialRow credential(String address, CredentialSource source, long block, long position) {
        return new CredentialRow(address, source.configName(), block, position);
    }

    /** Every stored rule-1 address and its source. */
    public Map<String, CredentialSource> credentials() {
        return StoreException.attempt("read the rule-1 credentials", () -> {
            Map<String, CredentialSource> all = new HashMap<>();
            credentials.findAll().forEach(r -> all.put(r.address(),
                    CredentialSource.fromConfigName(r.source()).orElseThrow()));
            return all;
        });
    }

    public long credentialCount(CredentialSource source) {
        return StoreException.attempt("count " + source.configName() + " credentials",
                () -> credentials.countBySource(source.configName()));
    }

    /** The stored rule-1 rows of {@code source}. */
    List<CredentialRow> credentialRows(CredentialSource source) {
        return StoreException.attempt("read the " + source.configName() + " credentials",
                () -> credentials.findBySource(source.configName()));
    }

    /** The stored rule-1 addresses of {@code source}. */
    public Set<String> credentialAddresses(CredentialSource source) {
        Set<String> all = new HashSet<>();
        credentialRows(source).forEach(r -> all.add(r.address()));
        return all;
    }

    /** The highest stored position of {@code source} in [from, to), if any. */
    public Optional<Long> maxCredentialPosition(CredentialSource source, long from, long to) {
        return StoreException.attempt("read the last " + source.configName() + " credential",
                () -> Optional.ofNullable(credentials.maxPosition(source.configName(), from, to)));
    }

    /** A reorg replaced {@code block}: deposits and credentials from it on are forgotten and read again. */
    public void rewindTo(long block) {
        StoreException.attempt("forget deposits and credentials from block " + block,
                () -> transactions.executeWrite(status -> {
                    deposits.deleteByKeyBlockNumberGreaterThanEquals(block);
                    credentials.deleteByBlockNumberGreaterThanEquals(block);
                    cursors.rewindTo(block - 1);
                    return null;
                }));
    }

    private void moveCursor(String name, long toBlock) {
        CursorRow row = new CursorRow(name, toBlock);
        if (cursors.existsById(name)) {
            cursors.update(row);
        } else {
            cursors.save(row);
        }
    }

    public boolean hasReading(long epoch) {
        return StoreException.attempt("look for the entity reading of epoch " + epoch, () -> readings.existsById(epoch));
    }

    /** Stores a reading whole, or nothing. */
    public void saveReading(EntityReading r, long blockNumber) {
        StoreException.attempt("store the entity reading of epoch " + r.epoch(),
                () -> transactions.executeWrite(status -> {
                    readings.save(new ReadingRow(r.epoch(), r.slot(), r.readAt().toEpochMilli(), blockNumber,
                            r.validators(), r.activeValidators(), r.activeStakeGwei()));
                    List<ReadingEntityRow> entityRows = new ArrayList<>();
                    for (EntityReading.Row row : r.entities()) {
                        entityRows.add(entityRow(r.epoch(), row));
                    }
                    entityRows.add(entityRow(r.epoch(), r.unidentified()));
                    rows.saveAll(entityRows);
                    if (!r.evidence().isEmpty()) {
                        evidence.saveAll(r.evidence().stream().map(e -> new EvidenceRow(new EvidenceRow.Key(r.epoch(),
                                e.entity(), e.rule().apiName(), e.detail()), e.validators())).toList());
                    }
                    if (!r.conflicts().isEmpty()) {
                        conflicts.saveAll(r.conflicts().stream().map(c -> new ConflictRow(new ConflictRow.Key(
                                r.epoch(), c.entity(), c.other(), c.otherRule().apiName(), c.otherDetail()),
                                c.validators(), String.join(",", c.examples().stream().map(String::valueOf)
                                        .toList()))).toList());
                    }
                    return null;
                }));
        // Committed: remembered as latest() would read it back (without evidence and conflicts).
        remember(new StoredReading(new EntityReading(r.slot(), r.epoch(), r.readAt(), r.entities(), r.unidentified(),
                r.validators(), r.activeValidators(), r.activeStakeGwei(), r.measures(), List.of(), List.of()),
                blockNumber));
    }

    private synchronized void remember(StoredReading reading) {
        if (newest == null || reading.reading().epoch() >= newest.reading().epoch()) {
            newest = reading;
        }
    }

    /** The newest reading this store has stored or read (in this process), from memory; no database access. */
    public Optional<StoredReading> latestKnown() {
        return Optional.ofNullable(newest);
    }

    private static ReadingEntityRow entityRow(long epoch, EntityReading.Row row) {
        return new ReadingEntityRow(new ReadingEntityRow.Key(epoch, row.entity()), row.validators(),
                row.activeValidators(), row.activeStakeGwei(), row.byRule().getOrDefault(Rule.CREDENTIALS, 0L),
                row.byRule().getOrDefault(Rule.DEPOSIT_SENDER, 0L), row.byRule().getOrDefault(Rule.DEPOSIT_TARGET, 0L));
    }

    /** The newest stored reading, read from the database (and remembered, see {@link #latestKnown()}). */
    public Optional<StoredReading> latest() {
        Optional<StoredReading> read = StoreException.attempt("read the latest entity reading",
                () -> readings.findFirstOrderByEpochDesc().map(this::load));
        read.ifPresent(this::remember);
        return read;
    }

    /**
     * The readings read in [from, to), oldest first, without evidence and conflicts; empty if there are more than
     * {@code atMost}, which is found in SQL (one more row asked for) before any entity row is read.
     */
    public Optional<List<StoredReading>> history(Instant from, Instant to, int atMost) {
        return StoreException.attempt("read the entity history", () -> {
            List<ReadingRow> found = readings.findByReadAtGreaterThanEqualsAndReadAtLessThan(millis(from), millis(to),
                    Pageable.from(0, atMost + 1, Sort.of(Sort.Order.asc("epoch"))));
            return found.size() > atMost ? Optional.empty() : Optional.of(withRows(found));
        });
    }

    /** In [from, to), the last reading of each {@code interval} (aligned to the unix epoch), oldest first. */
    public List<StoredReading> history(Instant from, Instant to, Duration interval) {
        return StoreException.attempt("read the entity history", () -> withRows(readings.lastPerBucket(millis(from),
                millis(to), Math.max(1, interval.toMillis()))));
    }

    /** The readings with their entity rows, read for exactly their epochs (500 to a query). */
    private List<StoredReading> withRows(List<ReadingRow> found) {
        Map<Long, List<ReadingEntityRow>> byEpoch = new HashMap<>();
        List<Long> epochs = found.stream().map(ReadingRow::epoch).toList();
        for (int i = 0; i < epochs.size(); i += 500) {
            rows.findByKeyEpochIn(epochs.subList(i, Math.min(epochs.size(), i + 500))).forEach(r ->
                    byEpoch.computeIfAbsent(r.key().epoch(), k -> new ArrayList<>()).add(r));
        }
        return found.stream().map(r -> reading(r, byEpoch.getOrDefault(r.epoch(), List.of()), List.of(), List.of()))
                .toList();
    }

    /** Unix milliseconds; an instant beyond what a long holds (a year such as -999999999) is clamped to it. */
    private static long millis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException beyond) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** One entity's evidence and conflicts in the reading of {@code epoch}. */
    public EntityReading detail(long epoch, String entityId) {
        return StoreException.attempt("read the entity reading of epoch " + epoch, () -> {
            ReadingRow row = readings.findById(epoch).orElseThrow();
            List<EntityReading.Evidence> ev = evidence.findByKeyEpochAndKeyEntityId(epoch, entityId).stream()
                    .map(e -> new EntityReading.Evidence(e.key().entityId(), rule(e.key().rule()), e.key().detail(),
                            e.validators())).sorted(Comparator.comparing(EntityReading.Evidence::validators)
                            .reversed()).toList();
            List<EntityReading.ConflictCount> cs = conflicts.findByKeyEpochAndKeyEntityId(epoch, entityId).stream()
                    .map(c -> new EntityReading.ConflictCount(c.key().entityId(), c.key().otherId(),
                            rule(c.key().otherRule()), c.key().otherDetail(), c.validators(),
                            c.examples().isEmpty() ? List.of() : Arrays.stream(c.examples().split(","))
                                    .map(Long::valueOf).toList())).toList();
            return reading(row, rows.findByKeyEpoch(epoch), ev, cs).reading();
        });
    }

    private StoredReading load(ReadingRow row) {
        return reading(row, rows.findByKeyEpoch(row.epoch()), List.of(), List.of());
    }

    private static Rule rule(String apiName) {
        return Arrays.stream(Rule.values()).filter(r -> r.apiName().equals(apiName)).findFirst().orElseThrow();
    }

    /** The reading again from its rows: shares and measures are derived, as when it was taken. */
    private static StoredReading reading(ReadingRow row, List<ReadingEntityRow> entityRows,
            List<EntityReading.Evidence> ev, List<EntityReading.ConflictCount> cs) {
        BigInteger total = row.activeStakeGwei();
        List<EntityReading.Row> identified = new ArrayList<>();
        EntityReading.Row unidentified = new EntityReading.Row(Entity.UNIDENTIFIED, 0, 0, BigInteger.ZERO,
                EntityMeasures.share(BigInteger.ZERO, total), Map.of());
        for (ReadingEntityRow r : entityRows) {
            Map<Rule, Long> byRule = new EnumMap<>(Rule.class);
            if (r.byCredentials() > 0) {
                byRule.put(Rule.CREDENTIALS, r.byCredentials());
            }
            if (r.bySender() > 0) {
                byRule.put(Rule.DEPOSIT_SENDER, r.bySender());
            }
            if (r.byTarget() > 0) {
                byRule.put(Rule.DEPOSIT_TARGET, r.byTarget());
            }
            boolean none = r.key().entityId().equals(Entity.UNIDENTIFIED);
            if (none && r.validators() > 0) {
                byRule.put(Rule.NONE, r.validators());
            }
            EntityReading.Row loaded = new EntityReading.Row(r.key().entityId(), r.validators(), r.activeValidators(),
                    r.activeStakeGwei(), EntityMeasures.share(r.activeStakeGwei(), total), Map.copyOf(byRule));
            if (none) {
                unidentified = loaded;
            } else {
                identified.add(loaded);
            }
        }
        identified.sort(Comparator.comparing(EntityReading.Row::activeStakeGwei).reversed()
                .thenComparing(EntityReading.Row::entity));
        EntityMeasures.Both measures = EntityMeasures.of(identified.stream().map(EntityReading.Row::activeStakeGwei)
                .toList(), unidentified.activeStakeGwei());
        return new StoredReading(new EntityReading(row.slot(), row.epoch(), Instant.ofEpochMilli(row.readAt()),
                List.copyOf(identified), unidentified, row.validators(), row.activeValidators(), total, measures, ev,
                cs), row.blockNumber());
    }
}
