package io.lsttracker.entity;

/**
 * The deposit that created a validator (the first DepositEvent of its pubkey) and its transaction's sender and
 * target, all lower-case hex.
 *
 * @param to the transaction's target; null for a contract creation
 */
public record FirstDeposit(String pubkey, String from, String to) {
}
