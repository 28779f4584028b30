package io.lsttracker.devchain.beacon;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks of the simulated beacon chain: who proposes each slot and the graffiti they write, written the way
 * each client writes it by default (the execution API's client-version codes: Lighthouse and Lodestar alone,
 * Prysm before the user's text, Teku after it; older releases' names) or by people (their own words, misleading
 * words). Each entity runs its own mix of clients, so the figures differ per entity; Coinbase's is dominated by one
 * pair, above 2/3. The model knows what each graffiti says ({@link Said}) without parsing it: that is the ground
 * truth the tracker's reading of the graffiti is compared with.
 *
 * <p>A slot the node has no state for (see SimulatedBeacon.served) has no block: missed. Otherwise the proposer is
 * drawn from the slot (splitmix64), moving to the next index until an active validator is found.
 */
public final class Proposals {
    /** What a graffiti says by construction: the consensus and execution client ids, or none. */
    public record Said(Optional<String> consensus, Optional<String> execution) {
        static final Said NOTHING = new Said(Optional.empty(), Optional.empty());
    }

    /** One block: its proposer, the proposer's entity, its graffiti (at most 32 bytes of UTF-8) and what it says. */
    public record Block(long slot, long proposerIndex, String entity, String graffiti, Said said) {
    }

    /** A way of writing graffiti, with its weight in an entity's mix. */
    private record Style(int weight, String consensus, String execution, Writing writing, String text) {
    }

    private enum Writing {
        /** "GE168dLH63af": Lighthouse's and Lodestar's default, codes and 4 hex digits each. */
        CODES_FULL,
        /** "GE168dPR63af" + the user's text without a space: Prysm. */
        PRYSM_PREFIX,
        /** The user's text, a space, "RH0aTK9c": Teku when the text leaves 8-11 bytes. */
        TEKU_SHORT,
        /** The user's text, a space, "GELH": 4-7 bytes left. */
        CODES_ONLY,
        /** "LSabcd": Lodestar without an execution client's version. */
        CONSENSUS_ONLY,
        /** An older release's default graffiti, e.g. "Lighthouse/v4.5.0-441fc16": the consensus client's name. */
        NAME,
        /** The user's own words, which name no client. */
        OWN_WORDS,
        /** Words that look like a client but are not one ("rETH", "GEnesis", two names at once). */
        MISLEADING
    }

    private static final Map<String, String> CONSENSUS_CODES = Map.of("lighthouse", "LH", "prysm", "PR", "teku", "TK",
            "nimbus", "NB", "lodestar", "LS", "grandine", "GR");
    private static final Map<String, String> EXECUTION_CODES = Map.of("geth", "GE", "nethermind", "NM", "besu", "BU",
            "erigon", "EG", "reth", "RH");
    private static final Map<String, String> NAMES = Map.of("lighthouse", "Lighthouse/v4.5.0-441fc16",
            "prysm", "Prysm/v5.0.3", "teku", "teku/v24.1.0", "nimbus", "Nimbus/v24.2.0-6d1f8c-stateofus",
            "lodestar", "Lodestar/v1.15.0", "grandine", "Grandine/0.4.0");

    private static final List<Style> DIVERSE = List.of(
            new Style(30, "lighthouse", "geth", Writing.CODES_FULL, ""),
            new Style(20, "prysm", "nethermind", Writing.PRYSM_PREFIX, "node"),
            new Style(12, "teku", "besu", Writing.TEKU_SHORT, "our validators, v2"),
            new Style(8, "nimbus", "reth", Writing.CODES_ONLY, "staking since 2020"),
            new Style(5, "lodestar", null, Writing.CONSENSUS_ONLY, ""),
            new Style(5, "grandine", "erigon", Writing.CODES_FULL, ""),
            new Style(8, "lighthouse", null, Writing.NAME, ""),
            new Style(7, null, null, Writing.OWN_WORDS, "gm from the pool"),
            new Style(5, null, null, Writing.MISLEADING, "rETH maxi"));
    private static final Map<String, List<Style>> MIXES = mixes();

    private static Map<String, List<Style>> mixes() {
        Map<String, List<Style>> mixes = new LinkedHashMap<>();
        mixes.put("coinbase", List.of(
                new Style(75, "prysm", "geth", Writing.PRYSM_PREFIX, "cb"),
                new Style(10, "lighthouse", "geth", Writing.CODES_FULL, ""),
                new Style(15, null, null, Writing.OWN_WORDS, "")));
        mixes.put("kraken", List.of(
                new Style(60, null, null, Writing.OWN_WORDS, "Kraken"),
                new Style(40, "teku", "besu", Writing.TEKU_SHORT, "Kraken staking")));
        mixes.put("unidentified", List.of(
                new Style(35, "lighthouse", "geth", Writing.CODES_FULL, ""),
                new Style(15, "nimbus", null, Writing.NAME, ""),
                new Style(10, "teku", null, Writing.NAME, ""),
                new Style(10, "prysm", "reth", Writing.PRYSM_PREFIX, " solo"),
                new Style(15, null, null, Writing.MISLEADING, "GEnesis staker"),
                new Style(15, null, null, Writing.MISLEADING, "Prysm or Lighthouse?")));
        return mixes;
    }

    private final ValidatorSet validators;

    public Proposals(ValidatorSet validators) {
        this.validators = validators;
    }

    /** The block of {@code slot}, a slot the node serves (it is not missed). */
    public Block block(long slot) {
        long all = (long) validators.size() + validators.lateSize(); // the late ones propose once active too
        long start = Long.remainderUnsigned(splitmix(slot), all);
        for (long k = 0; k < all; k++) {
            long index = (start + k) % all;
            Optional<String> entity = validators.activeEntity(index, slot);
            if (entity.isPresent()) {
                Style style = style(entity.get(), splitmix(slot ^ 0x5DEECE66DL));
                return new Block(slot, index, entity.get(), write(style, slot), said(style));
            }
        }
        throw new IllegalStateException("no validator is active at slot " + slot);
    }

    /** Blocks per entity and pair of clients said, and the missed slots, over [from, to]. */
    public Map<String, Map<Said, Long>> truth(long from, long to, long currentSlot, long[] missed) {
        Map<String, Map<Said, Long>> truth = new LinkedHashMap<>();
        for (long slot = from; slot <= to; slot++) {
            if (!io.lsttracker.devchain.SimulatedBeacon.served(slot, currentSlot)) {
                missed[0]++;
                continue;
            }
            Block b = block(slot);
            truth.computeIfAbsent(b.entity(), e -> new LinkedHashMap<>()).merge(b.said(), 1L, Long::sum);
        }
        return truth;
    }

    private static Style style(String entity, long draw) {
        List<Style> mix = MIXES.getOrDefault(entity, DIVERSE);
        int total = mix.stream().mapToInt(Style::weight).sum();
        long pick = Long.remainderUnsigned(draw, total);
        for (Style s : mix) {
            pick -= s.weight();
            if (pick < 0) {
                return s;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Said said(Style s) {
        return switch (s.writing()) {
            case OWN_WORDS, MISLEADING -> Said.NOTHING;
            case NAME, CONSENSUS_ONLY -> new Said(Optional.of(s.consensus()), Optional.empty());
            default -> new Said(Optional.of(s.consensus()), Optional.of(s.execution()));
        };
    }

    /** The graffiti as the client (or person) writes it; commit prefixes vary with the slot. */
    private static String write(Style s, long slot) {
        String el4 = hex(splitmix(slot + 1), 4);
        String cl4 = hex(splitmix(slot + 2), 4);
        String text = switch (s.writing()) {
            case CODES_FULL -> EXECUTION_CODES.get(s.execution()) + el4 + CONSENSUS_CODES.get(s.consensus()) + cl4;
            case PRYSM_PREFIX -> EXECUTION_CODES.get(s.execution()) + el4 + CONSENSUS_CODES.get(s.consensus()) + cl4
                    + s.text();
            case TEKU_SHORT -> s.text() + " " + EXECUTION_CODES.get(s.execution()) + el4.substring(0, 2)
                    + CONSENSUS_CODES.get(s.consensus()) + cl4.substring(0, 2);
            case CODES_ONLY -> s.text() + " " + EXECUTION_CODES.get(s.execution()) + CONSENSUS_CODES.get(s.consensus());
            case CONSENSUS_ONLY -> CONSENSUS_CODES.get(s.consensus()) + cl4;
            case NAME -> NAMES.get(s.consensus());
            case OWN_WORDS, MISLEADING -> s.text();
        };
        if (text.getBytes(StandardCharsets.UTF_8).length > 32) {
            throw new IllegalStateException("graffiti '" + text + "' is over 32 bytes");
        }
        return text;
    }

    private static String hex(long bits, int digits) {
        return String.format("%016x", bits).substring(0, digits);
    }

    private static long splitmix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
