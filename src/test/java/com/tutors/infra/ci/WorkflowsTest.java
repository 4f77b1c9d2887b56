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
    private static final List<String> FILES = List.of("pull-request.yml", "deploy.yml", "deploy-stack.yml");

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
    void deploysRunTestsThenStagingThenProductionBehindItsEnvironment() throws IOException {
        var jobs = jobs("deploy.yml");
        assertEquals(List.of("test", "staging", "prod"), new ArrayList<>(jobs.keySet()));
        assertTrue(steps(jobs.get("test")).stream().anyMatch(s -> "mvn -B verify".equals(s.get("run"))));
        assertEquals("test", jobs.get("staging").get("needs"));
        assertEquals("staging", jobs.get("prod").get("needs"));
        assertEquals(Map.of("stack", "prod", "environment", "production"), jobs.get("prod").get("with"));
        assertEquals(Map.of("stack", "staging", "environment", "staging"), jobs.get("staging").get("with"));
        assertEquals("./.github/workflows/deploy-stack.yml", jobs.get("prod").get("uses"));
        var on = (Map<?, ?>) workflow("deploy.yml").get(true); // YAML 1.1 reads the key `on` as true
        assertEquals(Map.of("branches", List.of("main")), on.get("push"));
    }

    @Test
    void eachStackBuildsThenMigratesThenUpdatesThenWaits() throws IOException {
        var job = jobs("deploy-stack.yml").get("deploy");
        var steps = steps(job);
        int backend = stepIndex(steps, "Build and push backend");
        int frontend = stepIndex(steps, "Build and push frontend");
        int migrate = stepIndex(steps, "Run migrations");
        int up = stepIndex(steps, "pulumi up");
        int wait = stepIndex(steps, "Roll the services and wait");
        assertTrue(backend < migrate && frontend < migrate && migrate < up && up < wait, "build, migrate, up, wait");
        for (int i : new int[]{backend, frontend}) {
            var with = (Map<?, ?>) steps.get(i).get("with");
            assertEquals(true, with.get("push"));
            var tags = String.valueOf(with.get("tags"));
            assertTrue(tags.contains(":${{ github.sha }}") && tags.contains(":latest"), "SHA and latest tags");
        }
        var migration = String.valueOf(steps.get(migrate).get("run"));
        assertTrue(migration.contains("pulumi stack output migrateCommand") && migration.contains("aws ecs wait tasks-stopped")
                && migration.contains("exit 1"), "runs the stack's migrateCommand, waits, fails on a non-zero exit");
        assertEquals("up", ((Map<?, ?>) steps.get(up).get("with")).get("command"));
        var rolling = String.valueOf(steps.get(wait).get("run"));
        assertTrue(rolling.contains("--force-new-deployment") && rolling.contains("aws ecs wait services-stable")
                && rolling.contains("pulumi stack output url"));
        assertEquals(Map.of("group", "deploy-${{ inputs.stack }}", "cancel-in-progress", false), job.get("concurrency"));
        assertEquals(Map.of("name", "${{ inputs.environment }}", "url", "${{ steps.wait.outputs.url }}"), job.get("environment"));
    }

    @Test
    void awsAccessIsOidcWithLeastPermissions() throws IOException {
        for (var file : FILES) {
            var text = Files.readString(DIR.resolve(file));
            assertEquals(Map.of(), workflow(file).get("permissions"), file + ": nothing by default, each job asks");
            assertFalse(text.contains("aws-access-key-id") || text.contains("AWS_SECRET_ACCESS_KEY"), file + ": no long-lived keys");
            for (var job : jobs(file).entrySet()) {
                var permissions = (Map<?, ?>) job.getValue().get("permissions");
                assertTrue(permissions != null, file + " " + job.getKey() + " declares its permissions");
                var usesAws = job.getValue().get("uses") != null || steps(job.getValue()).stream()
                        .anyMatch(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials"));
                assertEquals(usesAws, "write".equals(permissions.get("id-token")), file + " " + job.getKey() + ": id-token only for AWS");
                if (job.getValue().get("steps") != null) {
                    for (var step : steps(job.getValue())) {
                        if (String.valueOf(step.get("uses")).startsWith("aws-actions/configure-aws-credentials")) {
                            assertTrue(((Map<?, ?>) step.get("with")).containsKey("role-to-assume"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void noSecretIsEverPrintedAndActionsArePinned() throws IOException {
        var pinned = Pattern.compile("[\\w.-]+/[\\w.-]+@v\\d+\\.\\d+\\.\\d+");
        for (var file : FILES) {
            for (var job : jobs(file).values()) {
                if (job.get("steps") == null) {
                    continue;
                }
                for (var step : steps(job)) {
                    var run = String.valueOf(step.get("run"));
                    // Secrets reach scripts only through env, never pasted into the script text.
                    assertFalse(run.contains("secrets."), file + ": a script interpolates a secret");
                    assertFalse(Pattern.compile("echo[^\\n]*\\$\\{?PULUMI_CONFIG_PASSPHRASE").matcher(run).find(), file + ": echoes a secret");
                    assertFalse(run.contains("set -x"), file + ": xtrace would print secrets");
                    var uses = step.get("uses");
                    if (uses != null) {
                        assertTrue(pinned.matcher(String.valueOf(uses)).matches(), file + ": " + uses + " is not pinned to a version");
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
        assertEquals(List.of("staging", "prod"), ((Map<?, ?>) ((Map<?, ?>) preview.get("strategy")).get("matrix")).get("stack"));
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
}
