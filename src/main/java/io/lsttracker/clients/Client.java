package io.lsttracker.clients;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Ethereum clients a block's graffiti can name, each with the two-letter code of the execution API's client
 * identification (ethereum/execution-apis, src/engine/identification.md, {@code ClientCode}) and the layer it runs
 * on. Codes of clients outside this list are not guessed at: a graffiti naming them counts as unknown.
 */
public enum Client {
    LIGHTHOUSE("LH", Layer.CONSENSUS, "Lighthouse"),
    /** "PM" in the specification; Prysm's own graffiti code writes "PR" (see {@link #aliases()}). */
    PRYSM("PM", Layer.CONSENSUS, "Prysm", "PR"),
    TEKU("TK", Layer.CONSENSUS, "Teku"),
    NIMBUS("NB", Layer.CONSENSUS, "Nimbus"),
    LODESTAR("LS", Layer.CONSENSUS, "Lodestar"),
    GRANDINE("GR", Layer.CONSENSUS, "Grandine"),
    GETH("GE", Layer.EXECUTION, "Geth"),
    NETHERMIND("NM", Layer.EXECUTION, "Nethermind"),
    BESU("BU", Layer.EXECUTION, "Besu"),
    ERIGON("EG", Layer.EXECUTION, "Erigon"),
    RETH("RH", Layer.EXECUTION, "Reth"),
    ETHEREUMJS("EJ", Layer.EXECUTION, "EthereumJS");

    /** Which half of a node a client is. */
    public enum Layer { CONSENSUS, EXECUTION }

    private final String code;
    private final Layer layer;
    private final String displayName;
    private final java.util.List<String> aliases;

    Client(String code, Layer layer, String displayName, String... aliases) {
        this.code = code;
        this.layer = layer;
        this.displayName = displayName;
        this.aliases = java.util.List.of(aliases);
    }

    /**
     * Other codes the client is known to write in graffiti: Prysm's graffiti code (OffchainLabs/prysm v7,
     * beacon-chain/execution, {@code CLCode = "PR"}) differs from the specification's "PM".
     */
    public java.util.List<String> aliases() {
        return aliases;
    }

    /** The two-letter ClientCode. */
    public String code() {
        return code;
    }

    public Layer layer() {
        return layer;
    }

    /** The name users know it by, as in the API's answers. */
    public String displayName() {
        return displayName;
    }

    /** The id used in the API, the store and metric labels: the lower-case enum name. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The client of {@code layer} with this exact code or alias (codes are upper case). */
    public static Optional<Client> byCode(String code, Layer layer) {
        return Arrays.stream(values())
                .filter(c -> c.layer == layer && (c.code.equals(code) || c.aliases.contains(code))).findFirst();
    }

    /** The client with this {@link #id()}. */
    public static Optional<Client> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
