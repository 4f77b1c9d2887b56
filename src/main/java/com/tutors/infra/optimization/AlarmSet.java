package com.tutors.infra.optimization;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Outputs;

import java.util.List;
import java.util.Map;

/** The {@link Alarms} table as CloudWatch alarms, notifying an SNS topic under the stack's own KMS key. */
final class AlarmSet {
    private AlarmSet() {
    }

    /** @return the topic's ARN */
    static Output<String> declare(Optimization.Args args, CustomResourceOptions child) {
        var names = args.names();
        var key = new Key(names.name("alarms"), KeyArgs.builder()
                .description("Encrypts the " + names.name("alarms") + " SNS topic; CloudWatch may use it")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(args.accountId().applyValue(CdnSettings::alarmKeyPolicy))
                .build(), child);
        new Alias(names.name("alarms"), AliasArgs.builder()
                .name("alias/" + names.name("alarms")).targetKeyId(key.keyId()).build(), child);
        var topic = new Topic(names.name("alarms"), TopicArgs.builder()
                .name(names.name("alarms"))
                .kmsMasterKeyId(key.arn())
                .build(), child);
        args.settings().alarmEmail().ifPresent(email -> new TopicSubscription(names.name("alarms-email"),
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child));

        for (var alarm : Alarms.all(args.data().redisNodes())) {
            Output<Map<String, String>> dimensions = Outputs.keyed(alarm.dimensions(), Alarms.Dimension::cloudWatchName,
                    d -> value(d, args));
            new MetricAlarm(names.name(alarm.part()), MetricAlarmArgs.builder()
                    .name(names.name(alarm.part()))
                    .alarmDescription(alarm.description())
                    .namespace(alarm.namespace())
                    .metricName(alarm.metric())
                    .statistic(alarm.statistic())
                    .dimensions(dimensions)
                    .comparisonOperator(alarm.comparisonOperator())
                    .threshold(alarm.threshold())
                    .period(alarm.periodSeconds())
                    .evaluationPeriods(alarm.evaluationPeriods())
                    .datapointsToAlarm(alarm.datapointsToAlarm())
                    .treatMissingData(alarm.missingData())
                    .alarmActions(topic.arn().applyValue(List::of))
                    .okActions(topic.arn().applyValue(List::of))
                    .build(), child);
        }
        return topic.arn();
    }

    /** The id a dimension takes, from the phase that owns the watched resource. */
    private static Output<String> value(Alarms.Dimension dimension, Optimization.Args args) {
        if (dimension instanceof Alarms.CacheNode node) {
            // The group's own list of member clusters, not a name built by convention.
            return args.data().cacheClusterIds().applyValue(ids -> ids.get(node.number() - 1));
        }
        var compute = args.compute();
        var targets = args.edge().targetGroups();
        return switch ((Alarms.Watched) dimension) {
            case CLUSTER -> compute.ecsClusterName();
            case BACKEND_SERVICE -> compute.backendServiceName().orElseThrow(); // phase 6 implies phase 5: the services exist
            case FRONTEND_SERVICE -> compute.frontendServiceName().orElseThrow();
            case LOAD_BALANCER -> args.edge().albArnSuffix();
            case BACKEND_TG -> targets.backendArnSuffix();
            case FRONTEND_TG -> targets.frontendArnSuffix();
            case DB -> args.data().rdsIdentifier();
        };
    }
}
