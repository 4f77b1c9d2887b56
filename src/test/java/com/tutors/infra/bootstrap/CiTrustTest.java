package com.tutors.infra.bootstrap;

import static com.tutors.infra.bootstrap.BootstrapRuns.named;
import static com.tutors.infra.bootstrap.BootstrapRuns.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each GitHub role admits exactly its own job of exactly this repository, and nothing else. */
class CiTrustTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String REPO = "repo:tutors-marketplace/tutors-infra:";

    /** Written out by hand from the workflows' environments (not from CiRole). */
    private static final Map<String, String> SUBJECTS = new TreeMap<>(Map.of(
            "tutors-ci-preview", "pull_request",
            "tutors-ci-staging-readonly", "environment:staging-readonly",
            "tutors-ci-prod-readonly", "environment:production-readonly",
            "tutors-ci-staging-deploy", "environment:staging",
            "tutors-ci-prod-deploy", "environment:production"));

    @Test
    @SuppressWarnings("unchecked")
    void everyRoleTrustsGithubsAudienceAndOnlyItsOwnSubject() {
        var result = BootstrapRuns.committed();
        assertEquals(
                SUBJECTS.keySet(),
                new java.util.TreeSet<>(BootstrapRuns.ofType(result, ROLE).stream()
                        .map(r -> r.name())
                        .toList()));
        for (var entry : SUBJECTS.entrySet()) {
            var role = named(result, ROLE, entry.getKey());
            assertEquals(entry.getKey(), role.input("name"));
            assertEquals(7200.0, role.input("maxSessionDuration"));
            var trust = statements(role.input("assumeRolePolicy"));
            assertEquals(1, trust.size(), entry.getKey());
            var s = trust.get(0);
            assertEquals("Allow", s.get("Effect"));
            assertEquals(
                    Map.of("Federated", "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"),
                    s.get("Principal"));
            assertEquals(List.of("sts:AssumeRoleWithWebIdentity"), s.get("Action"));
            // StringEquals on both claims: no wildcard admits another branch, environment or repository.
            assertEquals(
                    Map.of(
                            "StringEquals",
                            Map.of(
                                    "token.actions.githubusercontent.com:aud",
                                    "sts.amazonaws.com",
                                    "token.actions.githubusercontent.com:sub",
                                    List.of(REPO + entry.getValue()))),
                    s.get("Condition"),
                    entry.getKey());
            assertTrue(
                    role.dependencies()
                            .contains(named(
                                            result,
                                            "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
                                            "tutors-github-oidc")
                                    .urn()),
                    "IAM refuses a federated principal that does not exist yet");
        }
    }

    @Test
    void theImmutableSubjectFormIsAddedWhenTheIdsAreKnown() {
        var result = BootstrapRuns.with(Map.of("tutors-bootstrap:githubRepositoryIds", "42/4242"));
        var s = statements(named(result, ROLE, "tutors-ci-prod-deploy").input("assumeRolePolicy"))
                .get(0);
        assertEquals(
                List.of(
                        REPO + "environment:production",
                        "repo:tutors-marketplace@42/tutors-infra@4242:environment:production"),
                ((Map<?, ?>) ((Map<?, ?>) s.get("Condition")).get("StringEquals"))
                        .get("token.actions.githubusercontent.com:sub"));
    }

    @Test
    void githubsProviderAndTheSecretsTableOutputs() {
        var result = BootstrapRuns.committed();
        var oidc = named(result, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "tutors-github-oidc");
        assertEquals("https://token.actions.githubusercontent.com", oidc.input("url"));
        assertEquals(List.of("sts.amazonaws.com"), oidc.input("clientIdLists"));
        var table = new TreeMap<>(Map.of(
                "repository secret PULUMI_BACKEND_URL", "s3://tutors-pulumi-state-123456789012?region=eu-central-1",
                "repository secret AWS_PREVIEW_ROLE_ARN", "arn:aws:iam::123456789012:role/tutors-ci-preview",
                "environment staging-readonly: AWS_ROLE_ARN",
                        "arn:aws:iam::123456789012:role/tutors-ci-staging-readonly",
                "environment production-readonly: AWS_ROLE_ARN",
                        "arn:aws:iam::123456789012:role/tutors-ci-prod-readonly",
                "environment staging: AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/tutors-ci-staging-deploy",
                "environment production: AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/tutors-ci-prod-deploy"));
        assertEquals(table, new TreeMap<>((Map<?, ?>) result.outputs().get("githubSecrets")));
        assertEquals(
                Map.of(
                        "prod",
                                "pulumi stack init prod --secrets-provider \"awskms://alias/tutors-prod-pulumi?region=eu-central-1\"",
                        "staging",
                                "pulumi stack init staging --secrets-provider \"awskms://alias/tutors-staging-pulumi?region=eu-central-1\""),
                result.outputs().get("stackInitCommands"));
        assertEquals(
                "arn:aws:iam::123456789012:policy/tutors-workload-boundary",
                result.outputs().get("permissionsBoundaryArn"));
    }

    @Test
    void theWorkflowsUseTheEnvironmentsTheRolesTrust() throws java.io.IOException {
        var workflows = new StringBuilder();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(".github/workflows"))) {
            for (var f : files.sorted().toList()) {
                workflows.append(java.nio.file.Files.readString(f));
            }
        }
        for (var env : List.of("staging-readonly", "production-readonly", "staging", "production")) {
            assertTrue(
                    workflows.toString().matches("(?s).*environment:\\s*(name:\\s*)?" + env + "\\b.*")
                            || workflows.toString().contains("environment: " + env),
                    env);
        }
        assertTrue(workflows.toString().contains("AWS_PREVIEW_ROLE_ARN"));
    }
}
