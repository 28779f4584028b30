package io.lsttracker.entity;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.EventLog;
import java.math.BigInteger;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/**
 * Decodes the beacon deposit contract's
 * {@code DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature, bytes index)}
 * (ethereum/consensus-specs, solidity_deposit_contract/deposit_contract.sol; abi/SOURCES.md): no indexed field, five
 * ABI-encoded byte strings of fixed lengths 48, 32, 8, 96 and 8; amount and index are little-endian uint64.
 */
public final class DepositEvents {
    public static final String SIGNATURE = "DepositEvent(bytes,bytes,bytes,bytes,bytes)";
    public static final String TOPIC0 = Hash.sha3String(SIGNATURE);
    private static final int[] LENGTHS = {48, 32, 8, 96, 8};
    private static final String[] NAMES = {"pubkey", "withdrawal_credentials", "amount", "signature", "index"};

    private DepositEvents() {
    }

    /** The log as a {@link Deposit} of a transaction from {@code from} to {@code to}. */
    public static Deposit decode(EventLog log, String txHash, String from, String to) {
        byte[] data;
        try {
            data = HexFormat.of().parseHex(log.data().startsWith("0x") ? log.data().substring(2) : log.data());
        } catch (IllegalArgumentException e) {
            throw bad(log, "data is not hex");
        }
        byte[][] fields = new byte[5][];
        for (int i = 0; i < 5; i++) {
            long offset = word(data, i * 32, log);
            long length = word(data, offset, log);
            if (length != LENGTHS[i]) {
                throw bad(log, NAMES[i] + " is " + length + " bytes, not " + LENGTHS[i]);
            }
            if (offset + 32 + length > data.length) {
                throw bad(log, NAMES[i] + " runs past the end of the data");
            }
            fields[i] = java.util.Arrays.copyOfRange(data, (int) offset + 32, (int) (offset + 32 + length));
        }
        long amount = littleEndian(fields[2]);
        if (amount < 0) {
            throw bad(log, "amount " + Long.toUnsignedString(amount) + " gwei is over 2^63");
        }
        HexFormat hex = HexFormat.of();
        return new Deposit(log.blockNumber(), log.logIndex(), log.blockHash().toLowerCase(java.util.Locale.ROOT),
                txHash.toLowerCase(java.util.Locale.ROOT), "0x" + hex.formatHex(fields[0]),
                "0x" + hex.formatHex(fields[1]), amount, from, to);
    }

    private static long word(byte[] data, long at, EventLog log) {
        if (at < 0 || at + 32 > data.length) {
            throw bad(log, "data is too short for its offsets (" + data.length + " bytes)");
        }
        BigInteger value = new BigInteger(1, java.util.Arrays.copyOfRange(data, (int) at, (int) at + 32));
        if (value.bitLength() > 31) {
            throw bad(log, "an offset or length is out of range: " + value);
        }
        return value.longValue();
    }

    private static long littleEndian(byte[] bytes) {
        long value = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    private static ChainReadException bad(EventLog log, String problem) {
        return new ChainReadException("the DepositEvent at block " + log.blockNumber() + " log " + log.logIndex()
                + " of " + log.address() + ": " + problem);
    }
}
