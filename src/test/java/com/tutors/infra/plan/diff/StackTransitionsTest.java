package com.tutors.infra.plan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.PlanCommand;
import com.tutors.infra.plan.PlanFormats;
import com.tutors.infra.plan.cost.Usage;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The diff engine on the real program: what an update between two configurations of a stack does. */
class StackTransitionsTest {

    static PlanDiff.Result transition(String stack, Map<String, String> before, Map<String, String> after) {
        var a = StackRuns.succeeded(StackRuns.with(stack, before));
        var b = StackRuns.succeeded(StackRuns.with(stack, after));
        return PlanDiff.between("before", a.resources(), "after", b.resources(), ReplaceRules.standard());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void theCommittedStackAgainstItselfIsEmpty(String stack) {
        var a = StackRuns.committed(stack);
        var again = OfflineRun.plan(
                com.tutors.infra.Main::stack, StackRuns.PROJECT_DIR, stack, Map.of(), StackRuns.FAKE_SECRETS);
        assertTrue(PlanDiff.between("a", a.resources(), "b", again.resources(), ReplaceRules.standard())
                .changes()
                .isEmpty());
    }

    @Test
    void everyDeclaredTypeHasReplaceRules() {
        var declared = new TreeSet<String>();
        for (var stack : new String[] {"prod", "staging"}) {
            StackRuns.awsResources(StackRuns.committed(stack)).forEach(r -> declared.add(r.type()));
        }
        declared.removeAll(ReplaceRules.standard().types());
        assertEquals(
                Set.of(), declared, "types the program declares that provider/replace-forcing.json does not cover");
    }

    @Test
    void imageTagReplacesTheTaskDefinitionsAndUpdatesTheServicesOnly() {
        var d = transition("prod", Map.of(), Map.of("tutors:imageTag", "abc1234"));
        assertEquals(
                Set.of("aws:ecs/taskDefinition:TaskDefinition"),
                d.changes().stream()
                        .filter(c -> c.kind() == Kind.REPLACE)
                        .map(PlanDiff.Change::type)
                        .collect(Collectors.toSet()));
        assertEquals(
                Set.of("aws:ecs/service:Service"),
                d.changes().stream()
                        .filter(c -> c.kind() == Kind.UPDATE)
                        .map(PlanDiff.Change::type)
                        .collect(Collectors.toSet()));
        assertFalse(d.dangerous(), d.warnings()::toString);
    }

    @Test
    void aBucketSuffixReplacesTheBucketsWithADataWarning() {
        var d = transition("prod", Map.of(), Map.of("tutors:bucketSuffix", "x7"));
        var replaced = d.changes().stream()
                .filter(c -> c.kind() == Kind.REPLACE && c.type().equals("aws:s3/bucketV2:BucketV2"))
                .map(PlanDiff.Change::name)
                .collect(Collectors.toSet());
        assertEquals(
                Set.of("tutors-prod-media", "tutors-prod-static", "tutors-prod-alb-logs", "tutors-prod-s3-logs"),
                replaced);
        assertTrue(d.warnings().stream()
                .anyMatch(
                        w -> w.name().equals("tutors-prod-media") && w.message().contains("data store")));
    }

    @Test
    void theSavedPlanRoundTripsThroughJson() {
        var a = StackRuns.committed("staging");
        var estimate = PlanCommand.estimate(a, Usage.defaults());
        var saved = SavedPlan.resources(PlanFormats.json(a, estimate));
        assertTrue(
                PlanDiff.between("a", a.resources(), "saved", saved, ReplaceRules.standard())
                        .changes()
                        .isEmpty(),
                "a saved plan compares equal to the run it was saved from");
        // Everything the diff reads survives the file, resource by resource (not only what it compares).
        var byUrn = saved.stream().collect(Collectors.toMap(r -> r.urn(), r -> r));
        assertEquals(a.resources().size(), byUrn.size());
        assertTrue(a.resources().stream().anyMatch(r -> !r.dependencies().isEmpty())
                && a.resources().stream().anyMatch(r -> !r.ignoreChanges().isEmpty())
                && a.resources().stream().anyMatch(r -> !r.custom()));
        for (var r : a.resources()) {
            var s = byUrn.get(r.urn());
            // The file lists dependencies sorted: their order means nothing to the engine.
            assertEquals(
                    List.of(
                            r.type(),
                            r.name(),
                            r.custom(),
                            r.parentUrn(),
                            r.providerRef(),
                            r.protect(),
                            new TreeSet<>(r.dependencies()),
                            r.ignoreChanges(),
                            r.phase()),
                    List.of(
                            s.type(),
                            s.name(),
                            s.custom(),
                            s.parentUrn(),
                            s.providerRef(),
                            s.protect(),
                            new TreeSet<>(s.dependencies()),
                            s.ignoreChanges(),
                            s.phase()),
                    r.urn());
        }
    }
}
