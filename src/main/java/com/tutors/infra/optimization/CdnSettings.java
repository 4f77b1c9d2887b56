package com.tutors.infra.optimization;

import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/** CloudFront and WAF constants of phase 6, in one place. */
public final class CdnSettings {
    private CdnSettings() {}

    public static final int ONE_YEAR = 31_536_000;
    public static final int ONE_DAY = 86_400;

    // AWS managed policies (fixed ids, the same in every account).
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** Forwards every header (Host included), cookie and query string: Django and NextAuth see the real request. */
    public static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    /** CloudFront's own hosted zone, for alias records to any distribution. */
    public static final String CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

    public static final String ALB_ORIGIN = "alb";
    public static final String STATIC_ORIGIN = "static";
    public static final String MEDIA_ORIGIN = "media";

    /** The plan's cache behaviours: path, origin, TTL (seconds). */
    public record Behaviour(String path, String origin, int ttl) {}

    public static final List<Behaviour> BEHAVIOURS = List.of(
            new Behaviour("/_next/static/*", ALB_ORIGIN, ONE_YEAR), // content-hashed: never changes
            new Behaviour("/static/*", STATIC_ORIGIN, ONE_DAY),
            new Behaviour("/media/*", MEDIA_ORIGIN, ONE_DAY));

    /** Managed rule groups, in evaluation order after the geo and rate rules. */
    public static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");

    /**
     * The Common rule set blocks request bodies over 8 KB (SizeRestrictions_BODY), which would break
     * uploads through the API; that one rule only counts.
     */
    public static final String COUNT_ONLY_RULE = "SizeRestrictions_BODY";

    /**
     * Managed rules that inspect request bodies and routinely flag file uploads (binary data reads as
     * script, SQL or paths): counted in their groups, and blocked by the web ACL's own rule everywhere
     * but the upload paths, through the labels they add. Group name to rule names.
     */
    public static final Map<String, List<String>> BODY_RULES = Map.of(
            "AWSManagedRulesCommonRuleSet", List.of("CrossSiteScripting_BODY", "GenericLFI_BODY"),
            "AWSManagedRulesSQLiRuleSet", List.of("SQLi_BODY"));

    /** The labels those rules add (AWS Managed Rules' documentation), matched by the blocking rule. */
    public static final List<String> BODY_LABELS = List.of(
            "awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body",
            "awswaf:managed:aws:core-rule-set:GenericLFI_Body",
            "awswaf:managed:aws:sql-database:SQLi_Body");

    /** Request headers WAF's logs never keep (lowercase, as the provider requires). */
    public static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie");

    /** The WAF actions whose requests are logged. */
    public static final List<String> LOGGED_ACTIONS = List.of("BLOCK", "COUNT");

    /**
     * The alarm topic's key: CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS
     * key, so the stack has its own, usable by CloudWatch for exactly that. ("Resource": "*" in a key
     * policy means this key.)
     */
    public static String alarmKeyPolicy(String accountId) {
        return alarmKeyPolicy(accountId, false, false);
    }

    /**
     * @param mail SES publishes the domain's bounce and complaint events to the topic too (this account's only)
     * @param jobs EventBridge publishes failed scheduled jobs (this account's rules only)
     */
    public static String alarmKeyPolicy(String accountId, boolean mail, boolean jobs) {
        var doc = PolicyDocument.create()
                .statement(
                        "AccountAdministersTheKey",
                        "Allow",
                        Map.of("AWS", "arn:aws:iam::" + accountId + ":root"),
                        List.of("kms:*"),
                        List.of("*"),
                        null)
                .statement(
                        "CloudWatchPublishesAlarms",
                        "Allow",
                        Map.of("Service", "cloudwatch.amazonaws.com"),
                        List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        List.of("*"),
                        null);
        if (mail) {
            doc.statement(
                    "SesPublishesMailEvents",
                    "Allow",
                    Map.of("Service", "ses.amazonaws.com"),
                    List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                    List.of("*"),
                    Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        }
        if (jobs) {
            doc.statement(
                    "EventBridgePublishesFailedJobs",
                    "Allow",
                    Map.of("Service", "events.amazonaws.com"),
                    List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                    List.of("*"),
                    Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        }
        return doc.json();
    }
}
