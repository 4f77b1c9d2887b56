package com.tutors.infra.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.StackRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows' scripts, run as the workflows run them, with stand-ins for docker, gh, mvn and java on
 * the PATH: each stand-in logs its arguments and answers what the scenario needs.
 */
// Bash processes, mostly waiting: beside the plans, on the second core.
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class ScriptsTest {
    private static final Path SCRIPTS = StackRuns.PROJECT_DIR.resolve(".github/scripts");

    @TempDir
    Path tmp;

    record Ran(int exit, String stdout, String stderr, List<String> calls) {}

    /** Stand-ins: name -> a bash body that sees "$@" (its log line is written first). */
    private Ran run(String script, Map<String, String> stubs, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        var bin = Files.createDirectories(tmp.resolve("bin"));
        var log = tmp.resolve("calls.log");
        for (var stub : stubs.entrySet()) {
            var file = bin.resolve(stub.getKey());
            Files.writeString(
                    file,
                    "#!/usr/bin/env bash\necho \"" + stub.getKey() + " $*\" >> '" + log + "'\n" + stub.getValue()
                            + "\n");
            file.toFile().setExecutable(true);
        }
        var command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().putAll(env);
        builder.redirectError(tmp.resolve("stderr").toFile())
                .redirectOutput(tmp.resolve("stdout").toFile());
        int exit = builder.start().waitFor();
        var calls = Files.exists(log) ? Files.readAllLines(log) : List.<String>of();
        return new Ran(exit, Files.readString(tmp.resolve("stdout")), Files.readString(tmp.resolve("stderr")), calls);
    }

    private static final String DOCKER =
            "case \"$*\" in *inspect*) echo sha256:$(echo \"$4\" | md5sum | cut -c1-12);; esac";

    @Test
    void buildJoinsEachArchitecturesImageAndPrintsDigests() throws Exception {
        var r = run(
                "publish-images.sh",
                Map.of("docker", DOCKER),
                Map.of(),
                "build",
                "abc123",
                "reg/tutors-staging-backend",
                "reg/tutors-staging-frontend",
                "arm64",
                "amd64");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(
                r.calls()
                        .contains(
                                "docker buildx imagetools create --tag reg/tutors-staging-backend:abc123 --tag "
                                        + "reg/tutors-staging-backend:latest reg/tutors-staging-backend:abc123-arm64 reg/tutors-staging-backend:abc123-amd64"),
                r.calls()::toString);
        var lines = r.stdout().lines().toList();
        assertEquals(2, lines.size(), r.stdout());
        assertTrue(lines.get(0).matches("backend=reg/tutors-staging-backend@sha256:[0-9a-f]{12}"), lines.get(0));
        assertTrue(lines.get(1).matches("frontend=reg/tutors-staging-frontend@sha256:[0-9a-f]{12}"), lines.get(1));
    }

    @Test
    void promoteCopiesDigestsAndRefusesATag() throws Exception {
        var ok = run(
                "publish-images.sh",
                Map.of("docker", DOCKER),
                Map.of(),
                "promote",
                "abc123",
                "reg/tutors-prod-backend",
                "reg/tutors-prod-frontend",
                "reg/tutors-staging-backend@sha256:aaa",
                "reg/tutors-staging-frontend@sha256:bbb");
        assertEquals(0, ok.exit(), ok.stderr());
        assertTrue(ok.calls().get(0).endsWith(" reg/tutors-staging-backend@sha256:aaa"), ok.calls()::toString);
        var bad = run(
                "publish-images.sh",
                Map.of("docker", DOCKER),
                Map.of(),
                "promote",
                "abc123",
                "reg/b",
                "reg/f",
                "reg/tutors-staging-backend:latest",
                "reg/tutors-staging-frontend@sha256:bbb");
        assertEquals(1, bad.exit());
        assertTrue(bad.stderr().contains("not an image by digest"), bad.stderr());
    }

    @Test
    void aMissingDigestFailsThePublication() throws Exception {
        var r = run("publish-images.sh", Map.of("docker", "true"), Map.of(), "build", "abc", "reg/b", "reg/f", "arm64");
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains("no digest for reg/b:abc"), r.stderr());
    }

    private static final Map<String, String> GH_ENV = Map.of("GITHUB_REPOSITORY", "team/tutors-infra", "GH_TOKEN", "t");

    @Test
    void driftOpensOneIssueThenCommentsOnIt() throws Exception {
        var none = run("drift-issue.sh", Map.of("gh", "true"), GH_ENV, "open", "prod", "https://run/1");
        assertEquals(0, none.exit(), none.stderr());
        assertTrue(
                none.calls().get(1).startsWith("gh issue create --repo team/tutors-infra --title Drift in stack prod"),
                none.calls()::toString);
        Files.delete(tmp.resolve("calls.log"));
        var open = run(
                "drift-issue.sh",
                Map.of("gh", "case \"$1 $2\" in \"issue list\") echo 42;; esac"),
                GH_ENV,
                "open",
                "prod",
                "https://run/2");
        assertEquals(0, open.exit(), open.stderr());
        assertEquals(
                "gh issue comment 42 --repo team/tutors-infra --body Still drifting: https://run/2",
                open.calls().get(1));
        assertFalse(String.join("\n", open.calls()).contains("issue create"));
    }

    @Test
    void aCleanCheckClosesTheIssueIfThereIsOne() throws Exception {
        var open = run(
                "drift-issue.sh",
                Map.of("gh", "case \"$1 $2\" in \"issue list\") echo 42;; esac"),
                GH_ENV,
                "close",
                "staging",
                "https://run/3");
        assertEquals(0, open.exit(), open.stderr());
        assertEquals(
                "gh issue close 42 --repo team/tutors-infra --comment No drift any more: https://run/3",
                open.calls().get(1));
        Files.delete(tmp.resolve("calls.log"));
        var none = run("drift-issue.sh", Map.of("gh", "true"), GH_ENV, "close", "staging", "https://run/4");
        assertEquals(0, none.exit());
        assertEquals(1, none.calls().size(), "only the look-up");
    }

    @Test
    void theOfflineReportPlansBothSidesAndPutsTheDiffBeforeTheCost() throws Exception {
        Files.createDirectories(tmp.resolve("base"));
        Files.createDirectories(tmp.resolve("head"));
        var r = run(
                "plan-diff.sh",
                Map.of("mvn", "true", "java", "echo \"[java $*]\""),
                Map.of(),
                "base",
                "head",
                "comment.md");
        assertEquals(0, r.exit(), r.stderr());
        var report = Files.readString(tmp.resolve("comment.md"), StandardCharsets.UTF_8);
        assertTrue(report.startsWith("<!-- tutors-plan-diff -->\n#### Stack `staging`\n"), report);
        assertTrue(
                report.indexOf("plan --diff") < report.indexOf("plan --compare-json")
                        && report.contains("--format markdown"),
                report);
        assertTrue(report.indexOf("#### Stack `prod`") > report.indexOf("#### Stack `staging`"));
        assertEquals(
                2,
                r.calls().stream()
                        .filter(c -> c.equals("mvn -B -q package -DskipTests"))
                        .count(),
                "each side builds its own program");
        assertEquals(
                4,
                r.calls().stream()
                        .filter(c -> c.startsWith("java -jar target/tutors-infra.jar plan --stack"))
                        .count());
    }

    @Test
    void theCommentIsUpdatedInPlaceOrPostedOnce() throws Exception {
        Files.writeString(tmp.resolve("comment.md"), "<!-- tutors-plan-diff -->\nreport\n");
        var existing = run(
                "pr-comment.sh",
                Map.of("gh", "case \"$1\" in api) [ \"$2\" = -X ] || echo 777;; esac"),
                GH_ENV,
                "12",
                "comment.md");
        assertEquals(0, existing.exit(), existing.stderr());
        assertEquals(
                "gh api -X PATCH repos/team/tutors-infra/issues/comments/777 -F body=@comment.md",
                existing.calls().get(1));
        Files.delete(tmp.resolve("calls.log"));
        var fresh = run("pr-comment.sh", Map.of("gh", "true"), GH_ENV, "12", "comment.md");
        assertEquals(
                "gh pr comment 12 --repo team/tutors-infra --body-file comment.md",
                fresh.calls().get(1));
    }
}
