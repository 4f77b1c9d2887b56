package com.tutors.infra.ci;

import com.tutors.infra.StackRuns;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub Actions pipeline, read as YAML: job order, OIDC, least permissions, no echoed secret. */
class WorkflowsTest {

    private static final Path DIR = StackRuns.PROJECT_DIR.resolve(".github/workflows");
    private static final List<String> FILES = List.of("pull-request.yml", "deploy.yml", "deploy-stack.yml", "drift.yml");

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
        assertEquals(Map.of("stack", "staging", "environment", "staging", "build", true), jobs.get("staging").get("with"));
        var prod = (Map<?, ?>) jobs.get("prod").get("with");
        assertEquals(false, prod.get("build"), "prod never rebuilds");
        assertEquals("${{ needs.staging.outputs.image-tag }}", prod.get("image-tag"));
        assertEquals("${{ needs.staging.outputs.backend-image }}", prod.get("backend-source"));
        assertEquals("${{ needs.staging.outputs.frontend-image }}", prod.get("frontend-source"));
        for (var stack : List.of("staging", "prod")) {
            assertEquals("github.ref == 'refs/heads/main'", jobs.get(stack).get("if"), stack + " deploys from main only");
            assertEquals("./.github/workflows/deploy-stack.yml", jobs.get(stack).get("uses"));
        }
        var on = (Map<?, ?>) workflow("deploy.yml").get(true); // YAML 1.1 reads the key `on` as true
        assertEquals(Map.of("branches", List.of("main")), on.get("push"));
    }

    @Test
    void eachStackMigratesWithTheRevisionItDeploysAndWaitsForThatDeployment() throws IOException {
        var job = jobs("deploy-stack.yml").get("deploy");
        var steps = steps(job);
        int resolve = stepIndex(steps, "Resolve the app commit once");
        int backend = stepIndex(steps, "Build and push backend");
        int frontend = stepIndex(steps, "Build and push frontend");
        int promote = stepIndex(steps, "Promote the images staging verified");
        int register = stepIndex(steps, "Register the migrate task definition");
        int migrate = stepIndex(steps, "Run migrations with that revision");
        int up = stepIndex(steps, "pulumi up");
        int wait = stepIndex(steps, "Wait for this deployment to complete");
        assertTrue(resolve < backend && backend < frontend && frontend < promote && promote < register && register < migrate
                && migrate < up && up < wait, "build once (or promote) -> migrate revision -> migrate -> up -> wait");
        for (int i : new int[]{backend, frontend}) {
            assertEquals("inputs.build", steps.get(i).get("if"));
            var with = (Map<?, ?>) steps.get(i).get("with");
            assertEquals(true, with.get("push"));
            var tags = String.valueOf(with.get("tags"));
            assertTrue(tags.contains(":${{ steps.tag.outputs.tag }}") && !tags.contains("github.sha"), "tagged with the app's commit");
            assertEquals("${{ steps.platforms.outputs.list }}", with.get("platforms"), "built for every stack's CPU architecture");
        }
        var promotion = steps.get(promote);
        assertEquals("${{ !inputs.build }}", promotion.get("if"));
        assertTrue(String.valueOf(promotion.get("run")).contains("docker buildx imagetools create"), "copied by digest, not rebuilt");
        var registration = String.valueOf(steps.get(register).get("run"));
        assertTrue(registration.contains("--target") && registration.contains("backend-migrate")
                && registration.contains("tutors:imageTag=$TAG"), "the migrate revision on this image, before the rest");
        var migration = String.valueOf(steps.get(migrate).get("run"));
        assertTrue(migration.contains("migrateTaskFamily") && migration.contains("aws ecs wait tasks-stopped")
                && migration.contains("exit 1"), "runs the new revision, waits, fails on a non-zero exit");
        assertTrue(migration.indexOf("aws rds start-db-instance") < migration.indexOf("aws ecs run-task")
                && migration.indexOf("aws rds wait db-instance-available") < migration.indexOf("aws ecs run-task")
                && migration.contains("aws rds start-db-instance"),
                "a database stopped by office hours is started, and waited for, before the migration");
        assertTrue(String.valueOf(steps.get(up).get("run")).contains("--config \"tutors:imageTag=$TAG\""));
        var waiting = String.valueOf(steps.get(wait).get("run"));
        assertTrue(waiting.contains("rolloutState") && waiting.contains("COMPLETED") && waiting.contains("FAILED"));
        assertFalse(waiting.contains("aws ecs wait services-stable"), "a rollback also ends stable: not a success");
        var outputs = String.valueOf(steps.get(stepIndex(steps, "Read the stack's outputs")).get("run"));
        assertTrue(outputs.contains("--stack \"$STACK\"") && outputs.contains("::error::stack $STACK has no output"),
                "a missing output fails by name");
        assertTrue(String.valueOf(steps.get(resolve).get("run")).contains("no Dockerfile in"), "a missing app fails early");
        assertEquals(Map.of("group", "deploy-${{ inputs.stack }}", "cancel-in-progress", false), job.get("concurrency"));
        assertEquals(Map.of("name", "${{ inputs.environment }}", "url", "${{ steps.wait.outputs.url }}"), job.get("environment"));
        var aws = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials"))
                .findFirst().orElseThrow();
        assertEquals(3600, ((Map<?, ?>) aws.get("with")).get("role-duration-seconds"), "long deploys keep their credentials");
    }

    @Test
    void driftIsCheckedNightlyWithReadOnlyRolesAndReported() throws IOException {
        var on = (Map<?, ?>) workflow("drift.yml").get(true);
        assertTrue(on.containsKey("schedule") && on.containsKey("workflow_dispatch"));
        var job = jobs("drift.yml").get("drift");
        var preview = steps(job).stream().filter(s -> String.valueOf(s.get("run")).contains("pulumi preview")).findFirst().orElseThrow();
        assertTrue(String.valueOf(preview.get("run")).contains("--refresh --expect-no-changes"));
        var report = steps(job).stream().filter(s -> "failure()".equals(s.get("if"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(report.get("run")).contains("gh issue create"));
        assertEquals("write", ((Map<?, ?>) job.get("permissions")).get("issues"));
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
                        assertTrue(String.valueOf(run).startsWith("set -euo pipefail\n"), file + ": " + step.get("name"));
                    }
                    assertFalse(String.valueOf(run).matches("(?s).*\\beval\\b.*"), file + ": eval in " + step.get("name"));
                    if (String.valueOf(step.get("uses")).startsWith("actions/checkout@")) {
                        assertEquals(false, ((Map<?, ?>) step.get("with")).get("persist-credentials"),
                                file + ": a checkout leaves its token in .git/config");
                    }
                    if (String.valueOf(step.get("uses")).startsWith("pulumi/actions@")) {
                        assertEquals("${{ env.PULUMI_VERSION }}", ((Map<?, ?>) step.get("with")).get("pulumi-version"),
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
        assertTrue(steps(jobs.get("test")).stream().anyMatch(s -> s.get("with") instanceof Map<?, ?> w && "maven".equals(w.get("cache"))),
                "Maven cache");
        assertTrue(steps(jobs.get("images")).stream().filter(s -> String.valueOf(s.get("uses")).startsWith("docker/build-push-action"))
                .allMatch(s -> Boolean.FALSE.equals(((Map<?, ?>) s.get("with")).get("push"))), "images are built, not pushed");
        var preview = jobs.get("preview");
        assertEquals("test", preview.get("needs"));
        assertEquals(List.of("staging"), ((Map<?, ?>) ((Map<?, ?>) preview.get("strategy")).get("matrix")).get("stack"),
                "the preview role may decrypt staging's secrets only; prod is the offline diff");
        var pulumi = steps(preview).stream().filter(s -> String.valueOf(s.get("uses")).startsWith("pulumi/actions")).findFirst().orElseThrow();
        assertEquals("preview", ((Map<?, ?>) pulumi.get("with")).get("command"));
        assertEquals(true, ((Map<?, ?>) pulumi.get("with")).get("comment-on-pr"));
        var cost = String.valueOf(steps(jobs.get("cost")).stream().filter(s -> s.get("run") != null).findFirst().orElseThrow().get("run"));
        assertTrue(cost.contains("plan --compare-json"));
        assertTrue(cost.indexOf("plan --diff") >= 0 && cost.indexOf("plan --diff") < cost.indexOf("plan --compare-json"),
                "the change diff (warnings first) comes before the cost comparison");
        assertTrue(cost.contains("--format markdown"));
        var comment = steps(jobs.get("cost")).stream().filter(s -> String.valueOf(s.get("run")).contains("gh api")).findFirst().orElseThrow();
        assertTrue(String.valueOf(comment.get("if")).contains("head.repo.full_name == github.repository"), "forks get no comment");
        assertFalse(String.valueOf(comment.get("run")).contains("--edit-last"), "never overwrites another bot's comment");
    }

    @Test
    void theImagesAreBuiltForEveryArchitectureTheStackFilesName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws IOException, InterruptedException {
        var steps = steps(jobs("deploy-stack.yml").get("deploy"));
        var platforms = steps.get(stepIndex(steps, "Platforms the stacks run on"));
        var qemu = steps.get(stepIndex(steps, "Emulate arm64"));
        assertTrue(stepIndex(steps, "Emulate arm64") < stepIndex(steps, "Build and push backend"));
        assertEquals("inputs.build && contains(steps.platforms.outputs.list, 'linux/arm64')", qemu.get("if"));
        // Run the step's own script on the committed stack files: prod is ARM64, staging X86_64.
        var output = tmp.resolve("github-output");
        var process = new ProcessBuilder("bash", "-c", String.valueOf(platforms.get("run")))
                .directory(com.tutors.infra.StackRuns.PROJECT_DIR.toFile()).redirectErrorStream(true);
        process.environment().put("GITHUB_OUTPUT", output.toString());
        var run = process.start();
        var log = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), log);
        var line = java.nio.file.Files.readString(output).strip();
        assertTrue(line.startsWith("list="), line);
        assertEquals(java.util.Set.of("linux/amd64", "linux/arm64"), java.util.Set.of(line.substring(5).split(",")), line);
    }
}
