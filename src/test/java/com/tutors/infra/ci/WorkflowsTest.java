package com.tutors.infra.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.StackRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The GitHub Actions pipeline, read as YAML: job order, OIDC, least permissions, no echoed secret. */
class WorkflowsTest {

    private static final Path DIR = StackRuns.PROJECT_DIR.resolve(".github/workflows");
    private static final List<String> FILES =
            List.of("pull-request.yml", "deploy.yml", "deploy-stack.yml", "drift.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow(String file) throws IOException {
        return new Yaml().load(Files.readString(DIR.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> jobs(String file) throws IOException {
        return (Map<String, Map<String, Object>>) workflow(file).get("jobs");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    private static int stepIndex(List<Map<String, Object>> steps, String nameStart) {
        for (int i = 0; i < steps.size(); i++) {
            if (String.valueOf(steps.get(i).get("name")).startsWith(nameStart)) {
                return i;
            }
        }
        throw new AssertionError("no step named " + nameStart + "...");
    }

    @Test
    void deploysRunTestsThenStagingThenProductionWhichPromotesWhatStagingBuilt() throws IOException {
        var jobs = jobs("deploy.yml");
        assertEquals(List.of("test", "staging", "prod"), new ArrayList<>(jobs.keySet()));
        assertTrue(steps(jobs.get("test")).stream().anyMatch(s -> "mvn -B verify".equals(s.get("run"))));
        assertEquals("test", jobs.get("staging").get("needs"));
        assertEquals("staging", jobs.get("prod").get("needs"));
        assertEquals(
                Map.of("stack", "staging", "environment", "staging", "build", true),
                jobs.get("staging").get("with"));
        var prod = (Map<?, ?>) jobs.get("prod").get("with");
        assertEquals(false, prod.get("build"), "prod never rebuilds");
        assertEquals("${{ needs.staging.outputs.image-tag }}", prod.get("image-tag"));
        assertEquals("${{ needs.staging.outputs.backend-image }}", prod.get("backend-source"));
        assertEquals("${{ needs.staging.outputs.frontend-image }}", prod.get("frontend-source"));
        for (var stack : List.of("staging", "prod")) {
            assertEquals(
                    "github.ref == 'refs/heads/main'", jobs.get(stack).get("if"), stack + " deploys from main only");
            assertEquals("./.github/workflows/deploy-stack.yml", jobs.get(stack).get("uses"));
        }
        var on = (Map<?, ?>) workflow("deploy.yml").get(true); // YAML 1.1 reads the key `on` as true
        assertEquals(Map.of("branches", List.of("main")), on.get("push"));
    }

    @Test
    void eachStackReleasesFromTheNewImageBeforeTheServicesRollAndPassesOnlyIfItShipped() throws IOException {
        var job = jobs("deploy-stack.yml").get("deploy");
        var steps = steps(job);
        int publish = stepIndex(steps, "Publish the images by digest");
        int releaseUp = stepIndex(steps, "pulumi up with the release revision");
        int release = stepIndex(steps, "Release (migrate, collectstatic)");
        int rollUp = stepIndex(steps, "pulumi up that rolls the services");
        int verify = stepIndex(steps, "Verify the rollout and record the image");
        assertTrue(
                publish < releaseUp && releaseUp < release && release < rollUp && rollUp < verify,
                "publish -> up (release revision) -> release -> up (services) -> verify");
        int boundary = stepIndex(steps, "Check the stack names its permissions boundary");
        assertTrue(boundary < releaseUp, "no up starts without the boundary the deploy role needs");
        assertTrue(
                run(steps.get(boundary)).contains("pulumi config get tutors:permissionsBoundary --stack \"$STACK\""));
        var first = run(steps.get(releaseUp));
        assertTrue(
                first.contains("--config \"tutors:releaseImageTag=$TAG\"") && !first.contains("tutors:imageTag"),
                "the first up moves only the release task definition; the services keep the recorded image");
        assertFalse(first.contains("--target"), "the whole program: what this push adds exists before the release");
        assertEquals(
                "java -jar target/tutors-infra.jar release --stack \"$STACK\" --timeout 90m", run(steps.get(release)));
        var second = run(steps.get(rollUp));
        assertTrue(second.contains("--config \"tutors:imageTag=$TAG\"")
                && second.contains("--config \"tutors:releaseImageTag=$TAG\""));
        var check = run(steps.get(verify));
        assertTrue(
                check.contains("java -jar target/tutors-infra.jar verify --stack \"$STACK\"")
                        && check.contains("--wake")
                        && check.contains("--record"),
                "staging asleep is woken, never passed; the verified tag is recorded");
        assertEquals(
                Map.of("group", "deploy-${{ inputs.stack }}", "cancel-in-progress", false), job.get("concurrency"));
        assertEquals(
                Map.of("name", "${{ inputs.environment }}", "url", "${{ steps.verify.outputs.url }}"),
                job.get("environment"));
    }

    @Test
    void everyLongStepStartsWithAFreshSessionThatOutlastsIt() throws IOException {
        var workflow = workflow("deploy-stack.yml");
        assertEquals(
                com.tutors.infra.bootstrap.CiRole.SESSION_SECONDS,
                ((Map<?, ?>) workflow.get("env")).get("SESSION_SECONDS"),
                "the session the workflow asks for is the role's maximum");
        var steps = steps(jobs("deploy-stack.yml").get("deploy"));
        for (var name : List.of(
                "pulumi up with the release revision",
                "Release (migrate, collectstatic)",
                "pulumi up that rolls the services",
                "Verify the rollout and record the image")) {
            var before = steps.get(stepIndex(steps, name) - 1);
            assertTrue(
                    String.valueOf(before.get("uses")).startsWith("aws-actions/configure-aws-credentials@"),
                    name + ": re-assume the role right before it");
            assertEquals("${{ env.SESSION_SECONDS }}", ((Map<?, ?>) before.get("with")).get("role-duration-seconds"));
        }
        // The release's own limit fits in one session, with the database's start in front of it.
        assertTrue(90 * 60 + 30 * 60 <= com.tutors.infra.bootstrap.CiRole.SESSION_SECONDS);
    }

    @Test
    void imagesAreBuiltNativelyOncePerArchitectureAndPublishedByDigest() throws IOException {
        var jobs = jobs("deploy-stack.yml");
        var images = jobs.get("images");
        assertEquals("${{ matrix.runner }}", images.get("runs-on"));
        assertEquals(
                "${{ fromJSON(needs.prepare.outputs.matrix) }}", ((Map<?, ?>) images.get("strategy")).get("matrix"));
        assertEquals("inputs.build", images.get("if"), "prod promotes staging's digests, never rebuilds");
        var platforms = steps(jobs.get("prepare"))
                .get(stepIndex(steps(jobs.get("prepare")), "Architectures the stacks run on"));
        assertTrue(run(platforms).contains("java -jar target/tutors-infra.jar platforms"));
        for (var file : FILES) {
            var text = Files.readString(DIR.resolve(file));
            assertFalse(text.contains("setup-qemu-action"), file + ": no emulated builds");
            assertFalse(text.contains("pulumi:pulumi:Stack"), file + ": the engine's URNs have no root stack type");
        }
        for (var step : steps(images)) {
            if (String.valueOf(step.get("uses")).startsWith("docker/build-push-action")) {
                var with = (Map<?, ?>) step.get("with");
                assertEquals("${{ matrix.platform }}", with.get("platforms"));
                assertTrue(String.valueOf(with.get("tags"))
                        .endsWith(":${{ needs.prepare.outputs.tag }}-${{ matrix.arch }}"));
            }
        }
        var publish = run(
                steps(jobs.get("deploy")).get(stepIndex(steps(jobs.get("deploy")), "Publish the images by digest")));
        assertTrue(publish.contains(".github/scripts/publish-images.sh"));
        var deploy = jobs.get("deploy");
        assertEquals(List.of("prepare", "images"), deploy.get("needs"));
        assertTrue(
                String.valueOf(deploy.get("if")).contains("needs.images.result == 'skipped'"),
                "prod has no images job");
    }

    @Test
    void theCommittedStacksBuildOnTheirOwnArchitecturesRunners() {
        var matrix = com.tutors.infra.BuildPlatformsAccess.matrix(StackRuns.PROJECT_DIR);
        var expected = new java.util.TreeSet<String>();
        for (var stack : List.of("prod", "staging")) {
            var arch = StackRuns.fileValue(stack, "tutors:cpuArchitecture");
            expected.add(arch == null ? "X86_64" : arch);
        }
        assertEquals(expected.size(), matrix.size());
        for (var entry : matrix) {
            assertEquals(
                    entry.get("platform").equals("linux/arm64") ? "ubuntu-24.04-arm" : "ubuntu-24.04",
                    entry.get("runner"));
            assertTrue(entry.get("platform").endsWith("/" + entry.get("arch")));
        }
    }

    @Test
    void noRunBlockIsLongerThanAFewLines() throws IOException {
        for (var file : FILES) {
            for (var job : jobs(file).values()) {
                for (var step : job.get("steps") == null ? List.<Map<String, Object>>of() : steps(job)) {
                    var lines = run(step).lines().filter(l -> !l.isBlank()).count();
                    assertTrue(
                            lines <= 6,
                            file + ": '" + step.get("name") + "' has " + lines
                                    + " lines: make it a command the project tests");
                }
            }
        }
    }

    @Test
    void driftIsCheckedNightlyWithReadOnlyRolesAndKeepsOneIssuePerStack() throws IOException {
        var on = (Map<?, ?>) workflow("drift.yml").get(true);
        assertTrue(on.containsKey("schedule") && on.containsKey("workflow_dispatch"));
        var job = jobs("drift.yml").get("drift");
        var preview = steps(job).stream()
                .filter(s -> run(s).contains("pulumi preview"))
                .findFirst()
                .orElseThrow();
        assertTrue(run(preview).contains("--refresh --expect-no-changes"));
        assertFalse(
                Files.readString(DIR.resolve("drift.yml")).contains("imageTag"),
                "plans the recorded image, names none");
        var open = steps(job).stream()
                .filter(s -> "failure()".equals(s.get("if")))
                .findFirst()
                .orElseThrow();
        assertEquals(".github/scripts/drift-issue.sh open \"$STACK\" \"$RUN_URL\"", run(open));
        var close = steps(job).stream()
                .filter(s -> "success()".equals(s.get("if")))
                .findFirst()
                .orElseThrow();
        assertEquals(".github/scripts/drift-issue.sh close \"$STACK\" \"$RUN_URL\"", run(close));
        assertEquals("write", ((Map<?, ?>) job.get("permissions")).get("issues"));
    }

    private static String run(Map<String, Object> step) {
        return step.get("run") == null ? "" : String.valueOf(step.get("run")).strip();
    }

    @Test
    void everyScriptStopsAtItsFirstErrorAndNothingIsEvaluatedFromState() throws IOException {
        for (var file : FILES) {
            for (var job : jobs(file).values()) {
                if (job.get("steps") == null) {
                    continue;
                }
                for (var step : steps(job)) {
                    var run = step.get("run");
                    if (run != null && String.valueOf(run).strip().contains("\n")) {
                        assertTrue(
                                String.valueOf(run).startsWith("set -euo pipefail\n"), file + ": " + step.get("name"));
                    }
                    assertFalse(
                            String.valueOf(run).matches("(?s).*\\beval\\b.*"), file + ": eval in " + step.get("name"));
                    if (String.valueOf(step.get("uses")).startsWith("actions/checkout@")) {
                        assertEquals(
                                false,
                                ((Map<?, ?>) step.get("with")).get("persist-credentials"),
                                file + ": a checkout leaves its token in .git/config");
                    }
                    if (String.valueOf(step.get("uses")).startsWith("pulumi/actions@")) {
                        assertEquals(
                                "${{ env.PULUMI_VERSION }}",
                                ((Map<?, ?>) step.get("with")).get("pulumi-version"),
                                file + ": the Pulumi CLI version is pinned");
                    }
                }
            }
        }
    }

    @Test
    void pullRequestsTestBuildPreviewAndPriceTheChange() throws IOException {
        var jobs = jobs("pull-request.yml");
        assertTrue(steps(jobs.get("test")).stream().anyMatch(s -> "mvn -B verify".equals(s.get("run"))));
        assertTrue(
                steps(jobs.get("test")).stream()
                        .anyMatch(s -> s.get("with") instanceof Map<?, ?> w && "maven".equals(w.get("cache"))),
                "Maven cache");
        assertTrue(
                steps(jobs.get("images")).stream()
                        .filter(s -> String.valueOf(s.get("uses")).startsWith("docker/build-push-action"))
                        .allMatch(s -> Boolean.FALSE.equals(((Map<?, ?>) s.get("with")).get("push"))),
                "images are built, not pushed");
        var preview = jobs.get("preview");
        assertEquals("test", preview.get("needs"));
        assertEquals(
                List.of("staging"),
                ((Map<?, ?>) ((Map<?, ?>) preview.get("strategy")).get("matrix")).get("stack"),
                "the preview role may decrypt staging's secrets only; prod is the offline diff");
        var pulumi = steps(preview).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("pulumi/actions"))
                .findFirst()
                .orElseThrow();
        assertEquals("preview", ((Map<?, ?>) pulumi.get("with")).get("command"));
        assertEquals(true, ((Map<?, ?>) pulumi.get("with")).get("comment-on-pr"));
        var cost = String.valueOf(steps(jobs.get("cost")).stream()
                .filter(s -> s.get("run") != null)
                .findFirst()
                .orElseThrow()
                .get("run"));
        assertTrue(
                cost.contains("head/.github/scripts/plan-diff.sh base head comment.md"),
                "the checkouts are base/ and head/");
        var comment = steps(jobs.get("cost")).stream()
                .filter(s -> String.valueOf(s.get("run")).contains("pr-comment.sh"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                String.valueOf(comment.get("if")).contains("head.repo.full_name == github.repository"),
                "forks get no comment");
        assertEquals(
                "head/.github/scripts/pr-comment.sh \"$PR_NUMBER\" comment.md",
                String.valueOf(comment.get("run")).strip());
    }
}
