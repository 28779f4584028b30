package io.lsttracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.clients.ClientDiversity.ClientShare;
import io.lsttracker.clients.ClientDiversity.Count;
import io.lsttracker.clients.ClientDiversity.Figures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientDiversityTest {
    private static Count count(Client consensus, Client execution, long blocks) {
        return new Count(Optional.ofNullable(consensus), Optional.ofNullable(execution), blocks);
    }

    /**
     * 12 blocks: Lighthouse+Geth 5, Prysm+Geth 2, Teku (no EL said) 1, Geth alone by name 1, nothing said 3.
     * Consensus: identified 8 of 12 = 0.666...67; Lighthouse 5/8 = 0.625 (3x5=15 > 8: above 1/3; 15 > 16? no: not
     * above 2/3); Prysm 2/8 = 0.25; Teku 1/8 = 0.125. Execution: identified 8 of 12 (5 + 2 + 1); Geth 8/8 = 1
     * (above 2/3).
     */
    @Test
    void handComputedCase() {
        Figures f = ClientDiversity.of(List.of(count(Client.LIGHTHOUSE, Client.GETH, 5),
                count(Client.PRYSM, Client.GETH, 2), count(Client.TEKU, null, 1), count(null, Client.GETH, 1),
                count(null, null, 3)));
        assertEquals(12, f.blocks());
        assertEquals(8, f.consensus().identified());
        assertEquals(new BigDecimal("0.666666666666666667"), f.consensus().identifiedShare().orElseThrow());
        assertEquals(List.of(new ClientShare(Client.LIGHTHOUSE, 5, new BigDecimal("0.625000000000000000")),
                new ClientShare(Client.PRYSM, 2, new BigDecimal("0.250000000000000000")),
                new ClientShare(Client.TEKU, 1, new BigDecimal("0.125000000000000000"))), f.consensus().clients());
        assertEquals(Client.LIGHTHOUSE, f.consensus().majority().orElseThrow().client());
        assertTrue(f.consensus().majorityAboveOneThird());
        assertFalse(f.consensus().majorityAboveTwoThirds());
        assertEquals(8, f.execution().identified());
        assertEquals(new BigDecimal("1.000000000000000000"), f.execution().majority().orElseThrow().share());
        assertTrue(f.execution().majorityAboveTwoThirds());
    }

    @Test
    void exactlyOneThirdIsNotAboveIt() {
        // 3 identified, 1 each: 3 x 1 = 3 is not > 3.
        Figures f = ClientDiversity.of(List.of(count(Client.NIMBUS, null, 1), count(Client.LODESTAR, null, 1),
                count(Client.GRANDINE, null, 1)));
        assertFalse(f.consensus().majorityAboveOneThird());
        // Equal blocks: the first in Client order is the majority named.
        assertEquals(Client.NIMBUS, f.consensus().majority().orElseThrow().client());
        // 2 of 3 is exactly 2/3: above 1/3, not above 2/3.
        Figures twoOfThree = ClientDiversity.of(List.of(count(Client.TEKU, null, 2), count(Client.PRYSM, null, 1)));
        assertTrue(twoOfThree.consensus().majorityAboveOneThird());
        assertFalse(twoOfThree.consensus().majorityAboveTwoThirds());
    }

    @Test
    void nothingIdentifiedHasNoSharesAndNoMajority() {
        Figures f = ClientDiversity.of(List.of(count(null, null, 4)));
        assertEquals(0, f.consensus().identified());
        assertEquals(new BigDecimal("0E-18"), f.consensus().identifiedShare().orElseThrow());
        assertEquals(Optional.empty(), f.consensus().majority());
        assertFalse(f.consensus().majorityAboveOneThird());
        Figures none = ClientDiversity.of(List.of());
        assertEquals(Optional.empty(), none.consensus().identifiedShare());
    }
}
