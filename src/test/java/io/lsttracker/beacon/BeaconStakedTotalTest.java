package io.lsttracker.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.devchain.AnvilProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconStakedTotalTest {
    private static final BlockRef BLOCK = new BlockRef(7, "0x" + "ab".repeat(32), Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void withoutAUrlTheReadingSaysHowToConfigureOne() {
        StakedTotalSource.Reading reading = new BeaconStakedTotal(BeaconSettings.defaults()).read(BLOCK);
        assertEquals(Optional.empty(), reading.total());
        assertTrue(reading.absentReason().contains("LST_BEACON_URL"), reading.absentReason());
    }

    @Test
    void aNodeThatIsDownGivesAReasonNotAnException() {
        int port = AnvilProcess.freePort();
        StakedTotalSource.Reading reading = new BeaconStakedTotal(
                new BeaconSettings("http://127.0.0.1:" + port, Duration.ofSeconds(2))).read(BLOCK);
        assertEquals(Optional.empty(), reading.total());
        assertTrue(reading.absentReason().contains("block 7") && reading.absentReason().contains(":" + port),
                reading.absentReason());
    }

    @Test
    void badSettingsNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new BeaconStakedTotal(new BeaconSettings("localhost:5052", Duration.ofSeconds(2))));
        assertTrue(e.getMessage().startsWith("tracker.beacon.url (LST_BEACON_URL): 'localhost:5052'"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new BeaconStakedTotal(new BeaconSettings("http://x", Duration.ZERO)));
        assertEquals("tracker.beacon.timeout: must be positive, got PT0S", e.getMessage());
        e = assertThrows(ConfigException.class, () -> new BeaconSettings("http://x", null));
        assertEquals("tracker.beacon.timeout: missing, or not a duration such as 30s", e.getMessage());
    }
}
