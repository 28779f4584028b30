package io.lsttracker.devchain.beacon;

import java.math.BigInteger;

/**
 * What the simulated beacon chain holds for one entity at one slot, from the devchain's own model: the figures
 * the tracker's attribution must find, to the gwei.
 *
 * @param validators       validators of the entity in the state, whatever their status
 * @param activeValidators those whose status is active_* (ongoing, exiting, slashed)
 * @param activeStakeGwei  the sum of the active ones' balances
 */
public record EntityTruth(long validators, long activeValidators, BigInteger activeStakeGwei) {
}
