package io.lsttracker.clients;

import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.beacon.BeaconReadException;
import io.lsttracker.beacon.BeaconNode;
import io.lsttracker.beacon.BlockProposal;
import io.lsttracker.clients.ClientsTables.ProposalRow;
import io.lsttracker.db.StoreException;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.ValidatorEntities;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every finalized slot's block once, in slot order, from where the last run stopped (or {@code lookback-days}
 * before the finalized slot on the first run), at most {@code slots-per-cycle} slots a run with {@code in-flight}
 * requests at once. A block is counted for its proposer's entity, as the newest entity reading attributed the
 * proposer; a slot without a block is stored as missed. Only finalized slots are read, so what is stored never
 * changes with a reorg. When a read fails, the slots before it are stored and the next run starts at the failed one.
 */
@Singleton
public final class ProposalIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(ProposalIndexer.class);
    /** Consensus specs: SECONDS_PER_SLOT 12, so 7,200 slots a day. */
    public static final long SLOTS_PER_DAY = 86_400 / BeaconClient.SECONDS_PER_SLOT;

    /** What one run did. */
    public enum Outcome { READ, UP_TO_DATE, WAITING, FAILED, NOT_CONFIGURED, DISABLED }

    /** The last run's outcome, why, and when. */
    public record Status(Optional<Outcome> lastOutcome, Optional<String> message, Optional<Instant> at) {
    }

    private final BeaconClient beacon;
    private final Supplier<Optional<ValidatorEntities>> attribution;
    private final ProposalStore store;
    private final ClientWindows windows;
    private final ClientsSettings settings;
    private final Clock clock;
    private final ExecutorService requests;
    private volatile long genesisTime = -1;
    private volatile Status status = new Status(Optional.empty(), Optional.empty(), Optional.empty());

    @jakarta.inject.Inject
    public ProposalIndexer(BeaconNode beacon, EntityReadings readings, ProposalStore store, ClientWindows windows,
            ClientsSettings settings) {
        this(beacon.client().orElse(null), readings::validatorEntities, store, windows, settings, Clock.systemUTC());
    }

    /** @param attribution each validator's entity, from the newest entity reading (empty until there is one) */
    ProposalIndexer(BeaconClient beacon, Supplier<Optional<ValidatorEntities>> attribution, ProposalStore store,
            ClientWindows windows, ClientsSettings settings, Clock clock) {
        this.beacon = beacon;
        this.attribution = attribution;
        this.store = store;
        this.windows = windows;
        this.settings = settings;
        this.clock = clock;
        this.requests = Executors.newFixedThreadPool(settings.inFlight(), r -> {
            Thread t = new Thread(r, "proposals");
            t.setDaemon(true);
            return t;
        });
    }

    public Status status() {
        return status;
    }

    /** When {@code slot} starts, once the beacon node's genesis time is known (after the first run reached it). */
    public Optional<Instant> slotStart(long slot) {
        long genesis = genesisTime;
        return genesis < 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(genesis + slot * BeaconClient.SECONDS_PER_SLOT));
    }

    /** One run: reads the next slots up to the finalized one, and stores them. */
    public synchronized Outcome runOnce() {
        if (!settings.enabled()) {
            return record(Outcome.DISABLED, "client diversity is off (tracker.clients.enabled=false)");
        }
        if (beacon == null) {
            return record(Outcome.NOT_CONFIGURED, "no beacon node is configured (set LST_BEACON_URL to a beacon node's"
                    + " REST API)");
        }
        Optional<ValidatorEntities> entities = attribution.get();
        if (entities.isEmpty()) {
            return record(Outcome.WAITING, "waiting for the first entity reading, which attributes proposers to"
                    + " entities (at most an epoch after start)");
        }
        long from = -1;
        try {
            long finalized = beacon.finalizedSlot();
            genesisTime = beacon.genesisTime();
            Optional<Long> last = store.lastSlot();
            from = last.map(s -> s + 1)
                    .orElse(Math.max(0, finalized - settings.lookbackDays() * SLOTS_PER_DAY + 1));
            if (from > finalized) {
                return record(Outcome.UP_TO_DATE, "every slot up to the finalized slot " + finalized + " is read");
            }
            long to = Math.min(finalized, from + settings.slotsPerCycle() - 1);
            List<Future<Optional<BlockProposal>>> reads = new ArrayList<>();
            for (long slot = from; slot <= to; slot++) {
                long s = slot;
                reads.add(requests.submit(() -> beacon.proposal(s)));
            }
            List<ProposalRow> run = new ArrayList<>();
            String failure = null;
            for (int i = 0; i < reads.size() && failure == null; i++) {
                try {
                    run.add(row(from + i, reads.get(i).get(), entities.get()));
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof BeaconReadException b ? b.getMessage() : String.valueOf(e.getCause());
                }
            }
            if (failure != null) {
                reads.forEach(f -> f.cancel(true));
            }
            if (!run.isEmpty()) {
                store.save(run, from + run.size() - 1);
                windows.refresh();
            }
            if (failure != null) {
                LOG.warn("clients: slot {} could not be read: {} (slots before it are stored)", from + run.size(),
                        failure);
                return record(Outcome.FAILED, "slot " + (from + run.size()) + " could not be read: " + failure);
            }
            return record(Outcome.READ, "slots " + from + ".." + to + " read (finalized: " + finalized + ")");
        } catch (BeaconReadException | StoreException e) {
            LOG.warn("clients: no slots read: {}", e.getMessage());
            return record(Outcome.FAILED, (from < 0 ? "" : "from slot " + from + ": ") + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(Outcome.FAILED, "interrupted");
        }
    }

    static ProposalRow row(long slot, Optional<BlockProposal> block, ValidatorEntities entities) {
        if (block.isEmpty()) {
            return new ProposalRow(slot, true, null, null, null, null, null, Graffiti.How.NONE.name());
        }
        BlockProposal p = block.get();
        Graffiti.Identified identified = Graffiti.identify(p.graffiti());
        return new ProposalRow(slot, false, p.proposerIndex(),
                entities.entityOf(p.proposerIndex()).orElse(Entity.UNIDENTIFIED),
                "0x" + HexFormat.of().formatHex(p.graffiti()),
                identified.consensus().map(Client::id).orElse(null),
                identified.execution().map(Client::id).orElse(null), identified.how().name());
    }

    private Outcome record(Outcome outcome, String message) {
        status = new Status(Optional.of(outcome), Optional.of(message), Optional.of(clock.instant()));
        return outcome;
    }

    @PreDestroy
    void close() {
        requests.shutdownNow();
    }
}
