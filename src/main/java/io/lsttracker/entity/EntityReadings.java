package io.lsttracker.entity;

import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.beacon.BeaconReadException;
import io.lsttracker.beacon.BeaconNode;
import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.config.ConfigException;
import io.lsttracker.db.StoreException;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.pool.PoolDataException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the reading of the validator set for a snapshot's block at most once an epoch (slot / 32): the snapshots in
 * between reuse the stored one. A reading brings rule 1's sources and the deposit index up to the block, then
 * streams every validator of the block's slot from the beacon node through {@link EntityTally}, and stores the
 * result whole. A beacon node or RPC that fails or answers garbage fails that epoch's reading with a message that
 * {@link #status()} keeps, and the epoch is not tried again (the next one is); the previous reading stays and
 * nothing stored is touched.
 */
@Singleton
public final class EntityReadings {
    private static final Logger LOG = LoggerFactory.getLogger(EntityReadings.class);
    static final String NOT_CONFIGURED = "no beacon node is configured (set LST_BEACON_URL to a beacon node's REST API)";

    /** What one call of {@link #readFor} did. */
    public enum Outcome { READ, REUSED, WAITING, FAILED, NOT_CONFIGURED }

    /**
     * @param lastOutcome what the last attempt did, and why when it is not READ or REUSED
     * @param at          when
     */
    public record Status(Optional<Outcome> lastOutcome, Optional<String> message, Optional<Instant> at) {
    }

    private final EntityRegistry registry;
    private final CredentialIndexer credentials;
    private final DepositIndexer deposits;
    private final EntityStore store;
    private final BeaconClient beacon;
    private final Clock clock;
    private volatile Status status = new Status(Optional.empty(), Optional.empty(), Optional.empty());
    /** Each validator's entity as the newest reading taken by this process attributed it. */
    private volatile Optional<ValidatorEntities> latest = Optional.empty();
    /** The epoch whose reading failed last: not tried again until the next epoch. */
    private long failedEpoch = -1;

    public EntityReadings(EntityRegistry registry, CredentialIndexer credentials, DepositIndexer deposits,
            EntityStore store, BeaconNode beacon) {
        this(registry, credentials, deposits, store, beacon.client().orElse(null), Clock.systemUTC());
    }

    EntityReadings(EntityRegistry registry, CredentialIndexer credentials, DepositIndexer deposits, EntityStore store,
            BeaconClient beacon, Clock clock) {
        this.registry = registry;
        this.credentials = credentials;
        this.deposits = deposits;
        this.store = store;
        this.beacon = beacon;
        this.clock = clock;
    }

    public EntityRegistry registry() {
        return registry;
    }

    public Status status() {
        return status;
    }

    /**
     * Each validator's entity from the newest reading this process took (not from the store, which keeps the figures
     * only): empty until the first reading after start, at most an epoch later.
     */
    public Optional<ValidatorEntities> validatorEntities() {
        return latest;
    }

    /** The reading for {@code block}'s epoch: taken now, or already stored. */
    public synchronized Outcome readFor(BlockRef block) {
        if (beacon == null) {
            return record(Outcome.NOT_CONFIGURED, NOT_CONFIGURED);
        }
        try {
            long slot = beacon.slotAt(block.timestamp());
            long epoch = slot / EntityReading.SLOTS_PER_EPOCH;
            if (store.hasReading(epoch)) {
                return record(Outcome.REUSED, "epoch " + epoch + " was read already");
            }
            if (epoch == failedEpoch) {
                return Outcome.FAILED; // that epoch's reading failed; the status keeps why
            }
            failedEpoch = epoch; // until the reading is stored
            CredentialIndexer.Named named = credentials.readAt(block);
            boolean depositsThere = deposits.indexToward(block.number());
            if (named.waiting().isPresent()) {
                failedEpoch = -1; // waiting is not failing: the next snapshot goes on
                return record(Outcome.WAITING, named.waiting().get() + "; validators are attributed once they get "
                        + "there");
            }
            if (!depositsThere) {
                failedEpoch = -1; // waiting is not failing: the next snapshot goes on with the index
                return record(Outcome.WAITING, "the deposit index is at block " + deposits.indexedTo().orElse(-1L)
                        + " of " + block.number() + "; validators are attributed once it gets there");
            }
            Map<String, FirstDeposit> firstDeposits = store.labelledFirstDeposits(registry.depositors().keySet());
            EntityTally tally = new EntityTally(registry, new Attribution(registry, named.addresses()));
            ValidatorEntities.Builder byIndex = new ValidatorEntities.Builder();
            long read = beacon.validators(slot, v -> byIndex.put(v.index(), tally.add(v, firstDeposits.get(v.pubkey()))));
            // The reading's time is its slot's (genesis + 12 s a slot), not the wall clock: a backfilled epoch takes
            // its place in the history, and a reading's age is the age of the state it describes.
            Instant slotTime = Instant.ofEpochSecond(beacon.genesisTime() + read * BeaconClient.SECONDS_PER_SLOT);
            EntityReading reading = tally.finish(read, slotTime);
            latest = Optional.of(byIndex.build(reading.epoch()));
            if (store.hasReading(reading.epoch())) {
                return record(Outcome.REUSED, "slot " + slot + " has no state; epoch " + reading.epoch()
                        + " of slot " + read + " was read already");
            }
            store.saveReading(reading, block.number());
            failedEpoch = -1;
            LOG.info("entities: epoch {} (slot {}) read: {} validators, {} unidentified", reading.epoch(), read,
                    reading.validators(), reading.unidentified().validators());
            return record(Outcome.READ, "epoch " + reading.epoch() + " read at slot " + read);
        } catch (BeaconReadException | ChainReadException | CallFailedException | PoolDataException
                | StoreException | ConfigException e) {
            LOG.warn("entities: no reading for block {}: {} (the previous reading stays)", block.number(),
                    e.getMessage());
            return record(Outcome.FAILED, "the reading for block " + block.number() + " failed: " + e.getMessage());
        }
    }

    private Outcome record(Outcome outcome, String message) {
        status = new Status(Optional.of(outcome), Optional.of(message), Optional.of(clock.instant()));
        return outcome;
    }
}
