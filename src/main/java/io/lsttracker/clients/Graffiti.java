package io.lsttracker.clients;

import io.lsttracker.clients.Client.Layer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which clients a block's graffiti names, by the rules of docs/CLIENTS.md. Nothing is guessed: a graffiti that
 * does not say is unknown, and one that names two clients of the same layer in free text is unknown too.
 *
 * <ol>
 * <li>Client-version codes, as consensus clients write them by default since the execution API's client
 *     identification (ethereum/execution-apis, src/engine/identification.md): the execution client's two-letter
 *     code and commit prefix, then the consensus client's, in as much room as the user's own text leaves:
 *     {@code GE168dLH63af} (4 hex digits each), {@code GE16LH63} (2 each), {@code GELH} (codes only). Without an
 *     execution client the consensus part stands alone ({@code LSabcd}, Lodestar). Clients put it before the user's
 *     text (Prysm: {@code GE168dPR63afBob}) or after it, after a space (Teku, Lighthouse): so the first and the last
 *     space-separated word are looked at. Codes only count when they are known codes of the right layer: the
 *     execution code first, the consensus code second.</li>
 * <li>Otherwise, client names in free text, as whole words (case does not matter, except that "Reth" must not be
 *     Rocket Pool's "rETH"): Lighthouse, Prysm, Teku, Nimbus, Lodestar, Grandine; Geth or go-ethereum, Nethermind,
 *     Besu, Erigon, Reth, EthereumJS. Exactly one name of a layer identifies that layer's client.</li>
 * </ol>
 */
public final class Graffiti {
    /** What a graffiti says, per layer, and by which rule. */
    public record Identified(Optional<Client> consensus, Optional<Client> execution, How how) {
        public static final Identified NOTHING = new Identified(Optional.empty(), Optional.empty(), How.NONE);
    }

    /** The rule that identified the clients. */
    public enum How { CODES, NAMES, NONE }

    /** A graffiti is 32 bytes (Bytes32 in the consensus specs' BeaconBlockBody). */
    public static final int BYTES = 32;

    private static final String HEX4 = "[0-9a-fA-F]{4}";
    private static final String HEX2 = "[0-9a-fA-F]{2}";
    /** Codes and commits, EL then CL, at the start of a word; longest form first. */
    private static final Pattern BOTH_FULL = Pattern.compile("^([A-Z]{2})" + HEX4 + "([A-Z]{2})" + HEX4);
    private static final Pattern BOTH_SHORT = Pattern.compile("^([A-Z]{2})" + HEX2 + "([A-Z]{2})" + HEX2);
    private static final Pattern BOTH_CODES = Pattern.compile("^([A-Z]{2})([A-Z]{2})");
    /** The consensus part alone is a whole word: two letters begin too many words to be taken from a prefix. */
    private static final Pattern CONSENSUS_ONLY = Pattern.compile("^([A-Z]{2})(?:" + HEX4 + "|" + HEX2 + ")$");

    private Graffiti() {
    }

    /** The graffiti's 32 bytes as text: UTF-8 (invalid bytes replaced), trailing zero bytes dropped. */
    public static String text(byte[] graffiti) {
        int end = graffiti.length;
        while (end > 0 && graffiti[end - 1] == 0) {
            end--;
        }
        return new String(graffiti, 0, end, StandardCharsets.UTF_8);
    }

    public static Identified identify(byte[] graffiti) {
        return identify(text(graffiti));
    }

    public static Identified identify(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Identified.NOTHING;
        }
        String[] words = trimmed.split("\\s+");
        Optional<Identified> byCode = byCode(words[0]);
        if (byCode.isEmpty() && words.length > 1) {
            byCode = byCode(words[words.length - 1]);
        }
        if (byCode.isPresent()) {
            return byCode.get();
        }
        Optional<Client> consensus = oneNamed(trimmed, Layer.CONSENSUS);
        Optional<Client> execution = oneNamed(trimmed, Layer.EXECUTION);
        if (consensus.isEmpty() && execution.isEmpty()) {
            return Identified.NOTHING;
        }
        return new Identified(consensus, execution, How.NAMES);
    }

    private static Optional<Identified> byCode(String word) {
        for (Pattern both : new Pattern[] {BOTH_FULL, BOTH_SHORT, BOTH_CODES}) {
            Matcher m = both.matcher(word);
            if (m.find()) {
                Optional<Client> execution = Client.byCode(m.group(1), Layer.EXECUTION);
                Optional<Client> consensus = Client.byCode(m.group(2), Layer.CONSENSUS);
                if (execution.isPresent() && consensus.isPresent()) {
                    return Optional.of(new Identified(consensus, execution, How.CODES));
                }
            }
        }
        Matcher alone = CONSENSUS_ONLY.matcher(word);
        if (alone.find()) {
            Optional<Client> consensus = Client.byCode(alone.group(1), Layer.CONSENSUS);
            if (consensus.isPresent()) {
                return Optional.of(new Identified(consensus, Optional.empty(), How.CODES));
            }
        }
        return Optional.empty();
    }

    /** The one client of {@code layer} whose name the text holds as a word; none when zero or several are named. */
    private static Optional<Client> oneNamed(String text, Layer layer) {
        Set<Client> named = EnumSet.noneOf(Client.class);
        for (Client client : Client.values()) {
            if (client.layer() == layer && names(text, client)) {
                named.add(client);
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    private static boolean names(String text, Client client) {
        return NAMES.get(client).matcher(text).find();
    }

    /** Each client's name as a whole word, compiled once. */
    private static final Map<Client, Pattern> NAMES = names();

    private static Map<Client, Pattern> names() {
        Map<Client, Pattern> names = new EnumMap<>(Client.class);
        for (Client client : Client.values()) {
            names.put(client, switch (client) {
                // "rETH" and "RETH" are Rocket Pool's token far more often than the client.
                case RETH -> word("(?:reth|Reth)", false);
                case GETH -> word("(?:geth|go-ethereum)", true);
                default -> word(Pattern.quote(client.displayName().toLowerCase(Locale.ROOT)), true);
            });
        }
        return names;
    }

    private static Pattern word(String regex, boolean ignoreCase) {
        String bounded = "(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])";
        return ignoreCase ? Pattern.compile(bounded, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                : Pattern.compile(bounded);
    }
}
