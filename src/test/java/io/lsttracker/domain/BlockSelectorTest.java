package io.lsttracker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockSelectorTest {
    @Test
    void parsesTagsAndNumbers() {
        assertEquals(BlockSelector.LATEST, BlockSelector.parse("latest"));
        assertEquals(BlockSelector.SAFE, BlockSelector.parse("SAFE"));
        assertEquals(BlockSelector.FINALIZED, BlockSelector.parse(" finalized "));
        assertEquals(new BlockSelector.Number(19_000_000), BlockSelector.parse("19000000"));
        assertEquals(new BlockSelector.Number(255), BlockSelector.parse("0xff"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pending", "-1", "1.5", "0xzz", "99999999999999999999"})
    void rejectsEverythingElseNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockSelector.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
