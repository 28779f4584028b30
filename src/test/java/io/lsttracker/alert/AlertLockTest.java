package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The locks of alert evaluation on PostgreSQL, between two trackers (two connection pools on one database; advisory
 * locks belong to the database, not to a schema): one judges staleness, the other takes over when the first lets go
 * (as a dead process's session does); the evaluation lock is held by one at a time.
 */
class AlertLockTest {
    @Test
    void oneTrackerJudgesStalenessAndAnotherTakesOverWhenItLetsGo() throws Exception {
        try (TestDatabases.TestDatabase a = TestDatabases.postgres(); TestDatabases.TestDatabase b = TestDatabases.postgres()) {
            AlertRepository first = a.bean(AlertRepository.class);
            AlertRepository second = b.bean(AlertRepository.class);
            first.releaseLead();
            second.releaseLead();
            assertTrue(first.leadsStaleness(), "the first to ask leads");
            assertFalse(second.leadsStaleness(), "the other does not");
            assertFalse(second.leadsStaleness(), "and still not at its next check");
            assertTrue(first.leadsStaleness(), "the lead keeps it");
            first.releaseLead();
            assertTrue(second.leadsStaleness(), "taken over once the lead lets go");
            second.releaseLead();
        }
    }

    @Test
    void theEvaluationLockIsHeldByOneTrackerAtATime() throws Exception {
        try (TestDatabases.TestDatabase a = TestDatabases.postgres(); TestDatabases.TestDatabase b = TestDatabases.postgres()) {
            AlertRepository first = a.bean(AlertRepository.class);
            long[] tookAt = new long[1];
            try (AlertRepository.EvaluationLock held = first.lockEvaluation()) {
                Thread other = new Thread(() -> {
                    try (AlertRepository.EvaluationLock lock = b.bean(AlertRepository.class).lockEvaluation()) {
                        tookAt[0] = System.nanoTime();
                    }
                });
                other.start();
                Thread.sleep(500);
                assertTrue(tookAt[0] == 0, "the second waits while the first holds it");
                long released = System.nanoTime();
                held.close();
                other.join(10_000);
                assertTrue(tookAt[0] >= released, "and takes it once released");
            }
        }
    }
}
