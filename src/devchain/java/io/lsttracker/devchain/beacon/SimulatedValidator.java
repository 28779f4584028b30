package io.lsttracker.devchain.beacon;

/**
 * One validator of the simulated set at one slot, with every field of the standard validators answer
 * (ethereum/beacon-APIs, GET /eth/v1/beacon/states/{state_id}/validators) and the entity the model placed it
 * under. Epochs are unsigned 64-bit: {@link ValidatorSet#FAR_FUTURE_EPOCH} (-1) is 2^64 - 1.
 */
public record SimulatedValidator(long index, String entityId, String pubkey, String withdrawalCredentials,
        String status, long balanceGwei, long effectiveBalanceGwei, boolean slashed, long activationEligibilityEpoch,
        long activationEpoch, long exitEpoch, long withdrawableEpoch) {

    public boolean active() {
        return status.startsWith("active");
    }
}
