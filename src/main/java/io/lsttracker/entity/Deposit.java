package io.lsttracker.entity;

/**
 * One DepositEvent of the beacon deposit contract with its transaction's sender and target (docs/ENTITIES.md,
 * rule 2); hex in lower case.
 *
 * @param to the transaction's target; null for a contract creation
 */
public record Deposit(long blockNumber, long logIndex, String blockHash, String txHash, String pubkey,
        String credentials, long amountGwei, String from, String to) {
}
