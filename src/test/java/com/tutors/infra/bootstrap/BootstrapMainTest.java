package com.tutors.infra.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap jar's offline plan: what the README runs, its exit codes, and no stack trace for a typo. */
class BootstrapMainTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = BootstrapMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlanListsEveryResourceAndTheOutputs() {
        var text = run("plan");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("Stack tutors-bootstrap/account: 43 AWS resources\n"), text.out());
        assertTrue(text.out().contains("  + aws:s3/bucketV2:BucketV2  tutors-pulumi-state  [protected]\n"));
        assertTrue(text.out()
                .contains("  permissionsBoundaryArn: arn:aws:iam::123456789012:policy/tutors-workload-boundary\n"));
        var json = run("plan", "--json", "--stack", "account", "--dir", "bootstrap");
        assertEquals(0, json.exit(), json.err());
        var doc = new Gson().fromJson(json.out(), Map.class);
        assertEquals("tutors-bootstrap", doc.get("project"));
        var resources = (List<Map<String, Object>>) doc.get("resources");
        assertEquals(43, resources.size());
        assertEquals(
                Map.of(
                        "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
                        1.0,
                        "aws:iam/policy:Policy",
                        12.0,
                        "aws:iam/role:Role",
                        5.0,
                        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                        14.0,
                        "aws:kms/key:Key",
                        2.0,
                        "aws:kms/alias:Alias",
                        2.0),
                countsOf(resources, "aws:iam", "aws:kms"));
        assertEquals(
                7,
                resources.stream()
                        .filter(r -> ((String) r.get("type")).startsWith("aws:s3/"))
                        .count());
    }

    private static Map<String, Double> countsOf(List<Map<String, Object>> resources, String... prefixes) {
        var counts = new java.util.TreeMap<String, Double>();
        resources.stream()
                .map(r -> (String) r.get("type"))
                .filter(t -> List.of(prefixes).stream().anyMatch(t::startsWith))
                .forEach(t -> counts.merge(t, 1.0, Double::sum));
        return counts;
    }

    @Test
    void theProjectFileRunsTheJarTheBuildMakes() throws java.io.IOException {
        var project = Files.readString(java.nio.file.Path.of("bootstrap/Pulumi.yaml"));
        assertTrue(
                project.matches("(?s)(.*\n)?name: " + BootstrapSettings.PROJECT + "\n.*"),
                "the config namespace the program reads");
        assertTrue(project.contains("binary: ../target/tutors-infra-bootstrap.jar"), project);
        var pom = Files.readString(java.nio.file.Path.of("pom.xml"));
        assertTrue(
                pom.contains("<finalName>tutors-infra</finalName>")
                        && pom.contains("<classifier>bootstrap</classifier>")
                        && pom.contains("<mainClass>" + BootstrapMain.class.getName() + "</mainClass>"),
                "target/tutors-infra-bootstrap.jar");
    }

    @Test
    void badArgumentsAndBadConfigurationFailPlainly() throws java.io.IOException {
        assertEquals(2, run("plan", "--stack").exit());
        assertEquals(2, run("plan", "--frobnicate").exit());
        assertEquals(2, run("deploy").exit());
        var missing = run("plan", "--stack", "nope");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("plan: unknown stack 'nope'"), missing.err());
        var dir = Files.createTempDirectory("bootstrap");
        Files.writeString(
                dir.resolve("Pulumi.account.yaml"),
                "config:\n  aws:region: eu-central-1\n"
                        + "  tutors-bootstrap:accountId: \"12\"\n  tutors-bootstrap:githubRepository: a/b\n"
                        + "  tutors-bootstrap:prodDomain: example.com\n  tutors-bootstrap:stagingDomain: staging.example.com\n");
        var bad = run("plan", "--dir", dir.toString());
        assertEquals(1, bad.exit());
        assertEquals(
                "plan: invalid configuration for bootstrap stack 'account':\n  - tutors-bootstrap:accountId = '12': not an AWS "
                        + "account id; allowed: 12 digits, as `aws sts get-caller-identity --query Account` prints it\n",
                bad.err());
        assertEquals("", bad.out());
    }
}
