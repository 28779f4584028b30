package io.lsttracker.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The tracker's classes (target/classes: the tracker and the devchain compiled beside it) keep the layout of
 * {@link ArchitectureRules}; a fixture of deliberately broken classes (the {@code fixture} package below) shows
 * that each rule fails when the layout is broken.
 */
class ArchitectureTest {
    private static final String ROOT = "io.lsttracker";
    private static final String FIXTURE = "io.lsttracker.architecture.fixture";

    private static final JavaClasses TRACKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void theTrackersPackagesHaveNoCycle() {
        ArchitectureRules.noCycles(ROOT).check(TRACKER);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBeforeIt() {
        ArchitectureRules.followTheDataFlow(ROOT).forEach(rule -> rule.check(TRACKER));
    }

    @Test
    void theTrackerNeverUsesTheDevchain() {
        ArchitectureRules.trackerNeverUsesTheDevchain(ROOT).check(TRACKER);
    }

    @Test
    void everyClassIsInAPackageOfTheDataFlow() {
        ArchitectureRules.everyPackageHasItsPlace(ROOT).check(TRACKER);
    }

    @Test
    void theTrackerIsImportedWhole() {
        // A rule checked on no classes passes whatever it says: make sure the import found the tracker.
        assertTrue(TRACKER.stream().anyMatch(c -> c.getPackageName().equals(ROOT + ".snapshot")), "snapshot classes imported");
        assertTrue(TRACKER.stream().anyMatch(c -> c.getPackageName().equals(ROOT + ".devchain")), "devchain classes imported");
        assertFalse(TRACKER.stream().anyMatch(c -> c.getPackageName().startsWith(FIXTURE)), "no test class imported");
    }

    @Test
    void aCycleFailsTheCycleRule() {
        assertFails(ArchitectureRules.noCycles(FIXTURE), "chain", "pool");
    }

    @Test
    void aPackageUsingALaterOneFailsTheDataFlowRule() {
        // fixture.domain.Record uses fixture.api.Endpoint
        boolean failed = ArchitectureRules.followTheDataFlow(FIXTURE).stream()
                .anyMatch(rule -> rule.evaluate(BROKEN).hasViolation());
        assertTrue(failed, "the data-flow rules accept domain using api");
    }

    @Test
    void aTrackerClassUsingTheDevchainFailsTheDevchainRule() {
        assertFails(ArchitectureRules.trackerNeverUsesTheDevchain(FIXTURE), "devchain");
    }

    @Test
    void aPackageOutsideTheDataFlowFailsThePlaceRule() {
        assertFails(ArchitectureRules.everyPackageHasItsPlace(FIXTURE), "misc");
    }

    private static void assertFails(ArchRule rule, String... mentioned) {
        EvaluationResult result = rule.evaluate(BROKEN);
        assertTrue(result.hasViolation(), rule.getDescription() + " passed on the broken fixture");
        String report = result.getFailureReport().toString();
        for (String word : mentioned) {
            assertTrue(report.contains(word), "the failure report names " + word + ": " + report);
        }
    }
}
