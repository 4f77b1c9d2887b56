package com.tutors.infra.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@code pulumi up} does to a deployed bootstrap stack when its settings change: planned before and after. */
class BootstrapTransitionsTest {

    private static PlanDiff.Result change(Map<String, String> after) {
        return PlanDiff.between(
                "before",
                BootstrapRuns.committed().resources(),
                "after",
                BootstrapRuns.with(after).resources(),
                ReplaceRules.standard());
    }

    private static Set<String> kinds(PlanDiff.Result d) {
        return d.changes().stream().map(c -> c.kind() + " " + c.type()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyTypeItDeclaresHasReplaceRules() {
        var declared = new TreeSet<String>();
        BootstrapRuns.committed().resources().stream()
                .filter(r -> r.custom() && !r.isProvider())
                .forEach(r -> declared.add(r.type()));
        declared.removeAll(ReplaceRules.standard().types());
        assertEquals(Set.of(), declared, "types provider/replace-forcing.json does not cover");
    }

    @Test
    void anotherRepositoryOrItsIdsUpdateTheFiveTrustsInPlace() {
        for (var after : List.of(
                Map.of("tutors-bootstrap:githubRepository", "someone-else/tutors"),
                Map.of("tutors-bootstrap:githubRepositoryIds", "42/4242"))) {
            var d = change(after);
            assertEquals(Set.of("UPDATE aws:iam/role:Role"), kinds(d), after::toString);
            assertEquals(5, d.changes().size());
            // A role's description updates in place (UpdateRole); a policy's would replace it, and none changes.
            d.changes()
                    .forEach(c -> assertTrue(
                            Set.of("assumeRolePolicy", "description").containsAll(c.changed()), c::toString));
        }
    }

    @Test
    void anotherRetentionIsOneLifecycleUpdate() {
        var d = change(Map.of("tutors-bootstrap:stateVersionDays", "30"));
        assertEquals(Set.of("UPDATE aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"), kinds(d));
        assertEquals(List.of("rules"), d.changes().get(0).changed());
    }

    @Test
    void anotherBucketNameWouldReplaceTheProtectedBucketAndIsStoppedByIt() {
        var d = change(Map.of("tutors-bootstrap:stateBucket", "tutors-state-elsewhere"));
        var bucket = d.changes().stream()
                .filter(c -> c.type().equals("aws:s3/bucketV2:BucketV2"))
                .findFirst()
                .orElseThrow();
        assertEquals(Kind.REPLACE, bucket.kind());
        assertTrue(
                bucket.deleteFirst() && bucket.protect(), "an explicit name deletes first, and protect refuses that");
        assertTrue(
                d.changes().stream()
                        .filter(c -> c.type().equals("aws:iam/policy:Policy"))
                        .allMatch(c -> c.kind() == Kind.UPDATE),
                "the role policies that name the bucket change in place (a new policy version)");
    }
}
