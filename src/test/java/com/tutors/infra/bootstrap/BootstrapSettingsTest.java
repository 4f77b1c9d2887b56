package com.tutors.infra.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.config.SettingsException;
import com.tutors.infra.plan.StackFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapSettingsTest {

    static final Path DIR = Path.of("bootstrap");

    static Map<String, String> committed() {
        return StackFile.read(DIR, "account").values();
    }

    static BootstrapSettings parse(Map<String, String> values) {
        return BootstrapSettings.parse(ConfigSource.of(values, "account", java.util.Set.of()));
    }

    static List<String> problems(Map<String, String> overrides) {
        var values = new HashMap<>(committed());
        overrides.forEach((k, v) -> {
            if (v == null) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        return assertThrows(SettingsException.class, () -> parse(values)).problems();
    }

    @Test
    void theDocsKeyTableIsTheCodesAndTheAccountFilesOwn() throws java.io.IOException {
        var doc = java.nio.file.Files.readString(com.tutors.infra.StackRuns.PROJECT_DIR.resolve("docs/ci-cd.md"));
        assertTrue(
                doc.contains(BootstrapDocs.table(committed())),
                "regenerate: java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs");
        assertTrue(
                doc.contains("| `tutors-bootstrap:stateVersionDays` | Days an overwritten or deleted state file stays "
                        + "recoverable | 1 to 3,650 | `90` |"),
                "the rule's range, not prose");
    }

    @Test
    void theCommittedStackFileParsesWithItsDefaults() {
        var s = parse(committed());
        assertEquals("eu-central-1", s.region());
        assertEquals("123456789012", s.accountId());
        assertEquals("tutors-marketplace", s.githubOwner());
        assertEquals("tutors-infra", s.githubRepository());
        assertEquals(Optional.empty(), s.githubIds());
        assertEquals("tutors-pulumi-state-123456789012", s.stateBucket(), "unique per account by default");
        assertEquals(90, s.stateVersionDays());
        assertEquals(List.of("repo:tutors-marketplace/tutors-infra:"), s.subjectPrefixes());
    }

    @Test
    void everyBadValueIsReportedAtOnceNamingKeyValueAndWhatIsAllowed() {
        var problems = problems(Map.of(
                "aws:region", "eu-centrl-1",
                "tutors-bootstrap:accountId", "12345",
                "tutors-bootstrap:githubRepository", "-bad/repo",
                "tutors-bootstrap:githubRepositoryIds", "abc/1",
                "tutors-bootstrap:stateBucket", "Tutors_State",
                "tutors-bootstrap:stateVersionDays", "0",
                "tutors-bootstrap:acountId", "123456789012"));
        assertEquals(
                List.of(
                        "tutors-bootstrap:acountId: not a key of the bootstrap stack; known keys: aws:region, tutors-bootstrap:accountId, "
                                + "tutors-bootstrap:githubRepository, tutors-bootstrap:githubRepositoryIds, tutors-bootstrap:stateBucket, "
                                + "tutors-bootstrap:stateVersionDays, tutors-bootstrap:prodDomain, tutors-bootstrap:stagingDomain",
                        "aws:region = 'eu-centrl-1': not a commercial AWS region (did you mean eu-central-1?); allowed: "
                                + String.join(", ", com.tutors.infra.config.Regions.ALL),
                        "tutors-bootstrap:accountId = '12345': not an AWS account id; allowed: 12 digits, as `aws sts get-caller-identity "
                                + "--query Account` prints it",
                        "tutors-bootstrap:githubRepository = '-bad/repo': owner '-bad' is no GitHub name; allowed: letters, digits and "
                                + "single inner hyphens, at most 39",
                        "tutors-bootstrap:githubRepositoryIds = 'abc/1': not ownerId/repositoryId; allowed: two numbers, as `gh api "
                                + "repos/<owner>/<repo> --jq '\"\\(.owner.id)/\\(.id)\"'` prints them",
                        "tutors-bootstrap:stateBucket = 'Tutors_State': not an S3 bucket name; allowed: 3 to 63 lowercase letters, "
                                + "digits, '-' and '.', starting and ending with a letter or digit",
                        "tutors-bootstrap:stateVersionDays = '0': out of range; allowed: 1 to 3650"),
                problems);
    }

    @Test
    void requiredKeysNameTheCommandThatSetsThem() {
        var problems = problems(java.util.Collections.singletonMap("tutors-bootstrap:githubRepository", null));
        assertEquals(
                List.of("tutors-bootstrap:githubRepository = missing; set it with: pulumi config set "
                        + "tutors-bootstrap:githubRepository <value> (owner/repository on GitHub whose workflows may assume the CI "
                        + "roles (exact case))"),
                problems);
        var none = assertThrows(SettingsException.class, () -> parse(Map.of())).problems();
        assertEquals(5, none.size(), none.toString()); // region, account, repository and the two domains
        assertTrue(
                none.stream().allMatch(p -> p.contains("missing; set it with: pulumi config set ")), none.toString());
    }

    @Test
    void repositoryAndBucketEdges() {
        assertTrue(problems(Map.of("tutors-bootstrap:githubRepository", "owner"))
                .get(0)
                .endsWith("not owner/repository; allowed: e.g. tutors-marketplace/tutors-infra"));
        assertTrue(problems(Map.of("tutors-bootstrap:githubRepository", "a/b/c"))
                .get(0)
                .contains("not owner/repository"));
        assertTrue(problems(Map.of("tutors-bootstrap:githubRepository", "owner/.."))
                .get(0)
                .contains("repository '..' is no GitHub name"));
        assertTrue(problems(Map.of("tutors-bootstrap:githubRepository", "own--er/x"))
                .get(0)
                .contains("owner 'own--er'"));
        assertTrue(problems(Map.of("tutors-bootstrap:githubRepository", "a".repeat(40) + "/x"))
                .get(0)
                .contains("at most 39"));
        var ok = new HashMap<>(committed());
        ok.put("tutors-bootstrap:githubRepository", "a".repeat(39) + "/Repo.name_x-1");
        ok.put("tutors-bootstrap:githubRepositoryIds", "1234/98765");
        ok.put("tutors-bootstrap:stateBucket", "my.state-bucket");
        var s = parse(ok);
        assertEquals(
                List.of(
                        "repo:" + "a".repeat(39) + "/Repo.name_x-1:",
                        "repo:" + "a".repeat(39) + "@1234/Repo.name_x-1@98765:"),
                s.subjectPrefixes());
        assertEquals("my.state-bucket", s.stateBucket());
        for (var bad : List.of(
                "ab", "a..b", "192.168.1.1", "xn--state", "state-s3alias", "-state", "state-", "a".repeat(64))) {
            assertTrue(
                    problems(Map.of("tutors-bootstrap:stateBucket", bad)).get(0).contains("not an S3 bucket name"),
                    bad);
        }
        assertEquals(
                List.of("tutors-bootstrap:stateBucket = 'tutors-prod-state': inside the prod deploy role's buckets "
                        + "(tutors-prod-*); allowed: any other name, e.g. tutors-pulumi-state-<accountId>"),
                problems(Map.of("tutors-bootstrap:stateBucket", "tutors-prod-state")));
        assertTrue(problems(Map.of("tutors-bootstrap:stateBucket", "tutors-staging-x"))
                .get(0)
                .contains("staging deploy role"));
        assertEquals(
                3650, parse(with("tutors-bootstrap:stateVersionDays", "3650")).stateVersionDays());
        assertTrue(problems(Map.of("tutors-bootstrap:stateVersionDays", "3651"))
                .get(0)
                .contains("out of range"));
    }

    private static Map<String, String> with(String key, String value) {
        var values = new HashMap<>(committed());
        values.put(key, value);
        return values;
    }

    @Test
    void badConfigurationRegistersNothing() {
        var values = new HashMap<>(committed());
        values.put("tutors-bootstrap:accountId", "nope");
        var result = com.tutors.infra.plan.OfflineRun.execute(
                BootstrapSettings.PROJECT,
                Bootstrap::program,
                "account",
                values,
                java.util.Set.of(),
                java.util.Set.of(),
                true);
        assertEquals(
                List.of("tutors-bootstrap:accountId = 'nope': not an AWS account id; allowed: 12 digits, as `aws sts "
                        + "get-caller-identity --query Account` prints it"),
                result.problems());
        assertTrue(result.resources().stream().noneMatch(r -> r.custom()), "no provider, no resource");
    }
}
