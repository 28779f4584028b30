package io.lsttracker.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that reads the chain: which node, and which pool registry. */
final class ChainOptions {

    @Option(names = "--rpc", paramLabel = "URL",
            description = "JSON-RPC endpoint (default: tracker.chain.rpc-url, i.e. LST_RPC_URL or a public mainnet node).")
    String rpc;

    @Option(names = "--pools", paramLabel = "FILE",
            description = "Pool registry to read (default: LST_POOLS_FILE, ./config/pools.yml, or the packaged one).")
    String poolsFile;

    /** The settings these options override in the command's context (a mutable map the command may add to). */
    Map<String, Object> overrides() {
        Map<String, Object> overrides = new HashMap<>();
        if (rpc != null) {
            overrides.put("tracker.chain.rpc-url", rpc);
        }
        if (poolsFile != null) {
            overrides.put("tracker.pools-file", poolsFile);
        }
        return overrides;
    }
}
