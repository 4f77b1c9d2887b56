package com.tutors.infra.optimization;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.compute.ComputeOutputs;
import com.tutors.infra.core.Outputs;
import com.tutors.infra.core.Runbook;
import com.tutors.infra.edge.EdgeOutputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The {@link AlarmTable} as CloudWatch alarms, notifying an SNS topic under the stack's own KMS key. */
final class AlarmSet {
    private AlarmSet() {}

    /**
     * The regional alarms, and with the CDN those whose metrics only exist in us-east-1 (CloudFront's
     * error rate, WAF's blocked requests for a CLOUDFRONT web ACL), with a topic of their own there:
     * an alarm can only notify a topic in its own region.
     *
     * @return the regional topic's ARN
     */
    static Output<String> declare(
            OptimizationArgs args,
            CustomResourceOptions child,
            Optional<CustomResourceOptions> global,
            Optional<Output<String>> distributionId,
            Optional<Output<String>> webAclName) {
        var mail = args.edge().mail();
        var jobs = args.compute().jobFamilies();
        var topic = topic(args, "alarms", child, mail.isPresent(), !jobs.isEmpty());
        alarms(
                args,
                AlarmTable.all(
                        watched(args.compute()),
                        args.data().redisNodes(),
                        args.compute().sleepsOutsideOfficeHours(),
                        mail.isPresent()),
                topic,
                child,
                d -> value(d, args));
        if (mail.isPresent() || !jobs.isEmpty()) {
            var names = args.names();
            var configurationSet = mail.map(EdgeOutputs.Mail::configurationSetArn);
            var policy = new TopicPolicy(
                    names.name("alarms-policy"),
                    TopicPolicyArgs.builder()
                            .arn(topic)
                            .policy(Output.tuple(topic, args.accountId(), configurationSet.orElse(Output.of("")))
                                    .applyValue(t -> AlarmTopicPolicy.document(
                                            t.t1,
                                            t.t2,
                                            args.region(),
                                            mail.map(m -> t.t3),
                                            jobs.isEmpty()
                                                    ? Optional.empty()
                                                    : Optional.of(JobFailures.ruleArn(names, args.region(), t.t2)))))
                            .build(),
                    child);
            mail.ifPresent(m -> MailEvents.declare(args, m, topic, policy, child));
            if (!jobs.isEmpty()) {
                JobFailures.declare(names, jobs, topic, policy, child);
            }
        }
        if (global.isPresent() && distributionId.isPresent()) {
            var globalTopic = topic(args, "alarms-global", global.get(), false, false);
            alarms(
                    args,
                    AlarmTable.global(webAclName.isPresent()),
                    globalTopic,
                    global.get(),
                    d -> switch ((Alarms.Watched) d) {
                        case DISTRIBUTION -> distributionId.get();
                        case WEB_ACL -> webAclName.orElseThrow();
                        default -> value(d, args);
                    });
        }
        return topic;
    }

    /**
     * An SNS topic under a key of the stack's own (CloudWatch cannot publish to one under the AWS-managed
     * key); with mail, SES may use the key too, for the bounce and complaint events; with scheduled jobs, EventBridge.
     */
    private static Output<String> topic(
            OptimizationArgs args, String part, CustomResourceOptions options, boolean mail, boolean jobs) {
        var names = args.names();
        var key = new Key(
                names.name(part),
                KeyArgs.builder()
                        .description("Encrypts the " + names.name(part) + " SNS topic; CloudWatch may use it")
                        .enableKeyRotation(true)
                        .deletionWindowInDays(30)
                        .policy(args.accountId().applyValue(account -> CdnSettings.alarmKeyPolicy(account, mail, jobs)))
                        .build(),
                options);
        new Alias(
                names.name(part),
                AliasArgs.builder()
                        .name("alias/" + names.name(part))
                        .targetKeyId(key.keyId())
                        .build(),
                options);
        var topic = new Topic(
                names.name(part),
                TopicArgs.builder()
                        .name(names.name(part))
                        .kmsMasterKeyId(key.arn())
                        .build(),
                options);
        args.settings()
                .alarmEmail()
                .ifPresent(email -> new TopicSubscription(
                        names.name(part + "-email"),
                        TopicSubscriptionArgs.builder()
                                .topic(topic.arn())
                                .protocol("email")
                                .endpoint(email)
                                .build(),
                        options));
        return topic.arn();
    }

    private static void alarms(
            OptimizationArgs args,
            List<Alarms> table,
            Output<String> topic,
            CustomResourceOptions options,
            Function<Alarms.Dimension, Output<String>> ids) {
        var names = args.names();
        for (var alarm : table) {
            Output<Map<String, String>> dimensions = Outputs.keyed(
                    alarm.dimensions(),
                    Alarms.Dimension::cloudWatchName,
                    d -> d instanceof Alarms.Fixed f ? Output.of(f.value()) : ids.apply(d));
            var alarmArgs = MetricAlarmArgs.builder()
                    .name(names.name(alarm.part()))
                    .alarmDescription(Runbook.alarm(alarm.description()))
                    .comparisonOperator(alarm.comparisonOperator())
                    .threshold(alarm.threshold())
                    .evaluationPeriods(alarm.evaluationPeriods())
                    .datapointsToAlarm(alarm.datapointsToAlarm())
                    .treatMissingData(alarm.missingData())
                    .alarmActions(topic.applyValue(List::of))
                    .okActions(topic.applyValue(List::of));
            if (alarm.per().isPresent()) {
                // A ratio: both metrics as queries and the expression as the one returned (the provider refuses
                // metricName, statistic and period beside metric queries).
                alarmArgs.metricQueries(
                        query("m1", alarm.namespace(), alarm.metric(), alarm.periodSeconds(), dimensions),
                        query("m2", alarm.namespace(), alarm.per().get(), alarm.periodSeconds(), dimensions),
                        MetricAlarmMetricQueryArgs.builder()
                                .id("e1")
                                .expression(alarm.expression())
                                .label(alarm.metric() + " per " + alarm.per().get() + " (%)")
                                .returnData(true)
                                .build());
            } else {
                alarmArgs
                        .namespace(alarm.namespace())
                        .metricName(alarm.metric())
                        .statistic(alarm.statistic())
                        .dimensions(dimensions)
                        .period(alarm.periodSeconds());
            }
            new MetricAlarm(names.name(alarm.part()), alarmArgs.build(), options);
        }
    }

    /** One metric of a ratio alarm, summed over the period. */
    private static MetricAlarmMetricQueryArgs query(
            String id, String namespace, String metric, int period, Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace)
                        .metricName(metric)
                        .stat("Sum")
                        .period(period)
                        .dimensions(dimensions)
                        .build())
                .returnData(false)
                .build();
    }

    /** Phase 4's services as the alarm table takes them. */
    static List<Alarms.Service> watched(ComputeOutputs compute) {
        return compute.services().stream()
                .map(s -> new Alarms.Service(s.part(), s.web()))
                .toList();
    }

    /** The id a dimension takes, from the phase that owns the watched resource. */
    private static Output<String> value(Alarms.Dimension dimension, OptimizationArgs args) {
        if (dimension instanceof Alarms.CacheNode node) {
            // The group's own list of member clusters, not a name built by convention.
            return args.data().cacheClusterIds().applyValue(ids -> ids.get(node.number() - 1));
        }
        if (dimension instanceof Alarms.ServiceOf service) {
            // phase 6 implies phase 5: the services exist
            return args.compute().serviceName(service.part()).orElseThrow();
        }
        if (dimension instanceof Alarms.TargetGroupOf group) {
            return args.edge().targetGroups().byPart().get(group.part()).arnSuffix();
        }
        if (!(dimension instanceof Alarms.Watched watched)) {
            throw new IllegalArgumentException("no id for " + dimension);
        }
        return switch (watched) {
            case CLUSTER -> args.compute().ecsClusterName();
            case LOAD_BALANCER -> args.edge().albArnSuffix();
            case DB -> args.data().rdsIdentifier();
            case MAIL_CONFIGURATION_SET ->
                Output.of(args.edge().mail().orElseThrow().configurationSetName());
            case DISTRIBUTION, WEB_ACL -> throw new IllegalArgumentException(watched + " is a us-east-1 dimension");
        };
    }
}
