package io.lsttracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout's rules, for any root package, so that {@link ArchitectureTest} can check them on the tracker and
 * show on a small broken fixture that they fail. The packages follow the data, each one using only those before
 * it (docs/ARCHITECTURE.md draws the flow):
 *
 * <pre>
 * domain, config, db -> chain, beacon -> pool -> snapshot -> rewards, entity, concentration -> clients -> liquidity
 *   -> alert -> backfill -> api, metrics -> cli                                      devchain: uses the tracker, never used by it
 * </pre>
 */
final class ArchitectureRules {
    /** The tracker's packages in the order of the data flow: each may use itself and those before it only. */
    static final List<String> LAYERS = List.of("domain", "config", "db", "chain", "beacon", "pool", "snapshot",
            "rewards", "entity", "concentration", "clients", "liquidity", "alert", "backfill", "api", "metrics", "cli");
    static final String DEVCHAIN = "devchain";

    private ArchitectureRules() {
    }

    /** No two packages of the tracker use each other, directly or through others. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the tracker's packages have no dependency cycle");
    }

    /** Each package uses only itself and the packages before it in {@link #LAYERS}. */
    static List<ArchRule> followTheDataFlow(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] later = LAYERS.subList(i + 1, LAYERS.size()).stream().map(p -> root + "." + p + "..")
                    .toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage(root + "." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .as(LAYERS.get(i) + " uses no package after it in the data flow (" + String.join(", ",
                            LAYERS.subList(i + 1, LAYERS.size())) + ")"));
        }
        return rules;
    }

    /** The simulated mainnet is for demos and tests: the tracker never uses it. */
    static ArchRule trackerNeverUsesTheDevchain(String root) {
        return noClasses().that().resideOutsideOfPackage(root + "." + DEVCHAIN + "..")
                .should().dependOnClassesThat().resideInAPackage(root + "." + DEVCHAIN + "..")
                .as("nothing in the tracker uses the devchain");
    }

    /** Every class lives in a package of {@link #LAYERS} (or the devchain), so a new package must take a place. */
    static ArchRule everyPackageHasItsPlace(String root) {
        String[] known = new String[LAYERS.size() + 1];
        for (int i = 0; i < LAYERS.size(); i++) {
            known[i] = root + "." + LAYERS.get(i) + "..";
        }
        known[LAYERS.size()] = root + "." + DEVCHAIN + "..";
        return classes().should().resideInAnyPackage(known)
                .as("every class is in one of the packages of the data flow");
    }
}
