package com.tutors.infra.optimization;

import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regional alarm topic's policy, once a service other than CloudWatch publishes to it: the account
 * administers it; CloudWatch's alarms of this account, SES's events of the mail configuration set and
 * EventBridge's rule for failed scheduled jobs may publish; nothing else.
 */
final class AlarmTopicPolicy {
    private AlarmTopicPolicy() {}

    static String document(
            String topicArn,
            String accountId,
            String region,
            Optional<String> configurationSetArn,
            Optional<String> jobFailuresRuleArn) {
        var doc = PolicyDocument.create()
                .statement(
                        "AccountAdministersTheTopic",
                        "Allow",
                        Map.of("AWS", "arn:aws:iam::" + accountId + ":root"),
                        List.of(
                                "sns:AddPermission",
                                "sns:DeleteTopic",
                                "sns:GetTopicAttributes",
                                "sns:ListSubscriptionsByTopic",
                                "sns:Publish",
                                "sns:RemovePermission",
                                "sns:SetTopicAttributes",
                                "sns:Subscribe"),
                        List.of(topicArn),
                        null)
                .statement(
                        "CloudWatchAlarmsOfThisAccount",
                        "Allow",
                        Map.of("Service", "cloudwatch.amazonaws.com"),
                        List.of("sns:Publish"),
                        List.of(topicArn),
                        Map.of(
                                "ArnLike",
                                Map.of(
                                        "aws:SourceArn",
                                        "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:*")));
        configurationSetArn.ifPresent(set -> doc.statement(
                "SesEventsOfThisConfigurationSet",
                "Allow",
                Map.of("Service", "ses.amazonaws.com"),
                List.of("sns:Publish"),
                List.of(topicArn),
                sourceIs(accountId, set)));
        jobFailuresRuleArn.ifPresent(rule -> doc.statement(
                "EventBridgeRuleOfFailedJobs",
                "Allow",
                Map.of("Service", "events.amazonaws.com"),
                List.of("sns:Publish"),
                List.of(topicArn),
                sourceIs(accountId, rule)));
        return doc.json();
    }

    /** In a fixed order (never a two-key Map.of): the policy must be the same text on every run, or every up diffs. */
    private static Map<String, Object> sourceIs(String accountId, String sourceArn) {
        var condition = new java.util.LinkedHashMap<String, Object>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", accountId));
        condition.put("ArnLike", Map.of("aws:SourceArn", sourceArn));
        return condition;
    }
}
