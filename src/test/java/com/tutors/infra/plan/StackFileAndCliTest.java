package com.tutors.infra.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.Main;
import com.tutors.infra.StackRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stack files read as the Pulumi CLI reads them, and the command line's answers to mistakes. */
class StackFileAndCliTest {

    @TempDir
    Path dir;

    private StackFile.Invalid invalid(String yaml) throws IOException {
        Files.writeString(dir.resolve("Pulumi.prod.yaml"), yaml);
        return assertThrows(StackFile.Invalid.class, () -> StackFile.read(dir, "prod"));
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        var e = invalid("config:\n  tutors:natMode: [instance\n  tutors:ipv6: true\n");
        assertTrue(e.getMessage().startsWith("Pulumi.prod.yaml, line "), e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void aTabSaysSo() throws IOException {
        var e = invalid("config:\n\ttutors:natMode: instance\n");
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("never tabs"), e.getMessage());
    }

    @Test
    void duplicateKeysEmptyValuesAndStrayKeysAreRefused() throws IOException {
        assertTrue(invalid("config:\n  tutors:natMode: instance\n  tutors:natMode: gateway-single\n")
                .getMessage()
                .contains("duplicate key"));
        assertTrue(
                invalid("config:\n  tutors:imageTag:\n").getMessage().contains("tutors:imageTag has an empty value"));
        var stray = invalid("tutors:natMode: instance\n").getMessage();
        assertTrue(stray.contains("no 'config:' section") && stray.contains("tutors:natMode"), stray);
    }

    @Test
    void yesAndNoStayTextAsUnderTheCli() throws IOException {
        Files.writeString(
                dir.resolve("Pulumi.prod.yaml"),
                "config:\n  tutors:ipv6: yes\n  tutors:alarms: true\n  tutors:lastPhase: 3\n");
        var file = StackFile.read(dir, "prod");
        assertEquals(
                "yes", file.values().get("tutors:ipv6"), "YAML 1.2: yes is a string, which the program then refuses");
        assertEquals("true", file.values().get("tutors:alarms"));
        assertEquals("3", file.values().get("tutors:lastPhase"));
    }

    @Test
    void aSecretInPlainTextInTheStackFileIsRefused() throws IOException {
        Files.copy(StackRuns.PROJECT_DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(
                dir.resolve("Pulumi.prod.yaml"),
                "config:\n  tutors:lastPhase: 2\n  tutors:dbPassword: hunter2-hunter2-hunter2\n");
        var result = OfflineRun.plan(Main::stack, dir, "prod", Map.of(), Map.of());
        assertTrue(
                result.problems().stream()
                        .anyMatch(p -> p.startsWith("tutors:dbPassword: set in plain text")
                                && p.contains("pulumi config set --secret tutors:dbPassword")),
                result.problems()::toString);
        assertTrue(result.problems().stream().noneMatch(p -> p.contains("hunter2")), "the value is never repeated");
        assertFalse(result.config().containsKey("tutors:dbPassword"));
    }

    @Test
    void aStackFileWithEncryptedSecretsAndItsKmsProviderPlans() throws IOException {
        Files.copy(StackRuns.PROJECT_DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        var committed = Files.readString(StackRuns.PROJECT_DIR.resolve("Pulumi.staging.yaml"));
        Files.writeString(
                dir.resolve("Pulumi.staging.yaml"),
                "secretsprovider: awskms://alias/tutors-staging-pulumi?region=eu-central-1\n"
                        + "encryptedkey: AQICAHh0ZXN0LWtleQ==\n" + committed
                        + "  tutors:dbPassword:\n    secure: AAABAKpBzHWbqdB8P5Bz\n");
        var file = StackFile.read(dir, "staging");
        assertTrue(file.secretKeys().contains("tutors:dbPassword"), "a secure: value is a secret key");
        assertFalse(file.values().containsKey("tutors:dbPassword"), "its ciphertext is never a value");
        var result = OfflineRun.plan(Main::stack, dir, "staging", Map.of("tutors:lastPhase", "2"), Map.of());
        assertTrue(result.succeeded(), result.problems()::toString);
        assertTrue(result.placeholders().contains("tutors:dbPassword"), "it plans with a stand-in");
    }

    private record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(
                args,
                CachedPlans.INSTANCE,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryFlagFormatAndExitCode() {
        var help = cli("--help");
        assertEquals(0, help.exit());
        for (var part : new String[] {
            "--stack",
            "--diff-set",
            "--compare",
            "--set-b",
            "--unset",
            "--fail-on",
            "markdown",
            "mermaid",
            "Exit codes",
            "internal error"
        }) {
            assertTrue(help.out().contains(part), part);
        }
    }

    @Test
    void argumentMistakesExitTwoAndSayWhatToDo() {
        var twice = cli("--stack", "prod", "--stack", "staging");
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("should be specified only once"), twice.err());
        assertEquals(2, cli("--compare", "prod", "staging", "--format", "json").exit());
        for (var bad : new String[] {"logsGb=NaN", "logsGb=Infinity", "logsGb=-1", "logsGb=lots", "bandwidth=3"}) {
            var run = cli("--stack", "prod", "--usage", bad);
            assertEquals(2, run.exit(), bad);
            assertTrue(run.err().contains("--usage " + bad), run.err());
        }
        var missing = cli(
                "--compare-json",
                dir.resolve("none.json").toString(),
                dir.resolve("none2.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no file " + dir.resolve("none.json")), missing.err());
        var unknown = cli("--stack", "qa", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(2, unknown.exit());
        assertTrue(
                unknown.err().contains("stacks here: prod, staging")
                        && unknown.err().contains("--dir"),
                unknown.err());
    }

    @Test
    void aBrokenStackFileIsARefusedConfigurationNotATrace() throws IOException {
        Files.writeString(dir.resolve("Pulumi.prod.yaml"), "config:\n\ttutors:natMode: instance\n");
        var run = cli("--stack", "prod", "--dir", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("plan: invalid stack file: Pulumi.prod.yaml, line 2"), run.err());
        assertFalse(run.err().contains("at org.yaml"), "no stack trace");
    }

    @Test
    void compareGivesSideBItsOwnOverridesSoTheSameStackBeforeAndAfterDiffers() {
        var run = cli(
                "--compare",
                "staging",
                "staging",
                "--set-b",
                "natMode=gateway-single",
                "--dir",
                StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("`staging` vs `staging with natMode=gateway-single`"), run.out());
        assertFalse(run.out().contains("**$0.00** |\n"), "a NAT gateway instead of the instance costs more");
        assertTrue(run.out().matches("(?s).*\\| \\*\\*\\+\\$[1-9][0-9.,]*\\*\\* \\|.*"), run.out());
    }

    @Test
    void aValidButProbablyUnwantedPlanWarns() {
        var run = cli(
                "--stack",
                "staging",
                "--unset",
                "domain",
                "--unset",
                "hostedZone",
                "--format",
                "cost",
                "--dir",
                StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("plan: warning: 15 alarms notify nobody"), run.err());
        assertFalse(
                run.err().contains("originSecret"),
                "staging has no CDN: its origin secret is neither stood in nor mentioned");
        var phase3 = cli("--stack", "prod", "--set", "lastPhase=3", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(0, phase3.exit(), phase3.err());
        assertFalse(
                phase3.out().contains("tutors:originSecret") || phase3.err().contains("originSecret"),
                "no CDN before phase 6");
        var prod = cli("--stack", "prod", "--dir", StackRuns.PROJECT_DIR.toString());
        assertTrue(prod.out().contains("tutors:originSecret"), "prod's CDN needs it: it gets a stand-in");
    }
}
