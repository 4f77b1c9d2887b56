package com.tutors.infra.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.tutors.infra.StackRuns;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard: built from the alarm table (every alarmed metric is on it), the same text every time. */
class DashboardTest {

    private static final Dashboard.Ids IDS = new Dashboard.Ids(
            "eu-central-1",
            "c",
            List.of(
                    new Dashboard.Service("backend", "be", Optional.of("targetgroup/be/1")),
                    new Dashboard.Service("frontend", "fe", Optional.of("targetgroup/fe/1"))),
            "app/alb/1",
            "db",
            List.of("redis-001", "redis-002"),
            "E123",
            "acl",
            Optional.of("tutors-prod-mail"));

    @Test
    @SuppressWarnings("unchecked")
    void everyAlarmedMetricIsOnTheDashboardWithTheAlarmsStatistic() {
        var body = Dashboard.body(IDS, 2, true, true);
        assertEquals(body, Dashboard.body(IDS, 2, true, true), "deterministic");
        var widgets =
                (List<Map<String, Object>>) new Gson().fromJson(body, Map.class).get("widgets");
        var metrics = widgets.stream()
                .flatMap(
                        w -> ((List<List<Object>>) ((Map<String, Object>) w.get("properties")).get("metrics")).stream())
                .map(Object::toString)
                .toList();
        // Against the independent alarm table, not the production list (the NAT instances' reboot alarms act, they are
        // not graphed).
        var graphed = 0;
        for (var alarm : AlarmTableTest.PROD.entrySet()) {
            var row = alarm.getValue();
            if (row.get(0).equals("AWS/EC2")) {
                continue;
            }
            assertTrue(
                    metrics.stream()
                            .anyMatch(m -> m.startsWith("[" + row.get(0) + ", " + row.get(1) + ",")
                                    && m.contains("stat=" + row.get(2))),
                    alarm.getKey() + " is not on the dashboard");
            graphed++;
        }
        assertEquals(23, graphed, "the table's regional, us-east-1 and mail alarms");
        var titles = widgets.stream()
                .map(w -> (Map<String, Object>) w.get("properties"))
                .toList();
        assertTrue(titles.stream()
                .anyMatch(p -> "us-east-1".equals(p.get("region"))
                        && String.valueOf(p.get("title")).contains("CloudFront (metrics in us-east-1)")));
        assertTrue(metrics.stream().anyMatch(m -> m.contains("TargetResponseTime") && m.contains("stat=p95")));
        assertTrue(metrics.stream().anyMatch(m -> m.contains("Evictions") && m.contains("redis-002")));
        var without = Dashboard.body(IDS, 2, false, false);
        assertFalse(
                without.contains("AWS/CloudFront") || without.contains("AWS/WAFV2"), "no CDN, no us-east-1 widgets");
    }

    @Test
    void bothStacksHaveOneDashboardLinkedFromAnOutputAndPriced() {
        // Staging's file turns it off ($3 a month); with it on, staging's is drawn from its own ids.
        assertTrue(StackRuns.ofType(
                        StackRuns.succeeded(StackRuns.committed("staging")), com.pulumi.aws.cloudwatch.Dashboard.class)
                .isEmpty());
        for (var stack : List.of("prod", "staging")) {
            var result = StackRuns.succeeded(
                    stack.equals("prod")
                            ? StackRuns.committed(stack)
                            : StackRuns.with(stack, Map.of("tutors:dashboard", "true")));
            var dashboard = StackRuns.named(
                    result, com.pulumi.aws.cloudwatch.Dashboard.class, "tutors-" + stack + "-dashboard");
            var body = (String) dashboard.input("dashboardBody");
            assertTrue(
                    body.contains("\"tutors-" + stack + "-cluster\"") && body.contains("tutors-" + stack + "-postgres"),
                    stack);
            assertEquals(
                    stack.equals("prod"),
                    body.contains("AWS/CloudFront"),
                    stack + ": CloudFront's widget with the CDN only");
            assertEquals(
                    "https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#dashboards:name=tutors-"
                            + stack + "-dashboard",
                    result.outputs().get("dashboardUrl"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachWebServicesDeploymentRateIsDrawnFromTheAlarmsOwnExpression() {
        var widgets = (List<Map<String, Object>>) new com.google.gson.Gson()
                .fromJson(Dashboard.body(IDS, 2, false, false), Map.class)
                .get("widgets");
        for (var service : List.of("backend", "frontend")) {
            var properties = widgets.stream()
                    .map(w -> (Map<String, Object>) w.get("properties"))
                    .filter(p -> String.valueOf(p.get("title")).startsWith("ALB " + service + ": share of 5xx"))
                    .findFirst()
                    .orElseThrow();
            var lines = (List<List<Object>>) properties.get("metrics");
            var rate = AlarmTable.all(List.of(new Alarms.Service(service, true)), 1, false, false).stream()
                    .filter(a -> a.part().equals(service + "-5xx-rate"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(3, lines.size(), lines::toString);
            var m1 = (Map<String, Object>) lines.get(0).get(lines.get(0).size() - 1);
            var m2 = (Map<String, Object>) lines.get(1).get(lines.get(1).size() - 1);
            assertEquals(
                    List.of("HTTPCode_Target_5XX_Count", "m1", false),
                    List.of(lines.get(0).get(1), m1.get("id"), m1.get("visible")));
            assertEquals(
                    List.of("RequestCount", "m2", false),
                    List.of(lines.get(1).get(1), m2.get("id"), m2.get("visible")));
            assertEquals(rate.expression(), ((Map<String, Object>) lines.get(2).get(0)).get("expression"));
            assertTrue(lines.get(0).contains("targetgroup/" + (service.equals("backend") ? "be" : "fe") + "/1"));
        }
    }
}
