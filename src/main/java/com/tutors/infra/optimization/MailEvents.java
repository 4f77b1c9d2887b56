package com.tutors.infra.optimization;

import com.pulumi.aws.sesv2.ConfigurationSetEventDestination;
import com.pulumi.aws.sesv2.ConfigurationSetEventDestinationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationSnsDestinationArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.edge.EdgeOutputs;
import com.tutors.infra.policy.PolicyDocument;

import java.util.List;
import java.util.Map;

/**
 * The mail configuration set's bounce, complaint and rejection events, to the alarm topic: the team
 * hears of each one (SES already suppresses the address), and the rate alarms watch the trend.
 */
final class MailEvents {
    private MailEvents() {
    }

    /** What reaches people: what hurts deliverability or never left. Deliveries and opens would drown it. */
    static final List<String> EVENTS = List.of("BOUNCE", "COMPLAINT", "REJECT", "RENDERING_FAILURE");

    static void declare(Optimization.Args args, EdgeOutputs.Mail mail, Output<String> topic, CustomResourceOptions child) {
        var names = args.names();
        // SES must be allowed to publish before the destination is created (SES checks when it is set).
        var policy = new TopicPolicy(names.name("alarms-policy"), TopicPolicyArgs.builder()
                .arn(topic)
                .policy(Output.tuple(topic, args.accountId(), mail.configurationSetArn())
                        .applyValue(t -> topicPolicy(t.t1, t.t2, args.region(), t.t3)))
                .build(), child);
        new ConfigurationSetEventDestination(names.name("mail-events"), ConfigurationSetEventDestinationArgs.builder()
                .configurationSetName(mail.configurationSetName())
                .eventDestinationName(names.name("mail-events"))
                .eventDestination(ConfigurationSetEventDestinationEventDestinationArgs.builder()
                        .enabled(true)
                        .matchingEventTypes(EVENTS)
                        .snsDestination(ConfigurationSetEventDestinationEventDestinationSnsDestinationArgs.builder()
                                .topicArn(topic).build())
                        .build())
                .build(), CustomResourceOptions.merge(child, CustomResourceOptions.builder().dependsOn(policy).build()));
    }

    /**
     * The alarm topic's policy once SES publishes to it: the account administers it, CloudWatch's alarms
     * of this account and SES's events of this configuration set may publish, nothing else.
     */
    static String topicPolicy(String topicArn, String accountId, String region, String configurationSetArn) {
        return PolicyDocument.create()
                .statement("AccountAdministersTheTopic", "Allow", Map.of("AWS", "arn:aws:iam::" + accountId + ":root"),
                        List.of("sns:AddPermission", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic",
                                "sns:Publish", "sns:RemovePermission", "sns:SetTopicAttributes", "sns:Subscribe"),
                        List.of(topicArn), null)
                .statement("CloudWatchAlarmsOfThisAccount", "Allow", Map.of("Service", "cloudwatch.amazonaws.com"),
                        List.of("sns:Publish"), List.of(topicArn), Map.of("ArnLike",
                                Map.of("aws:SourceArn", "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:*")))
                .statement("SesEventsOfThisConfigurationSet", "Allow", Map.of("Service", "ses.amazonaws.com"),
                        List.of("sns:Publish"), List.of(topicArn), sesCondition(accountId, configurationSetArn))
                .json();
    }

    /** In a fixed order (never a two-key Map.of): the policy must be the same text on every run, or every up diffs. */
    private static Map<String, Object> sesCondition(String accountId, String configurationSetArn) {
        var condition = new java.util.LinkedHashMap<String, Object>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", accountId));
        condition.put("ArnLike", Map.of("aws:SourceArn", configurationSetArn));
        return condition;
    }
}
