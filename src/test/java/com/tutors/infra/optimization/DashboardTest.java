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
}
