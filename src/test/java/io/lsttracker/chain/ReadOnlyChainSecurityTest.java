package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.snapshot.SnapshotCycle;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tracker only reads the chain and holds no key: no code outside src/devchain (the simulated mainnet, which
 * writes its own history) names a method or type that signs or sends, no configuration has a place for a key, and
 * a live cycle (snapshot, report events) sends only the read methods below.
 */
class ReadOnlyChainSecurityTest {
    /**
     * JSON-RPC methods and web3j types that write to the chain or hold a key. web3j's key holder is matched by its
     * qualified name ({@code crypto.Credentials}, as imported or used): the beacon chain's "withdrawal credentials"
     * are public data every validator shows, not a key.
     */
    private static final List<String> WRITES = List.of("eth_sendTransaction", "eth_sendRawTransaction", "eth_sign",
            "personal_", "RawTransaction", "TransactionManager", "crypto.Credentials", "Credentials.create",
            "ECKeyPair", "WalletUtils", "privateKey");
    private static final Set<String> READS = Set.of("eth_blockNumber", "eth_chainId", "eth_getBlockByNumber",
            "eth_getBlockByHash", "eth_call", "eth_getLogs", "eth_getTransactionByHash");
    /** The tracker's sources; the devchain's are apart, under src/devchain. */
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path DEVCHAIN = Path.of("src", "devchain", "java");

    @Test
    void noCodeOutsideTheDevchainSignsOrSends() throws IOException {
        assertEquals(List.of(), filesNaming(WRITES, false), "tracker code that writes to the chain or holds a key");
        // The scan sees what it looks for: the devchain does send transactions.
        assertTrue(!filesNaming(List.of("eth_sendTransaction"), true).isEmpty());
    }

    @Test
    void noConfigurationHasAPlaceForAKey() throws IOException {
        for (Path file : List.of(Path.of("src/main/resources/application.yml"),
                Path.of("src/main/resources/application-server.yml"), Path.of("config/pools.yml"), Path.of("config/alerts.yml"))) {
            String text = Files.readString(file).toLowerCase(java.util.Locale.ROOT);
            for (String word : List.of("private-key", "private_key", "mnemonic", "keystore", "seed-phrase")) {
                assertTrue(!text.contains(word), file + " mentions " + word);
            }
        }
    }

    @Test
    void aLiveCycleSendsOnlyReadMethods() {
        try (ApplicationContext context = ApplicationContext.builder().environments("server").deduceEnvironment(false)
                .properties(Map.of("tracker.chain.rpc-url", TestDevchain.shared().url(), "tracker.confirmations", 0,
                        "datasources.default.url", "jdbc:h2:mem:ro_" + UUID.randomUUID().toString().replace("-", "")
                                + ";DB_CLOSE_DELAY=-1"))
                .start()) {
            assertEquals(SnapshotCycle.Outcome.STORED, context.getBean(SnapshotCycle.class).runOnce());
            Set<String> sent = new TreeSet<>(context.getBean(RpcConnection.class).callsByMethod().keySet());
            assertTrue(sent.containsAll(Set.of("eth_call", "eth_getLogs")), "the cycle read the chain: " + sent);
            sent.removeAll(READS);
            assertEquals(Set.of(), sent, "methods other than reads");
        }
    }

    private static List<Path> filesNaming(List<String> words, boolean devchain) throws IOException {
        try (Stream<Path> files = Files.walk(devchain ? DEVCHAIN : MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return words.stream().anyMatch(text::contains);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
