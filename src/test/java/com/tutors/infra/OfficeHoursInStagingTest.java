package com.tutors.infra;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.scheduler.Schedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staging's committed office hours (MON-FRI 08:00-20:00 Europe/Berlin), as the plan declares them. */
class OfficeHoursInStagingTest {

    @Test
    void theServicesScaleToZeroAtCloseAndBackToTheirBoundsAtOpen() {
        var result = StackRuns.succeeded(StackRuns.committed("staging"));
        assertEquals(4, ofType(result, ScheduledAction.class).size());
        for (var service : List.of("backend", "frontend")) {
            var target = named(result, Target.class, "tutors-staging-" + service);
            assertTrue(
                    target.ignoreChanges().containsAll(List.of("minCapacity", "maxCapacity")),
                    "the schedules move the bounds: not drift");
            var open = named(result, ScheduledAction.class, "tutors-staging-" + service + "-open");
            var close = named(result, ScheduledAction.class, "tutors-staging-" + service + "-close");
            for (var action : List.of(open, close)) {
                assertEquals("ecs", action.input("serviceNamespace"));
                assertEquals("ecs:service:DesiredCount", action.input("scalableDimension"));
                assertEquals("service/tutors-staging-cluster/tutors-staging-" + service, action.input("resourceId"));
                assertEquals("Europe/Berlin", action.input("timezone"));
                assertEquals(action.name(), action.input("name"));
            }
            assertEquals("cron(0 8 ? * MON-FRI *)", open.input("schedule"));
            assertEquals(
                    Map.of("minCapacity", 1.0, "maxCapacity", 2.0),
                    open.input("scalableTargetAction"),
                    "staging's committed 1..2");
            assertEquals("cron(0 20 ? * MON-FRI *)", close.input("schedule"));
            assertEquals(Map.of("minCapacity", 0.0, "maxCapacity", 0.0), close.input("scalableTargetAction"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSchedulerStopsAndStartsOnlyThisDatabase() {
        var result = StackRuns.succeeded(StackRuns.committed("staging"));
        var db = named(result, Instance.class, "tutors-staging-postgres");
        var dbArn = StackRuns.value(((Instance) db.resource()).arn());
        var role = named(result, Role.class, "tutors-staging-db-hours");
        var trust = new Gson().fromJson((String) role.input("assumeRolePolicy"), Map.class);
        var statement = ((List<Map<String, Object>>) trust.get("Statement")).get(0);
        assertEquals(Map.of("Service", "scheduler.amazonaws.com"), statement.get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), statement.get("Condition"));
        var policy = new Gson()
                .fromJson(
                        (String) named(result, RolePolicy.class, "tutors-staging-db-hours")
                                .input("policy"),
                        Map.class);
        var allow = ((List<Map<String, Object>>) policy.get("Statement"));
        assertEquals(1, allow.size());
        assertEquals(
                List.of("rds:StopDBInstance", "rds:StartDBInstance"),
                allow.get(0).get("Action"));
        assertEquals(List.of(dbArn), allow.get(0).get("Resource"));
        var stop = named(result, Schedule.class, "tutors-staging-db-stop");
        var start = named(result, Schedule.class, "tutors-staging-db-start");
        assertEquals("cron(0 20 ? * MON-FRI *)", stop.input("scheduleExpression"));
        assertEquals("cron(40 7 ? * MON-FRI *)", start.input("scheduleExpression"), "20 minutes before the tasks");
        assertEquals("arn:aws:scheduler:::aws-sdk:rds:stopDBInstance", stop.input("target.arn"));
        assertEquals("arn:aws:scheduler:::aws-sdk:rds:startDBInstance", start.input("target.arn"));
        for (var s : List.of(stop, start)) {
            assertEquals("Europe/Berlin", s.input("scheduleExpressionTimezone"));
            assertEquals("OFF", s.input("flexibleTimeWindow.mode"));
            assertEquals("{\"DbInstanceIdentifier\":\"tutors-staging-postgres\"}", s.input("target.input"));
            assertEquals(StackRuns.value(((Role) role.resource()).arn()), s.input("target.roleArn"));
            assertTrue(
                    s.dependencies()
                            .contains(named(result, RolePolicy.class, "tutors-staging-db-hours")
                                    .urn()),
                    "the role may act before the first schedule fires");
        }
        var prod = StackRuns.succeeded(StackRuns.committed("prod"));
        assertTrue(
                ofType(prod, Schedule.class).isEmpty()
                        && ofType(prod, ScheduledAction.class).isEmpty(),
                "prod never sleeps");
    }

    @Test
    void theEstimatePricesTasksAndDatabaseForTheHoursTheyRun() {
        var estimate = com.tutors.infra.plan.PlanCommand.estimate(
                StackRuns.committed("staging"), com.tutors.infra.plan.cost.Usage.defaults());
        var db = estimate.lines().stream()
                .filter(l -> l.item().startsWith("RDS PostgreSQL"))
                .findFirst()
                .orElseThrow();
        // 5 days x 12 h 20 min of 168 h a week, of 730 h a month
        assertEquals(730 * 5 * (12 + 20 / 60.0) / 168, db.quantity(), 1e-9);
        assertEquals("RDS PostgreSQL db.t4g.micro single-AZ, office hours", db.item());
        var storage = estimate.lines().stream()
                .filter(l -> l.item().startsWith("RDS gp3 storage"))
                .findFirst()
                .orElseThrow();
        assertEquals(20.0, storage.quantity(), "storage is billed while stopped");
        var tasks = estimate.lines().stream()
                .filter(l -> l.item().startsWith("Fargate Spot tasks"))
                .toList();
        assertEquals(2, tasks.size());
        for (var t : tasks) {
            assertEquals(730 * 60.0 / 168, t.quantity(), 1e-9);
            assertTrue(t.item().endsWith(", office hours"));
        }
    }
}
