package com.tutors.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md: imports only run downward. core < config, blocks, policy < the
 * six phases in order (a phase sees an earlier phase's outputs record only) < plan, and the top
 * package (Main, StackSettings) is the only place that knows every phase.
 */
class ArchitectureTest {

    private static final String ROOT = "com.tutors.infra";
    private static final List<String> PHASES = List.of("network", "data", "storage", "compute", "edge", "optimization");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    /** A class of the top package itself (Main, StackSettings, Exports), not of a sub-package. */
    private static final DescribedPredicate<JavaClass> TOP = DescribedPredicate.describe(
            "the top package", c -> c.getPackageName().equals(ROOT));

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void coreImportsNothingOfTheProject() {
        check(noClasses()
                .that()
                .resideInAPackage(pkg("core"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("core")));
    }

    @Test
    void configImportsOnlyCore() {
        check(noClasses()
                .that()
                .resideInAPackage(pkg("config"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("config", "core")));
    }

    @Test
    void blocksAndPolicyImportOnlyCore() {
        check(noClasses()
                .that()
                .resideInAPackage(pkg("blocks"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("blocks", "core")));
        check(noClasses()
                .that()
                .resideInAPackage(pkg("policy"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("policy")));
    }

    @Test
    void aPhaseSeesOnlyEarlierPhasesOutputsRecords() {
        for (int i = 0; i < PHASES.size(); i++) {
            var phase = PHASES.get(i);
            var later = PHASES.subList(i + 1, PHASES.size()).stream()
                    .map(ArchitectureTest::pkg)
                    .toArray(String[]::new);
            if (later.length > 0) {
                check(noClasses()
                        .that()
                        .resideInAPackage(pkg(phase))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(later)
                        .because("phase " + phase + " must not know a later phase"));
            }
            for (var earlier : PHASES.subList(0, i)) {
                check(noClasses()
                        .that()
                        .resideInAPackage(pkg(phase))
                        .should()
                        .dependOnClassesThat(DescribedPredicate.describe(
                                earlier + " classes other than its outputs record",
                                c -> c.getPackageName().equals(ROOT + "." + earlier) && !isOutputsRecord(c))));
            }
            check(noClasses()
                    .that()
                    .resideInAPackage(pkg(phase))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(pkg("plan")));
            check(noClasses().that().resideInAPackage(pkg(phase)).should().dependOnClassesThat(TOP));
        }
    }

    @Test
    void planReceivesTheProgramAndKnowsNoPhase() {
        var phases = PHASES.stream().map(ArchitectureTest::pkg).toArray(String[]::new);
        check(noClasses()
                .that()
                .resideInAPackage(pkg("plan"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(phases));
        check(noClasses().that().resideInAPackage(pkg("plan")).should().dependOnClassesThat(TOP));
    }

    @Test
    void costDependsOnlyOnWhatItPrices() {
        check(noClasses()
                .that()
                .resideInAPackage(pkg("plan.cost"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("plan.cost", "plan.model", "core")));
        check(noClasses()
                .that()
                .resideInAPackage(pkg("plan.diff"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("plan.diff", "plan.model", "core")));
        check(noClasses()
                .that()
                .resideInAPackage(pkg("plan.model"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("plan.model")));
    }

    @Test
    void theBootstrapProgramStandsApartFromTheMainProgram() {
        // It reuses the ground (core, config, policy) and the offline engine, and knows no phase.
        var phases = PHASES.stream().map(ArchitectureTest::pkg).toArray(String[]::new);
        check(noClasses()
                .that()
                .resideInAPackage(pkg("bootstrap"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(phases));
        check(noClasses().that().resideInAPackage(pkg("bootstrap")).should().dependOnClassesThat(TOP));
        check(noClasses()
                .that()
                .resideInAPackage(pkg("bootstrap"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("blocks"), pkg("plan.cost"), pkg("plan.diff")));
        check(noClasses()
                .that()
                .resideOutsideOfPackage(pkg("bootstrap"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("bootstrap")));
    }

    @Test
    void theProgramsPathReadsNoSdkInternals() {
        // Only the offline mode (plan) drives the SDK's engine; the program reads config through public API
        // and the language host's variables, so an SDK upgrade cannot break pulumi up.
        check(noClasses()
                .that()
                .resideOutsideOfPackage(pkg("plan"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.pulumi.deployment.internal.."));
    }

    @Test
    void operationsSeeOnlyCoreAndOnlyTheTopPackageSeesThem() {
        // The deploy's commands act on a deployed stack through AWS: they know no phase, config or plan.
        check(noClasses()
                .that()
                .resideInAPackage(pkg("ops"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others("ops", "core")));
        check(noClasses()
                .that()
                .resideOutsideOfPackage(pkg("ops"))
                .and(DescribedPredicate.not(TOP))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("ops")));
        // The AWS SDK stays out of the Pulumi program's path: only ops may touch it.
        check(noClasses()
                .that()
                .resideOutsideOfPackage(pkg("ops"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk.."));
    }

    private static boolean isOutputsRecord(JavaClass c) {
        var outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getSimpleName().endsWith("Outputs");
    }

    /** Every project package but {@code allowed} (and their sub-packages), for "depends on none of". */
    private static String[] others(String... allowed) {
        var all = new java.util.ArrayList<String>(List.of(
                "core",
                "config",
                "blocks",
                "policy",
                "plan",
                "plan.cost",
                "plan.model",
                "plan.diff",
                "bootstrap",
                "ops"));
        all.addAll(PHASES);
        var out = new java.util.ArrayList<String>();
        for (var p : all) {
            if (List.of(allowed).contains(p)) {
                continue;
            }
            // plan.. would also cover plan.cost and plan.model: name plan's own classes exactly then.
            boolean coversAllowed = List.of(allowed).stream().anyMatch(a -> a.startsWith(p + "."));
            out.add(coversAllowed ? ROOT + "." + p : pkg(p));
        }
        out.add(ROOT); // the top package itself (exact match: not its sub-packages)
        return out.toArray(String[]::new);
    }
}
