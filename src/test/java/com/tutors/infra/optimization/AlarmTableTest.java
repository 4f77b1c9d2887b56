package com.tutors.infra.optimization;

import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.TargetGroup;
import com.tutors.infra.AlarmInputs;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every alarm of the committed prod stack against a table written out here by hand (from the
 * README's alarm runbook), not from the production constants: a changed metric, statistic, period,
 * evaluation window or threshold fails until the table is changed too.
 */
class AlarmTableTest {

    /** namespace, metric, statistic, operator, threshold, period, evaluation periods, datapoints, missing data */
    static final Map<String, List<Object>> PROD = new TreeMap<>(Map.ofEntries(
            row(
                    "nat-instance-1-reboot",
                    "AWS/EC2",
                    "StatusCheckFailed_Instance",
                    "Maximum",
                    ">=",
                    1,
                    60,
                    3,
                    3,
                    "missing"),
            row(
                    "nat-instance-2-reboot",
                    "AWS/EC2",
                    "StatusCheckFailed_Instance",
                    "Maximum",
                    ">=",
                    1,
                    60,
                    3,
                    3,
                    "missing"),
            row("alb-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", ">", 10, 60, 1, 1, "notBreaching"),
            row(
                    "backend-5xx",
                    "AWS/ApplicationELB",
                    "HTTPCode_Target_5XX_Count",
                    "Sum",
                    ">",
                    10,
                    60,
                    1,
                    1,
                    "notBreaching"),
            row(
                    "backend-5xx-rate",
                    "AWS/ApplicationELB",
                    "HTTPCode_Target_5XX_Count",
                    "Sum",
                    ">",
                    5,
                    60,
                    1,
                    1,
                    "notBreaching"),
            row(
                    "frontend-5xx-rate",
                    "AWS/ApplicationELB",
                    "HTTPCode_Target_5XX_Count",
                    "Sum",
                    ">",
                    5,
                    60,
                    1,
                    1,
                    "notBreaching"),
            row(
                    "frontend-5xx",
                    "AWS/ApplicationELB",
                    "HTTPCode_Target_5XX_Count",
                    "Sum",
                    ">",
                    10,
                    60,
                    1,
                    1,
                    "notBreaching"),
            row("backend-cpu", "AWS/ECS", "CPUUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row("frontend-cpu", "AWS/ECS", "CPUUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row("backend-memory", "AWS/ECS", "MemoryUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row("frontend-memory", "AWS/ECS", "MemoryUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row(
                    "backend-no-healthy-hosts",
                    "AWS/ApplicationELB",
                    "HealthyHostCount",
                    "Minimum",
                    "<",
                    1,
                    60,
                    2,
                    2,
                    "breaching"),
            row(
                    "frontend-no-healthy-hosts",
                    "AWS/ApplicationELB",
                    "HealthyHostCount",
                    "Minimum",
                    "<",
                    1,
                    60,
                    2,
                    2,
                    "breaching"),
            row(
                    "backend-unhealthy-hosts",
                    "AWS/ApplicationELB",
                    "UnHealthyHostCount",
                    "Maximum",
                    ">",
                    0,
                    60,
                    3,
                    3,
                    "notBreaching"),
            row(
                    "frontend-unhealthy-hosts",
                    "AWS/ApplicationELB",
                    "UnHealthyHostCount",
                    "Maximum",
                    ">",
                    0,
                    60,
                    3,
                    3,
                    "notBreaching"),
            row("rds-cpu", "AWS/RDS", "CPUUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row(
                    "rds-free-storage",
                    "AWS/RDS",
                    "FreeStorageSpace",
                    "Minimum",
                    "<",
                    5L * 1024 * 1024 * 1024,
                    300,
                    1,
                    1,
                    "missing"),
            row("redis-001-cpu", "AWS/ElastiCache", "EngineCPUUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row("redis-002-cpu", "AWS/ElastiCache", "EngineCPUUtilization", "Average", ">", 80, 60, 5, 3, "missing"),
            row(
                    "redis-001-memory",
                    "AWS/ElastiCache",
                    "DatabaseMemoryUsagePercentage",
                    "Average",
                    ">",
                    80,
                    60,
                    5,
                    3,
                    "missing"),
            row(
                    "redis-002-memory",
                    "AWS/ElastiCache",
                    "DatabaseMemoryUsagePercentage",
                    "Average",
                    ">",
                    80,
                    60,
                    5,
                    3,
                    "missing"),
            row("cdn-5xx-rate", "AWS/CloudFront", "5xxErrorRate", "Average", ">", 5, 60, 5, 3, "notBreaching"),
            row("waf-blocked", "AWS/WAFV2", "BlockedRequests", "Sum", ">", 1000, 300, 1, 1, "notBreaching"),
            // SES reviews at 5% bounces and 0.1% complaints
            row(
                    "mail-bounce-rate",
                    "AWS/SES",
                    "Reputation.BounceRate",
                    "Maximum",
                    ">",
                    0.04,
                    900,
                    1,
                    1,
                    "notBreaching"),
            row(
                    "mail-complaint-rate",
                    "AWS/SES",
                    "Reputation.ComplaintRate",
                    "Maximum",
                    ">",
                    0.0008,
                    900,
                    1,
                    1,
                    "notBreaching")));

    private static Map.Entry<String, List<Object>> row(
            String name,
            String namespace,
            String metric,
            String statistic,
            String op,
            double threshold,
            int period,
            int evaluations,
            int datapoints,
            String missing) {
        var operator = switch (op) {
            case ">" -> "GreaterThanThreshold";
            case ">=" -> "GreaterThanOrEqualToThreshold";
            case "<" -> "LessThanThreshold";
            default -> throw new IllegalArgumentException(op);
        };
        return Map.entry(
                "tutors-prod-" + name,
                List.of(
                        namespace,
                        metric,
                        statistic,
                        operator,
                        threshold,
                        (double) period,
                        (double) evaluations,
                        (double) datapoints,
                        missing));
    }

    @Test
    void everyProdAlarmIsTheTablesRow() {
        var result = StackRuns.succeeded(StackRuns.committed("prod"));
        var declared = ofType(result, MetricAlarm.class).stream()
                .collect(Collectors.toMap(
                        PlannedResource::name,
                        a -> List.of(
                                AlarmInputs.of(a, "namespace"),
                                AlarmInputs.of(a, "metricName"),
                                AlarmInputs.of(a, "statistic"),
                                a.input("comparisonOperator"),
                                a.input("threshold"),
                                AlarmInputs.of(a, "period"),
                                a.input("evaluationPeriods"),
                                a.input("datapointsToAlarm"),
                                a.input("treatMissingData")),
                        (x, y) -> x,
                        TreeMap::new));
        assertEquals(PROD, declared);
    }

    @Test
    void everyProdAlarmWatchesTheResourceItIsNamedFor() {
        var result = StackRuns.succeeded(StackRuns.committed("prod"));
        var alb = StackRuns.value(((LoadBalancer)
                        named(result, LoadBalancer.class, "tutors-prod-alb").resource())
                .arnSuffix());
        var tg = (Function<String, String>) part -> StackRuns.value(((TargetGroup)
                        named(result, TargetGroup.class, "tutors-prod-" + part).resource())
                .arnSuffix());
        var expected = new TreeMap<String, Map<String, String>>();
        for (int i = 1; i <= 2; i++) {
            expected.put(
                    "tutors-prod-nat-instance-" + i + "-reboot",
                    Map.of("InstanceId", idOf(named(result, Instance.class, "tutors-prod-nat-instance-" + i))));
        }
        expected.put("tutors-prod-alb-5xx", Map.of("LoadBalancer", alb));
        for (var service : List.of("backend", "frontend")) {
            for (var kind : List.of("5xx", "5xx-rate", "no-healthy-hosts", "unhealthy-hosts")) {
                expected.put(
                        "tutors-prod-" + service + "-" + kind,
                        Map.of("LoadBalancer", alb, "TargetGroup", tg.apply(service)));
            }
            for (var kind : List.of("cpu", "memory")) {
                expected.put(
                        "tutors-prod-" + service + "-" + kind,
                        Map.of("ClusterName", "tutors-prod-cluster", "ServiceName", "tutors-prod-" + service));
            }
        }
        expected.put("tutors-prod-rds-cpu", Map.of("DBInstanceIdentifier", "tutors-prod-postgres"));
        expected.put("tutors-prod-rds-free-storage", Map.of("DBInstanceIdentifier", "tutors-prod-postgres"));
        for (var node : List.of("001", "002")) {
            expected.put("tutors-prod-redis-" + node + "-cpu", Map.of("CacheClusterId", "tutors-prod-redis-" + node));
            expected.put(
                    "tutors-prod-redis-" + node + "-memory", Map.of("CacheClusterId", "tutors-prod-redis-" + node));
        }
        expected.put(
                "tutors-prod-cdn-5xx-rate",
                Map.of(
                        "DistributionId",
                        idOf(named(result, Distribution.class, "tutors-prod-cdn")),
                        "Region",
                        "Global"));
        expected.put("tutors-prod-waf-blocked", Map.of("WebACL", "tutors-prod-waf", "Rule", "ALL"));
        expected.put("tutors-prod-mail-bounce-rate", Map.of("ses:configuration-set", "tutors-prod-mail"));
        expected.put("tutors-prod-mail-complaint-rate", Map.of("ses:configuration-set", "tutors-prod-mail"));
        var declared = ofType(result, MetricAlarm.class).stream()
                .collect(Collectors.toMap(
                        PlannedResource::name, a -> AlarmInputs.of(a, "dimensions"), (x, y) -> x, TreeMap::new));
        assertEquals(expected, declared);
    }
}
