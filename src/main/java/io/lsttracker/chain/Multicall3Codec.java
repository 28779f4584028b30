package io.lsttracker.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * ABI encoding of Multicall3's {@code aggregate3((address,bool,bytes)[]) returns ((bool,bytes)[])},
 * written out by hand (Solidity ABI specification, "Formal Specification of the Encoding") so that every
 * offset of the answer is bounds-checked: a malformed or truncated answer is an error that says where it
 * broke, never an index exception or a silently wrong value.
 */
public final class Multicall3Codec {
    /** keccak256("aggregate3((address,bool,bytes)[])")[0:4]. */
    static final byte[] AGGREGATE3_SELECTOR = {(byte) 0x82, (byte) 0xad, (byte) 0x56, (byte) 0xcb};
    private static final int WORD = 32;

    private Multicall3Codec() {
    }

    public static byte[] encodeAggregate3(List<ContractCall> calls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AGGREGATE3_SELECTOR);
        writeWord(out, BigInteger.valueOf(WORD)); // offset of the array, from the start of the arguments
        writeWord(out, BigInteger.valueOf(calls.size()));
        // Each element is a dynamic tuple: the array holds offsets to them, counted from after the length.
        List<byte[]> tuples = new ArrayList<>(calls.size());
        for (ContractCall call : calls) {
            tuples.add(encodeCall3(call));
        }
        long offset = (long) WORD * calls.size();
        for (byte[] tuple : tuples) {
            writeWord(out, BigInteger.valueOf(offset));
            offset += tuple.length;
        }
        for (byte[] tuple : tuples) {
            out.writeBytes(tuple);
        }
        return out.toByteArray();
    }

    private static byte[] encodeCall3(ContractCall call) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeWord(out, call.target().toUint().getValue());
        writeWord(out, BigInteger.ONE); // allowFailure: one pool's revert must not sink the others
        writeWord(out, BigInteger.valueOf(3 * WORD)); // offset of callData within the tuple
        byte[] data = call.callData();
        writeWord(out, BigInteger.valueOf(data.length));
        out.writeBytes(data);
        out.writeBytes(new byte[padding(data.length)]);
        return out.toByteArray();
    }

    /**
     * Decodes the answer of aggregate3. {@code expected} is the number of calls sent: an answer with another
     * count is malformed.
     */
    public static List<CallResult> decodeAggregate3(byte[] answer, int expected) {
        Reader in = new Reader(answer);
        int arrayStart = in.offsetAt(0, 0, "offset of the result array");
        int count = in.intAt(arrayStart, "length of the result array");
        if (count != expected) {
            throw malformed("it holds " + count + " results for " + expected + " calls");
        }
        int elementsStart = arrayStart + WORD;
        List<CallResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String where = "result " + i;
            int tupleStart = in.offsetAt(elementsStart + i * WORD, elementsStart, "offset of " + where);
            BigInteger success = in.wordAt(tupleStart, "success flag of " + where);
            if (success.compareTo(BigInteger.ONE) > 0) {
                throw malformed("the success flag of " + where + " is " + success + ", not 0 or 1");
            }
            int dataStart = in.offsetAt(tupleStart + WORD, tupleStart, "offset of the data of " + where);
            int length = in.intAt(dataStart, "data length of " + where);
            byte[] data = in.bytesAt(dataStart + WORD, length, "data of " + where);
            results.add(new CallResult(success.signum() == 1, data));
        }
        return results;
    }

    private static ChainReadException malformed(String detail) {
        return new ChainReadException("malformed Multicall3.aggregate3 answer: " + detail);
    }

    private static int padding(int length) {
        return (WORD - length % WORD) % WORD;
    }

    private static void writeWord(ByteArrayOutputStream out, BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length > WORD + 1 || (raw.length == WORD + 1 && raw[0] != 0) || value.signum() < 0) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        int length = Math.min(raw.length, WORD);
        out.writeBytes(new byte[WORD - length]);
        out.write(raw, raw.length - length, length);
    }

    /** Bounds-checked reads of 32-byte words from the answer. */
    private static final class Reader {
        private final byte[] data;

        Reader(byte[] data) {
            this.data = data;
        }

        BigInteger wordAt(int position, String what) {
            if (position < 0 || position > data.length - WORD) {
                throw malformed(what + " lies past its end (byte " + position + " of " + data.length + ")");
            }
            byte[] word = new byte[WORD];
            System.arraycopy(data, position, word, 0, WORD);
            return new BigInteger(1, word);
        }

        int intAt(int position, String what) {
            BigInteger value = wordAt(position, what);
            if (value.bitLength() > 30 || value.intValue() > data.length) {
                throw malformed(what + " is " + value + ", more than the " + data.length + " bytes received");
            }
            return value.intValue();
        }

        /** An offset word, relative to {@code base}, turned into an absolute position. */
        int offsetAt(int position, int base, String what) {
            return base + intAt(position, what);
        }

        byte[] bytesAt(int position, int length, String what) {
            if (position < 0 || length < 0 || position > data.length - length) {
                throw malformed(what + " (" + length + " bytes at byte " + position + ") lies past its end ("
                        + data.length + " bytes)");
            }
            byte[] out = new byte[length];
            System.arraycopy(data, position, out, 0, length);
            return out;
        }
    }
}
