package io.lsttracker.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class of the tracker as `serve` runs it, started the Micronaut way once for the class: the embedded server
 * with {@link TestServer#properties} and the class's own {@link #settings} over them, and the API's declarative
 * client. (Micronaut test reads @MicronautTest and JUnit @TestInstance from this superclass.)
 */
@MicronautTest(environments = "server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTest implements TestPropertyProvider {
    @Inject
    protected TrackerApi api;

    /** What this class sets over {@link TestServer#properties}, e.g. the devchain's RPC URL. */
    protected abstract Map<String, ?> settings();

    @Override
    public final Map<String, String> getProperties() {
        return TestServer.properties(settings());
    }
}
