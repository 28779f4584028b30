package io.lsttracker.chain;

import java.util.List;
import java.util.Locale;

/**
 * The node no longer holds the state of a past block: it is a full (pruned) node, not an archive node.
 * Reading history (a backfill, `snapshot --block OLD`) needs an archive node, and the message says so.
 */
public final class ArchiveNodeRequiredException extends ChainReadException {
    /**
     * How nodes word it: geth and Nethermind "missing trie node", geth "header not found" for a pruned
     * header, Erigon and Reth "state ... pruned" / "historical state not available", Besu "world state
     * unavailable", anvil "BlockOutOfRangeError" (a state it no longer keeps: --prune-history, as the devchain's
     * dense history runs it; a block past the head is refused before any call); lower-cased substrings of the
     * error message.
     */
    private static final List<String> SIGNS = List.of("missing trie node", "header not found",
            "historical state", "state not available", "state is not available", "pruned",
            "world state unavailable", "blockoutofrangeerror");

    ArchiveNodeRequiredException(String message) {
        super(message);
    }

    static boolean isMissingState(String nodeMessage) {
        String text = nodeMessage == null ? "" : nodeMessage.toLowerCase(Locale.ROOT);
        return SIGNS.stream().anyMatch(text::contains);
    }
}
