package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed src/devchain/contracts/artifacts.json is what solc-js (pinned) makes of the committed sources. */
class ArtifactsTest {
    @Test
    void compiledArtifactsMatchTheSoliditySources() throws Exception {
        Path project = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."));
        Process node = new ProcessBuilder("node", "src/devchain/compile-contracts.mjs", "--check")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, node.exitValue(), output);
    }
}
