package com.tutors.infra.bootstrap;

import com.tutors.infra.core.Environment;
import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * The roles GitHub Actions assume, one per kind of job. Each trusts only its own OIDC subject of the
 * one repository, so a pull request cannot assume a deploy role, and staging's cannot touch prod's
 * secrets key. The GitHub environment names are those of {@code .github/workflows}.
 *
 * @param subject   the part of GitHub's {@code sub} claim after {@code repo:<owner>/<repo>:}
 * @param stack     the main stack whose KMS key (and secrets) the role may use
 * @param deploys   runs {@code pulumi up}; otherwise read-only ({@code pulumi preview})
 * @param secret    where the workflows read the role's ARN: docs/ci-cd.md's GitHub table
 */
public enum CiRole {
    PREVIEW("preview", "pull_request", Environment.STAGING, false, "repository secret AWS_PREVIEW_ROLE_ARN"),
    STAGING_READONLY(
            "staging-readonly",
            "environment:staging-readonly",
            Environment.STAGING,
            false,
            "environment staging-readonly: AWS_ROLE_ARN"),
    PROD_READONLY(
            "prod-readonly",
            "environment:production-readonly",
            Environment.PROD,
            false,
            "environment production-readonly: AWS_ROLE_ARN"),
    STAGING_DEPLOY(
            "staging-deploy", "environment:staging", Environment.STAGING, true, "environment staging: AWS_ROLE_ARN"),
    PROD_DEPLOY(
            "prod-deploy", "environment:production", Environment.PROD, true, "environment production: AWS_ROLE_ARN");

    /** GitHub's token issuer, without the scheme (the form IAM condition keys use). */
    public static final String ISSUER = "token.actions.githubusercontent.com";
    /** The audience configure-aws-credentials asks GitHub for. */
    public static final String AUDIENCE = "sts.amazonaws.com";
    /** Two hours: each long step of a deploy re-assumes the role first, so one step (a release, an up) has two hours. */
    public static final int SESSION_SECONDS = 7200;

    private final String id;
    private final String subject;
    private final Environment stack;
    private final boolean deploys;
    private final String secret;

    CiRole(String id, String subject, Environment stack, boolean deploys, String secret) {
        this.id = id;
        this.subject = subject;
        this.stack = stack;
        this.deploys = deploys;
        this.secret = secret;
    }

    /** {@code tutors-ci-<id>}: outside every deploy role's {@code tutors-<stack>-*} names, so no role can edit another. */
    public String roleName() {
        return "tutors-ci-" + id;
    }

    /** The part of GitHub's {@code sub} claim after {@code repo:<owner>/<repo>:}. */
    public String subject() {
        return subject;
    }

    public String id() {
        return id;
    }

    public Environment stack() {
        return stack;
    }

    public boolean deploys() {
        return deploys;
    }

    public String secret() {
        return secret;
    }

    /** Every accepted {@code sub} value: this role's subject under each of the repository's prefixes. */
    public List<String> subjects(BootstrapSettings settings) {
        return settings.subjectPrefixes().stream().map(p -> p + subject).toList();
    }

    public static String oidcProviderArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + ISSUER;
    }

    /** Web-identity trust: GitHub's provider, our audience, exactly this role's subject(s). */
    public String trustPolicy(BootstrapSettings settings) {
        return PolicyDocument.create()
                .statement(
                        "GithubActionsOfThisRepository",
                        "Allow",
                        Map.of("Federated", oidcProviderArn(settings.accountId())),
                        List.of("sts:AssumeRoleWithWebIdentity"),
                        null,
                        Map.of(
                                "StringEquals",
                                new java.util.TreeMap<>(
                                        Map.of(ISSUER + ":aud", AUDIENCE, ISSUER + ":sub", subjects(settings)))))
                .json();
    }
}
