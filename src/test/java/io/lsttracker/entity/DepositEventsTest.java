package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.EventLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositEventsTest {
    /** ABI encoding of the five byte strings (head of five offsets, then each length and padded bytes). */
    static String encode(String pubkey, String credentials, long amountGwei, long index) {
        String[] fields = {pubkey.substring(2), credentials.substring(2), littleEndian(amountGwei), "ab".repeat(96),
                littleEndian(index)};
        StringBuilder head = new StringBuilder();
        StringBuilder tail = new StringBuilder();
        int offset = 5 * 32;
        for (String f : fields) {
            head.append(String.format("%064x", offset));
            int length = f.length() / 2;
            String padded = f + "0".repeat((64 - f.length() % 64) % 64);
            tail.append(String.format("%064x", length)).append(padded);
            offset += 32 + padded.length() / 2;
        }
        return "0x" + head + tail;
    }

    static String littleEndian(long value) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", (value >>> (8 * i)) & 0xff));
        }
        return hex.toString();
    }

    private static EventLog log(String data) {
        return new EventLog("0x00000000219ab540356cbb839cbe05303d7705fa", 7, "0x" + "0c".repeat(32), 2,
                List.of(DepositEvents.TOPIC0), data);
    }

    @Test
    void theTopicIsTheEventSignaturesHash() {
        // keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)"), abi/SOURCES.md
        assertEquals("0x649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5", DepositEvents.TOPIC0);
    }

    @Test
    void decodesTheFiveFieldsWithALittleEndianAmount() {
        String key = "0x" + "a1".repeat(48);
        String wc = "0x01" + "00".repeat(11) + "b9".repeat(20);
        // 32 ETH = 32,000,000,000 gwei = 0x0773594000, little-endian 00 40 59 73 07 00 00 00
        assertEquals("0040597307000000", littleEndian(32_000_000_000L));
        Deposit d = DepositEvents.decode(log(encode(key, wc, 32_000_000_000L, 5)), "0x" + "ee".repeat(32),
                "0x" + "11".repeat(20), null);
        assertEquals(new Deposit(7, 2, "0x" + "0c".repeat(32), "0x" + "ee".repeat(32), key, wc, 32_000_000_000L,
                "0x" + "11".repeat(20), null), d);
    }

    @Test
    void malformedDataIsNamedWithItsLog() {
        String data = encode("0x" + "a1".repeat(47), "0x" + "00".repeat(32), 1, 1);
        ChainReadException e = assertThrows(ChainReadException.class,
                () -> DepositEvents.decode(log(data), "0x00", "0x00", null));
        assertTrue(e.getMessage().contains("DepositEvent at block 7 log 2") && e.getMessage()
                .contains("pubkey is 47 bytes, not 48"), e.getMessage());
        e = assertThrows(ChainReadException.class, () -> DepositEvents.decode(log("0x1234"), "0x00", "0x00", null));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }
}
