package com.tutors.infra.compute;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ecs.Service;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A deployment that serves errors is rolled back by ECS when the service's own 5xx alarm fires. */
class DeploymentAlarmsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void eachWebServiceWatchesItsOwn5xxAlarm(String stack) {
        var run = StackRuns.succeeded(StackRuns.committed(stack));
        for (var part : List.of("backend", "frontend")) {
            var service = named(run, Service.class, "tutors-" + stack + "-" + part);
            var count = named(run, MetricAlarm.class, "tutors-" + stack + "-" + part + "-5xx");
            var rate = named(run, MetricAlarm.class, "tutors-" + stack + "-" + part + "-5xx-rate");
            assertEquals(
                    Map.of(
                            "alarmNames",
                            List.of(count.input("name"), rate.input("name")),
                            "enable",
                            true,
                            "rollback",
                            true),
                    service.input("alarms"));
            for (var alarm : List.of(count, rate)) {
                assertEquals(
                        "notBreaching",
                        alarm.input("treatMissingData"),
                        "a sleeping staging never blocks a deployment");
            }
            // The rate: this target group's 5xx over its requests, in percent, counted from 20 requests a minute.
            var queries = (List<?>) rate.input("metricQueries");
            var m1 = (Map<?, ?>) ((Map<?, ?>) queries.get(0)).get("metric");
            var m2 = (Map<?, ?>) ((Map<?, ?>) queries.get(1)).get("metric");
            var e1 = (Map<?, ?>) queries.get(2);
            assertEquals(
                    List.of("HTTPCode_Target_5XX_Count", "RequestCount", "Sum", "Sum"),
                    List.of(m1.get("metricName"), m2.get("metricName"), m1.get("stat"), m2.get("stat")));
            assertEquals(count.input("dimensions"), m1.get("dimensions"), "the same target group as the count");
            assertEquals(m1.get("dimensions"), m2.get("dimensions"));
            assertEquals("IF(m2 >= 20, 100 * FILL(m1, 0) / m2, 0)", e1.get("expression"));
            assertEquals(
                    List.of(false, false, true),
                    queries.stream().map(q -> ((Map<?, ?>) q).get("returnData")).toList(),
                    "the alarm watches the expression alone");
            assertEquals(
                    List.of(5.0, "GreaterThanThreshold"),
                    List.of(rate.input("threshold"), rate.input("comparisonOperator")));
            assertNull(rate.input("metricName"), "the provider refuses a metric name beside metric queries");
        }
    }

    @Test
    void withoutPhaseSixOrItsAlarmsThereIsNothingToWatch() {
        for (var overrides : List.of(Map.of("tutors:alarms", "false"), Map.of("tutors:lastPhase", "5"))) {
            var run = StackRuns.succeeded(StackRuns.with("prod", overrides));
            assertNull(named(run, Service.class, "tutors-prod-backend").input("alarms"), overrides.toString());
        }
    }

    @Test
    void turningThemOnUpdatesTheRunningServicesInPlace() {
        var off = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:alarms", "false")))
                .resources();
        var on = StackRuns.succeeded(StackRuns.committed("prod")).resources();
        var diff = PlanDiff.between("off", off, "on", on, ReplaceRules.standard());
        diff.changes().stream()
                .filter(c -> c.type().equals("aws:ecs/service:Service"))
                .forEach(c -> assertEquals(PlanDiff.Kind.UPDATE, c.kind(), c.toString()));
        assertEquals(
                2,
                diff.changes().stream()
                        .filter(c -> c.type().equals("aws:ecs/service:Service"))
                        .count());
    }
}
