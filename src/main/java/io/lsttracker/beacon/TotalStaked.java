package io.lsttracker.beacon;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * ETH staked on the beacon chain at one slot: the sum of the balances of its active validators, and, read in the
 * same pass over the same answer, the exit queue at that slot.
 *
 * @param slot              the slot whose state was read (the snapshot block's slot or the nearest before it)
 * @param wei               the sum of the active validators' balances, gwei x 1e9
 * @param activeValidators  how many validators were active
 * @param exitQueue         the exit queue at the slot; empty for a total stored before the queue was read (V95)
 */
public record TotalStaked(long slot, BigInteger wei, long activeValidators, Optional<ExitQueue> exitQueue) {

    public TotalStaked {
        Objects.requireNonNull(wei, "wei");
        Objects.requireNonNull(exitQueue, "exitQueue");
    }

    /** A total without its exit queue. */
    public TotalStaked(long slot, BigInteger wei, long activeValidators) {
        this(slot, wei, activeValidators, Optional.empty());
    }

    /**
     * The beacon chain's exit queue at the slot, as the validators answer shows it: validators whose status is
     * active_exiting or active_slashed have an exit epoch set and not yet reached (beacon-APIs' status
     * definitions), so they wait in the queue; their effective balances are what the exit churn lets through.
     *
     * @param exitingValidators  validators active_exiting or active_slashed
     * @param exitingWei         the sum of their effective balances, gwei x 1e9
     * @param activeEffectiveWei the sum of the effective balances of all active validators, gwei x 1e9: the
     *                           consensus specs' get_total_active_balance, the churn limit's input
     */
    public record ExitQueue(long exitingValidators, BigInteger exitingWei, BigInteger activeEffectiveWei) {
        public ExitQueue {
            Objects.requireNonNull(exitingWei, "exitingWei");
            Objects.requireNonNull(activeEffectiveWei, "activeEffectiveWei");
            if (exitingValidators < 0 || exitingWei.signum() < 0 || exitingWei.compareTo(activeEffectiveWei) > 0) {
                throw new IllegalArgumentException("an exit queue of " + exitingValidators + " validators and "
                        + exitingWei + " wei cannot be part of " + activeEffectiveWei + " wei of active stake");
            }
        }
    }
}
