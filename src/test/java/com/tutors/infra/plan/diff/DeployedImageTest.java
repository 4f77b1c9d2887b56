package com.tutors.infra.plan.diff;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.ecs.TaskDefinition;
import com.tutors.infra.Containers;
import com.tutors.infra.StackRuns;
import com.tutors.infra.compute.ImageTags;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deployed image is the source of truth: a run that names no tag plans the one the last verified
 * deploy recorded (SSM /tutors/&lt;stack&gt;/image-tag), so drift checks, PR previews and a by-hand up agree
 * with what CI shipped; the deploy's two ups move the release task first, then the services.
 */
class DeployedImageTest {
    private static final String RECORD = OfflineRun.PARAMETER_PREFIX + "/tutors/prod/image-tag";

    private static Map<String, String> of(String... kv) {
        var map = new HashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static String image(OfflineRun.Result run, String taskDefinition) {
        return (String) Containers.container(named(run, TaskDefinition.class, taskDefinition))
                .get("image");
    }

    private static Set<String> names(PlanDiff.Result d, Kind kind) {
        return d.changes().stream()
                .filter(c -> c.kind() == kind)
                .map(PlanDiff.Change::name)
                .collect(Collectors.toSet());
    }

    @Test
    void withNoRecordTheCommittedStackPlansLatestWithOneLookUp() {
        var run = StackRuns.succeeded(StackRuns.committed("prod"));
        assertTrue(image(run, "tutors-prod-backend").endsWith(":" + ImageTags.BEFORE_FIRST_DEPLOY));
        assertEquals(1, run.invokes().get("aws:ssm/getParametersByPath:getParametersByPath"));
        assertEquals("latest", run.outputs().get("imageTag"));
    }

    @Test
    void theRecordedTagIsPlannedForEveryTask() {
        var run = StackRuns.succeeded(StackRuns.with("prod", of(RECORD, "abc123")));
        for (var td : List.of("tutors-prod-backend", "tutors-prod-frontend", "tutors-prod-backend-migrate")) {
            assertTrue(image(run, td).endsWith(":abc123"), td + ": " + image(run, td));
        }
        assertEquals("abc123", run.outputs().get("imageTag"));
    }

    @Test
    void aTagNamedByTheRunWinsAndLooksNothingUp() {
        var run = StackRuns.succeeded(StackRuns.with("prod", of(RECORD, "abc123", "tutors:imageTag", "fff999")));
        assertTrue(image(run, "tutors-prod-frontend").endsWith(":fff999"));
        assertFalse(run.invokes().containsKey("aws:ssm/getParametersByPath:getParametersByPath"));
    }

    @Test
    void afterAVerifiedDeployDriftAndByHandUpsPlanNoChange() {
        // What CI's last up declared, against what the nightly drift check plans once the tag is recorded.
        var ci = of(RECORD, "abc123", "tutors:releaseImageTag", "def456", "tutors:imageTag", "def456");
        var later = of(RECORD, "def456");
        var d = StackTransitionsTest.transition("prod", ci, later);
        assertEquals(List.of(), d.changes());
    }

    @Test
    void theReleaseUpReplacesOnlyTheMigrateTaskDefinition() {
        var d = StackTransitionsTest.transition(
                "prod", of(RECORD, "abc123"), of(RECORD, "abc123", "tutors:releaseImageTag", "def456"));
        assertEquals(Set.of("tutors-prod-backend-migrate"), names(d, Kind.REPLACE));
        assertEquals(Set.of(), names(d, Kind.UPDATE), "the services keep running the recorded image");
        assertEquals(Set.of(), names(d, Kind.CREATE));
        assertEquals(Set.of(), names(d, Kind.DELETE));
    }

    @Test
    void theRollUpMovesTheServicesAndLeavesTheReleaseTask() {
        var release = of(RECORD, "abc123", "tutors:releaseImageTag", "def456");
        var roll = new HashMap<>(release);
        roll.put("tutors:imageTag", "def456");
        var d = StackTransitionsTest.transition("prod", release, roll);
        assertEquals(Set.of("tutors-prod-backend", "tutors-prod-frontend"), names(d, Kind.REPLACE));
        assertEquals(Set.of("tutors-prod-backend", "tutors-prod-frontend"), names(d, Kind.UPDATE));
    }

    @Test
    void aRecordThatIsNoTagFailsTheRunByName() {
        var run = StackRuns.with("prod", of(RECORD, "not a tag"));
        assertFalse(run.succeeded());
        assertTrue(
                run.problems().stream()
                        .anyMatch(p -> p.contains("/tutors/prod/image-tag") && p.contains("'not a tag'")),
                run.problems()::toString);
    }

    @Test
    void resolutionOrder() {
        var p = "/tutors/prod/image-tag";
        assertEquals("x1", ImageTags.services(Optional.of("x1"), p, List.of(p), List.of("y2")));
        assertEquals(
                "y2", ImageTags.services(Optional.empty(), p, List.of("/tutors/prod/other", p), List.of("z", " y2\n")));
        assertEquals("latest", ImageTags.services(Optional.empty(), p, List.of("/tutors/prod/other"), List.of("z")));
        assertEquals("latest", ImageTags.services(Optional.empty(), p, List.of(), List.of()));
        assertThrows(
                IllegalStateException.class, () -> ImageTags.services(Optional.empty(), p, List.of(p), List.of("-x")));
    }
}
