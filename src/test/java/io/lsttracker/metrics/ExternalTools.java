package io.lsttracker.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian tools some tests drive (prometheus, chromium, chromedriver). Where one is missing the test is
 * skipped with the reason, unless LST_REQUIRE_TOOLS=1 (set by .ci/run, which installs them) makes that a
 * failure.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    public static Path require(String envOverride, String defaultPath) {
        Path path = Path.of(System.getenv().getOrDefault(envOverride, defaultPath));
        if (!Files.isExecutable(path)) {
            String reason = path + " is not installed (apt-get install the Debian package, or set " + envOverride + ")";
            if ("1".equals(System.getenv("LST_REQUIRE_TOOLS"))) {
                throw new AssertionError(reason + " and LST_REQUIRE_TOOLS=1");
            }
            Assumptions.abort("skipped: " + reason);
        }
        return path;
    }
}
