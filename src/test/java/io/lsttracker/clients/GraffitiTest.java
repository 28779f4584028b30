package io.lsttracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.clients.Graffiti.How;
import io.lsttracker.clients.Graffiti.Identified;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GraffitiTest {

    /** Graffiti as clients write it, and as people write it to mislead or say nothing (docs/CLIENTS.md). */
    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}/{2} by {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Lighthouse's default without user text: EL code + 4 hex, LH + 4 hex.
            "GE168dLH63af                 | lighthouse | geth       | CODES",
            // Prysm puts the codes before the user's text, without a space; its own code is PR (spec: PM).
            "GE168dPR63afBob              | prysm      | geth       | CODES",
            "NM16PM63my node here         | prysm      | nethermind | CODES",
            "BUPRthis is my graffiti msg  | prysm      | besu       | CODES",
            // Teku appends after a space; shorter forms when the user's text leaves less room.
            "Staked with care RH0a1bTK9c8d| teku       | reth       | CODES",
            "a 27-byte long user text EG1fNB2e | nimbus | erigon    | CODES",
            "my own words, nearly full GRLS | -         | -          | NONE",
            "my own words, nearly full EJLS | lodestar  | ethereumjs | CODES",
            // Lodestar without an execution client: the consensus part alone, as a whole word.
            "LSabcd                       | lodestar   | -          | CODES",
            "GRab                         | grandine   | -          | CODES",
            // Default free-text graffiti of older releases, and names people write.
            "Lighthouse/v4.5.0-441fc16    | lighthouse | -          | NAMES",
            "teku/v23.1.0                 | teku       | -          | NAMES",
            "Nimbus/v24.1.2-6d1f8c-stateofus | nimbus  | -          | NAMES",
            "running nethermind + lodestar | lodestar  | nethermind | NAMES",
            "go-ethereum & Prysm          | prysm      | geth       | NAMES",
            "Reth is fast                 | -          | reth       | NAMES",
            // Nothing said, or said misleadingly: never guessed.
            "                             | -          | -          | NONE",
            "rETH maxi                    | -          | -          | NONE",
            "RETH to the moon             | -          | -          | NONE",
            "GEnesis staker               | -          | -          | NONE",
            "TKO champion                 | -          | -          | NONE",
            "LSD summer LHdeadbeef        | -          | -          | NONE",
            "XX1234LH5678                 | -          | -          | NONE",
            "LH1234GE5678                 | -          | -          | NONE",
            "Prysm or Lighthouse?         | -          | -          | NONE",
            "Lighthousekeeper             | -          | -          | NONE",
            "besutiful                    | -          | -          | NONE",
    })
    void identifies(String graffiti, String consensus, String execution, String how) {
        Identified identified = Graffiti.identify(graffiti == null ? "" : graffiti);
        assertEquals(Optional.ofNullable(consensus), identified.consensus().map(Client::id), "consensus client");
        assertEquals(Optional.ofNullable(execution), identified.execution().map(Client::id), "execution client");
        if (how != null) {
            assertEquals(How.valueOf(how), identified.how(), "rule");
        }
    }

    @Test
    void theBytesAreUtf8WithTrailingZerosDropped() {
        byte[] bytes = new byte[Graffiti.BYTES];
        byte[] text = "GE168dLH63af".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, text.length);
        assertEquals("GE168dLH63af", Graffiti.text(bytes));
        assertEquals(Optional.of(Client.LIGHTHOUSE), Graffiti.identify(bytes).consensus());
        assertEquals(Identified.NOTHING, Graffiti.identify(new byte[Graffiti.BYTES]));
    }

    @Test
    void aCodeOfTheWrongLayerIdentifiesNothing() {
        // Consensus code first, execution code second: not the order clients write.
        assertEquals(Identified.NOTHING, Graffiti.identify("LHGE"));
        // An execution client's code alone is not taken: two letters begin too many words.
        assertEquals(Identified.NOTHING, Graffiti.identify("GE1234"));
    }
}
