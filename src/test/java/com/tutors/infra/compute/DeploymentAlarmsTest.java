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
            var alarm = named(run, MetricAlarm.class, "tutors-" + stack + "-" + part + "-5xx");
            assertEquals(
                    Map.of("alarmNames", List.of(alarm.input("name")), "enable", true, "rollback", true),
                    service.input("alarms"));
            assertEquals(
                    "notBreaching", alarm.input("treatMissingData"), "a sleeping staging never blocks a deployment");
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
