package io.lsttracker.devchain;

import io.lsttracker.chain.RpcConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test-only Solidity contracts (src/test/resources/contracts), compiled when a test asks for them with the solc-js
 * that the build installs for the devchain (node_modules/solc, version pinned in package-lock.json), and placed on a
 * devchain with anvil_setCode.
 */
public final class TestContracts {
    private static final Path SOURCES = Path.of("src/test/resources/contracts");
    private static final String COMPILE = """
            const solc = require(process.argv[1]);
            const fs = require('fs');
            const name = process.argv[2];
            const input = { language: 'Solidity',
              sources: { [name + '.sol']: { content: fs.readFileSync(process.argv[3], 'utf8') } },
              settings: { evmVersion: 'cancun', outputSelection: { '*': { '*': ['evm.deployedBytecode.object'] } } } };
            const out = JSON.parse(solc.compile(JSON.stringify(input)));
            const errors = (out.errors || []).filter(e => e.severity === 'error');
            if (errors.length) { console.error(errors.map(e => e.formattedMessage).join('\\n')); process.exit(2); }
            process.stdout.write('0x' + out.contracts[name + '.sol'][name].evm.deployedBytecode.object);
            """;

    private TestContracts() {
    }

    /** The runtime bytecode of contract {@code name}, defined in src/test/resources/contracts/{@code name}.sol. */
    public static String runtimeBytecode(String name) {
        Path source = SOURCES.resolve(name + ".sol").toAbsolutePath();
        Path solc = Path.of("node_modules/solc").toAbsolutePath();
        try {
            Process node = new ProcessBuilder("node", "-e", COMPILE, solc.toString(), name, source.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0 || !out.matches("0x[0-9a-f]+")) {
                throw new IllegalStateException("solc-js could not compile " + source + " (" + out + ")");
            }
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException(source + " is missing");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the code at {@code address} and mines a block, whose state holds the new code. */
    public static void placeAndMine(RpcConnection rpc, String address, String runtimeBytecode) {
        AnvilRpc anvil = new AnvilRpc(rpc);
        anvil.setCode(address, runtimeBytecode);
        anvil.mineOne();
    }
}
