package io.lsttracker.devchain.beacon;

/** One deposit the model places in the deposit contract: 48-byte pubkey, 32-byte credentials, amount in gwei. */
public record Deposit(byte[] pubkey, byte[] withdrawalCredentials, long amountGwei) {
}
