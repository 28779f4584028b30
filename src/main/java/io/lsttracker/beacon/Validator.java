package io.lsttracker.beacon;

import java.util.Set;

/**
 * One validator as a beacon node's standard REST API lists it (ethereum/beacon-APIs,
 * GET /eth/v1/beacon/states/{state_id}/validators), checked by {@link BeaconClient#validators}.
 *
 * @param index                 the validator's index in the beacon state
 * @param pubkey                its BLS public key: 0x and 96 lower-case hex digits (48 bytes)
 * @param withdrawalCredentials 0x and 64 lower-case hex digits (32 bytes); the first byte is the type: 0x00 a BLS
 *                              key, 0x01 an execution address, 0x02 an execution address with compounding (Electra)
 * @param status                the API's status string, one of {@link #STATUSES}
 * @param balanceGwei           the validator's balance in gwei
 * @param effectiveBalanceGwei  its effective balance in gwei
 * @param slashed               whether it has been slashed
 */
public record Validator(long index, String pubkey, String withdrawalCredentials, String status, long balanceGwei,
        long effectiveBalanceGwei, boolean slashed) {

    /** The statuses of the standard API (ethereum/beacon-APIs, ValidatorStatus). */
    public static final Set<String> STATUSES = Set.of("pending_initialized", "pending_queued", "active_ongoing",
            "active_exiting", "active_slashed", "exited_unslashed", "exited_slashed", "withdrawal_possible",
            "withdrawal_done");

    /** Active validators (active_ongoing, active_exiting, active_slashed) are the ones whose balance is staked. */
    public boolean active() {
        return status.startsWith("active");
    }

    /** The credentials' type byte: "00", "01" or "02" (lower-case hex). */
    public String credentialsType() {
        return withdrawalCredentials.substring(2, 4);
    }
}
