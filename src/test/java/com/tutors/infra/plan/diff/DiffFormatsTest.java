package com.tutors.infra.plan.diff;

import static com.tutors.infra.plan.diff.PlanDiffTest.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the diff prints, whole, for a hand-made pair of plans; and the engine's ordering and notes. */
class DiffFormatsTest {

    private static final ReplaceRules RULES = ReplaceRules.standard();
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SERVICE = "aws:ecs/service:Service";

    /** A protected bucket replaced (deleted first, it is named), an updated bucket, a created and a deleted one. */
    private static PlanDiff.Result sample() {
        var before = List.of(
                r(BUCKET, "media", Map.of("bucket", "m"), "protect"),
                r(BUCKET, "logs", Map.of("bucket", "l", "forceDestroy", false)),
                r(BUCKET, "old", Map.of("bucket", "o")));
        var after = List.of(
                r(BUCKET, "media", Map.of("bucket", "m2"), "protect"),
                r(BUCKET, "logs", Map.of("bucket", "l", "forceDestroy", true)),
                r(BUCKET, "new", Map.of("bucket", "n")));
        return PlanDiff.between("main", before, "pr", after, RULES);
    }

    @Test
    void textNamesEachChangeUnderItsPhaseWarningsFirst() {
        var text = DiffFormats.render(sample(), "text");
        assertEquals("""
                Changes from main to pr: 1 to create, 1 to update, 1 to replace, 1 to delete; 2 warning(s)
                DANGER media: replaces a data store (BucketV2): what it holds is lost (forced by bucket); it is protected, so the update stops with an error instead
                DANGER old: deletes a data store (BucketV2): what it holds is lost

                Phase 3 Storage
                  ~ update  logs  BucketV2  [forceDestroy]
                  ± replace media  BucketV2  [bucket] replaced: bucket forces it; deleted first (explicit name)
                  + create  new  BucketV2
                  - delete  old  BucketV2

                (offline: compares the two configurations, not live state; replace rules: %s)
                """.formatted(RULES.version()), text);
    }

    @Test
    void markdownIsATableUnderTheMarker() {
        var md = DiffFormats.render(sample(), "markdown");
        assertEquals(DiffFormats.MARKER + """

                ### Infrastructure changes: main → pr

                **1 to create, 1 to update, 1 to replace, 1 to delete; 2 warning(s)**

                - :warning: **danger** `media`: replaces a data store (BucketV2): what it holds is lost (forced by bucket); it is protected, so the update stops with an error instead
                - :warning: **danger** `old`: deletes a data store (BucketV2): what it holds is lost

                | | Phase | Resource | Type | What |
                |---|---|---|---|---|
                | ~ update | 3 | `logs` | BucketV2 | [forceDestroy] |
                | ± replace | 3 | `media` | BucketV2 | [bucket] replaced: bucket forces it; deleted first (explicit name) |
                | + create | 3 | `new` | BucketV2 |  |
                | - delete | 3 | `old` | BucketV2 |  |

                <sub>Offline: compares configurations, not live state (`pulumi preview` sees drift). Replace rules: %s.</sub>
                """.formatted(RULES.version()), md);
    }

    @Test
    void noChangesSaysSoInEveryFormat() {
        var same = PlanDiff.between(
                "a",
                List.of(r(BUCKET, "m", Map.of("bucket", "m"))),
                "b",
                List.of(r(BUCKET, "m", Map.of("bucket", "m"))),
                RULES);
        assertTrue(DiffFormats.render(same, "text")
                .startsWith("Changes from a to b: 0 to create, 0 to update, 0 to replace, 0 to delete\nNo changes.\n"));
        assertTrue(DiffFormats.render(same, "markdown")
                .contains("**0 to create, 0 to update, 0 to replace, 0 to delete**\n\nNo changes.\n"));
        var json = DiffFormats.render(same, "json");
        assertTrue(json.contains("\"counts\": {\n    \"create\": 0,") && json.contains("\"dangerous\": false"), json);
        assertEquals(
                DiffFormats.render(same, "text"), DiffFormats.render(same, "anything else"), "text is the default");
    }

    @Test
    void aDeletedProtectedResourceSaysSo() {
        var d = PlanDiff.between(
                "a", List.of(r(SERVICE, "svc", Map.of("name", "s"), "protect")), "b", List.of(), RULES);
        assertTrue(
                DiffFormats.render(d, "text").contains("  - delete  svc  Service  [protected]\n"),
                DiffFormats.render(d, "text"));
    }

    @Test
    void aReplacementWithoutAnExplicitNameCreatesFirstAndItsDependentsAreNotedOnce() {
        // A task definition is not autonamed by family: a new revision exists before the old goes.
        var before = List.of(
                r(TASK, "t", Map.of("family", "f", "cpu", "256")),
                r(
                        SERVICE,
                        "s",
                        Map.of("name", "s", "taskDefinition", "arn:t:1"),
                        "dep:" + PlanDiffTest.urn(TASK, "t")));
        var after = List.of(
                r(TASK, "t", Map.of("family", "f", "cpu", "512")),
                r(
                        SERVICE,
                        "s",
                        Map.of("name", "s", "taskDefinition", "arn:t:1", "desiredCount", 2.0),
                        "dep:" + PlanDiffTest.urn(TASK, "t")));
        var d = PlanDiff.between("a", before, "b", after, RULES);
        var task = d.changes().stream()
                .filter(c -> c.type().equals(TASK))
                .findFirst()
                .orElseThrow();
        assertEquals(Kind.REPLACE, task.kind());
        assertFalse(task.deleteFirst());
        var service = d.changes().stream()
                .filter(c -> c.type().equals(SERVICE))
                .findFirst()
                .orElseThrow();
        assertEquals(Kind.UPDATE, service.kind());
        assertEquals(
                List.of("desiredCount", "outputs of TaskDefinition t"),
                service.changed(),
                "its own change, then the replaced input, once");
        assertTrue(DiffFormats.render(d, "text").contains("[cpu] replaced: cpu forces it; new one created first"));
        // Ordered by phase, then URN
        assertEquals(
                List.of(SERVICE, TASK),
                d.changes().stream().map(PlanDiff.Change::type).toList());
    }

    @Test
    void aResourceThatIsAlreadyReplacedIsNotNotedAgain() {
        var before = List.of(
                r(TASK, "t", Map.of("family", "f", "cpu", "256")),
                r(TASK, "u", Map.of("family", "g", "cpu", "256"), "dep:" + PlanDiffTest.urn(TASK, "t")));
        var after = List.of(
                r(TASK, "t", Map.of("family", "f", "cpu", "512")),
                r(TASK, "u", Map.of("family", "g", "cpu", "512"), "dep:" + PlanDiffTest.urn(TASK, "t")));
        var u = PlanDiff.between("a", before, "b", after, RULES).changes().stream()
                .filter(c -> c.name().equals("u"))
                .findFirst()
                .orElseThrow();
        assertEquals(Kind.REPLACE, u.kind());
        assertEquals(List.of("cpu"), u.changed(), "already replaced for its own input");
    }
}
