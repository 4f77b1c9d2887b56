package com.tutors.infra.compute;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.sns.TopicPolicy;
import com.tutors.infra.Containers;
import com.tutors.infra.ParsedConfig;
import com.tutors.infra.Policies;
import com.tutors.infra.StackRuns;
import com.tutors.infra.core.OfficeHours;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Workers and scheduled jobs, each one stack-config entry (issue #31's examples): parsed with their
 * defaults and refusals, then planned, and the traps of copying the backend shown closed.
 */
class WorkloadsTest {
    static final String WORKERS =
            "{\"celery\":{\"command\":[\"celery\",\"-A\",\"config\",\"worker\",\"-l\",\"info\"],\"maxCount\":3},"
                    + "\"beat\":{\"command\":[\"celery\",\"-A\",\"config\",\"beat\",\"-l\",\"info\"],\"singleton\":true}}";
    static final String JOBS =
            "{\"clearsessions\":{\"schedule\":\"cron(0 3 * * ? *)\",\"command\":[\"python\",\"manage.py\",\"clearsessions\"]}}";
    private static final Map<String, String> BOTH = Map.of("tutors:workers", WORKERS, "tutors:scheduledJobs", JOBS);

    @Test
    void workersTakeTheBackendsSizeAndOneTaskUnlessTold() {
        var s = ParsedConfig.parse("prod", "tutors:workers", WORKERS).compute();
        var celery = s.workers().get("celery");
        assertEquals(List.of("celery", "-A", "config", "worker", "-l", "info"), celery.command());
        assertEquals(
                List.of(s.backend().cpu(), s.backend().memory(), 1, 3, 100, 200),
                List.of(
                        celery.cpu(),
                        celery.memory(),
                        celery.minCount(),
                        celery.maxCount(),
                        celery.minimumHealthyPercent(),
                        celery.maximumPercent()));
        var beat = s.workers().get("beat");
        assertTrue(beat.singleton());
        assertEquals(
                List.of(1, 1, 0, 100),
                List.of(beat.minCount(), beat.maxCount(), beat.minimumHealthyPercent(), beat.maximumPercent()),
                "a singleton's deploy stops the old task first: never two beats");
        assertEquals(List.of("beat", "celery"), List.copyOf(s.workers().keySet()));
        assertTrue(ParsedConfig.parse("prod").compute().workers().isEmpty(), "unset: none");
        assertEquals(
                List.of(
                        "tutors:workers.w.minCount = '0': out of range; allowed: 1 to 100 (a worker at zero would never start)"),
                ParsedConfig.problems("prod", "tutors:workers", "{\"w\":{\"command\":[\"x\"],\"minCount\":0}}"),
                "CPU tracking cannot start a worker from zero");
    }

    @Test
    void everyBadEntryIsNamedByItsPathAllAtOnce() {
        var problems = ParsedConfig.problems(
                "prod",
                "tutors:workers",
                "{\"Celery\":{},\"w\":{\"command\":\"celery\",\"cpu\":300,"
                        + "\"memory\":1,\"colour\":1},\"beat\":{\"command\":[\"celery\"],\"singleton\":true,\"maxCount\":2}}",
                "tutors:scheduledJobs",
                "{\"j\":{\"schedule\":\"cron(0 3 * * * *)\",\"command\":[\"x\"]},\"k\":{\"command\":[\"x\"]}}");
        assertEquals(
                List.of(
                        "tutors:workers.Celery: not a name; allowed: 1 to 20 lowercase letters, digits and '-', starting with a letter",
                        "tutors:workers.w: unknown colour; allowed: command, cpu, memory, minCount, maxCount, singleton",
                        "tutors:workers.beat.maxCount = '2': out of range; allowed: 1 (a singleton runs one task)",
                        "tutors:workers.w.command = '\"celery\"': not a list of words; allowed: the process as a list, e.g. [celery, -A, config, worker, -l, info]",
                        "tutors:workers.w.cpu = '300': not a Fargate CPU value; allowed: " + FargateSizes.cpus(),
                        "tutors:workers.w.memory = '1': out of range; allowed: MiB, a Fargate pair with the cpu",
                        "tutors:scheduledJobs.j.schedule = 'cron(0 3 * * * *)': not a schedule; allowed: cron(M H DOM MON DOW Y) with '?' in "
                                + "exactly one of DOM and DOW, or rate(N minutes|hours|days)",
                        "tutors:scheduledJobs.k.schedule: missing; allowed: cron(M H DOM MON DOW Y) or rate(N unit), EventBridge Scheduler's forms"),
                problems);
    }

    @Test
    void onAStackWithOfficeHoursAJobMustStartInsideThem() {
        var hours = Optional.of(OfficeHours.parse("MON-FRI 08:00-20:00 Europe/Berlin"));
        for (var ok : List.of("cron(0 9 ? * MON-FRI *)", "cron(59 19 ? * TUE,THU *)", "cron(0/15 8-19 ? * 2-6 *)")) {
            assertEquals(Optional.empty(), Workloads.scheduleProblem(ok, hours), ok);
        }
        for (var outside : List.of(
                "cron(0 3 * * ? *)",
                "cron(0 20 ? * MON-FRI *)",
                "cron(0 9 ? * MON-SAT *)",
                "cron(0 9 ? * * *)",
                "cron(0 7-9 ? * MON *)")) {
            assertTrue(
                    Workloads.scheduleProblem(outside, hours).orElseThrow().startsWith("starts outside office hours"),
                    outside);
        }
        assertTrue(
                Workloads.scheduleProblem("rate(1 hour)", hours).orElseThrow().startsWith("runs around the clock"));
        assertEquals(
                Optional.empty(),
                Workloads.scheduleProblem("rate(1 hour)", Optional.empty()),
                "prod has no office hours");
        assertEquals(Optional.empty(), Workloads.scheduleProblem("cron(0 3 * * ? *)", Optional.empty()));
        // The committed staging has office hours: issue #31's nightly example is refused there, with the reason.
        assertEquals(
                List.of(
                        "tutors:scheduledJobs.clearsessions.schedule = 'cron(0 3 * * ? *)': starts outside office hours "
                                + "(MON-FRI 08:00-20:00 Europe/Berlin), when the database is stopped; allowed: hours, minutes and days of the week "
                                + "(not '?' in DOW) inside them"),
                StackRuns.with("staging", Map.of("tutors:scheduledJobs", JOBS)).problems());
        assertEquals(
                "Europe/Berlin",
                ParsedConfig.parse(
                                "staging",
                                "tutors:officeHours",
                                "MON-FRI 08:00-20:00 Europe/Berlin",
                                "tutors:scheduledJobs",
                                JOBS.replace("cron(0 3 * * ? *)", "cron(0 9 ? * MON-FRI *)"))
                        .compute()
                        .jobs()
                        .get("clearsessions")
                        .timezone(),
                "a job runs in the office hours' zone");
    }

    @Test
    void aWorkerIsAServiceWithoutLoadBalancerOrGracePeriodAndTheSingletonNeverRunsTwice() {
        var run = StackRuns.succeeded(StackRuns.with("prod", BOTH));
        var celery = named(run, Service.class, "tutors-prod-worker-celery");
        var beat = named(run, Service.class, "tutors-prod-worker-beat");
        for (var worker : List.of(celery, beat)) {
            assertNull(worker.input("loadBalancers"), "no load balancer");
            assertNull(
                    worker.input("healthCheckGracePeriodSeconds"),
                    "ECS refuses a grace period without a load balancer");
            assertEquals(true, worker.input("deploymentCircuitBreaker.rollback"));
        }
        assertEquals(
                List.of(100, 200),
                List.of(number(celery, "deploymentMinimumHealthyPercent"), number(celery, "deploymentMaximumPercent")));
        assertEquals(
                List.of(0, 100),
                List.of(number(beat, "deploymentMinimumHealthyPercent"), number(beat, "deploymentMaximumPercent")));
        var beatTarget = named(run, Target.class, "tutors-prod-worker-beat");
        assertEquals(List.of(1, 1), List.of(number(beatTarget, "minCapacity"), number(beatTarget, "maxCapacity")));
        var policies =
                StackRuns.ofType(run, Policy.class).stream().map(p -> p.name()).collect(Collectors.toSet());
        assertTrue(policies.contains("tutors-prod-worker-celery-cpu"));
        assertFalse(
                policies.stream().anyMatch(p -> p.startsWith("tutors-prod-worker-beat")), "a singleton does not scale");
        // The backend's image, environment and secrets, its own command and log group.
        var backend = Containers.container(named(run, TaskDefinition.class, "tutors-prod-backend"));
        var worker = Containers.container(named(run, TaskDefinition.class, "tutors-prod-worker-celery"));
        assertEquals(backend.get("image"), worker.get("image"));
        assertEquals(
                Containers.pairs(backend, "secrets", "valueFrom"), Containers.pairs(worker, "secrets", "valueFrom"));
        assertEquals(
                Containers.pairs(backend, "environment", "value"), Containers.pairs(worker, "environment", "value"));
        assertEquals(List.of("celery", "-A", "config", "worker", "-l", "info"), worker.get("command"));
        assertNull(worker.get("portMappings"));
        assertEquals(
                "/ecs/tutors-prod-worker-celery",
                ((Map<?, ?>) ((Map<?, ?>) worker.get("logConfiguration")).get("options")).get("awslogs-group"));
    }

    @Test
    void aJobRunsItsOwnTaskDefinitionThroughARoleTheBoundaryAllowsAndItsFailureReachesTheAlarmTopic() {
        var run = StackRuns.succeeded(StackRuns.with("prod", BOTH));
        var task = named(run, TaskDefinition.class, "tutors-prod-job-clearsessions");
        assertEquals(
                List.of("python", "manage.py", "clearsessions"),
                Containers.container(task).get("command"));
        var schedule = named(run, Schedule.class, "tutors-prod-job-clearsessions");
        assertEquals("cron(0 3 * * ? *)", schedule.input("scheduleExpression"));
        assertEquals("UTC", schedule.input("scheduleExpressionTimezone"));
        assertTrue(
                String.valueOf(schedule.input("target.ecsParameters.taskDefinitionArn"))
                        .endsWith(":task-definition/" + task.input("family") + ":1"),
                "the job's own task definition, this revision");
        assertEquals(false, schedule.input("target.ecsParameters.networkConfiguration.assignPublicIp"));
        // The scheduler's role does only this, and all of it passes the workload boundary.
        var policy = (String) named(run, RolePolicy.class, "tutors-prod-jobs").input("policy");
        var boundary = com.tutors.infra.bootstrap.BootstrapRunsAccess.boundary("123456789012");
        var tag = Map.of("aws:PrincipalTag/Environment", List.of("prod"));
        for (var s : Policies.statements(policy)) {
            var context = new java.util.HashMap<>(tag);
            context.putAll(Policies.conditionValues(s));
            for (var resource : Policies.list(s.get("Resource"))) {
                for (var action : Policies.list(s.get("Action"))) {
                    assertTrue(
                            Policies.allows(List.of(boundary), new Policies.Request(action, resource, context)),
                            action + " " + resource);
                }
            }
        }
        assertTrue(policy.contains(":task-definition/tutors-prod-job-clearsessions:*"), policy);
        // Failures: the rule matches the job's family, and the topic (and its key) let EventBridge publish.
        var pattern =
                (String) named(run, EventRule.class, "tutors-prod-job-failures").input("eventPattern");
        assertTrue(
                pattern.contains("\"group\":[\"family:tutors-prod-job-clearsessions\"]")
                        && pattern.contains("TaskFailedToStart"),
                pattern);
        var topicPolicy = (String)
                named(run, TopicPolicy.class, "tutors-prod-alarms-policy").input("policy");
        assertTrue(
                topicPolicy.contains("events.amazonaws.com") && topicPolicy.contains("rule/tutors-prod-job-failures"),
                topicPolicy);
        assertTrue(((String) named(run, com.pulumi.aws.kms.Key.class, "tutors-prod-alarms")
                        .input("policy"))
                .contains("events.amazonaws.com"));
    }

    @Test
    void addingWorkersAndAJobToTheRunningProdOnlyAddsAndLetsEventBridgeUseTheAlarmTopic() {
        var before = StackRuns.succeeded(StackRuns.committed("prod"));
        var after = StackRuns.succeeded(StackRuns.with("prod", BOTH));
        var diff = PlanDiff.between(
                "committed", before.resources(), "with workers and a job", after.resources(), ReplaceRules.standard());
        assertFalse(diff.dangerous(), diff.warnings()::toString);
        var notCreated = diff.changes().stream()
                .filter(c -> c.kind() != PlanDiff.Kind.CREATE)
                .map(c -> c.kind() + " " + c.name())
                .collect(Collectors.toSet());
        assertEquals(
                Set.of("UPDATE tutors-prod-alarms", "UPDATE tutors-prod-alarms-policy", "UPDATE tutors-prod-dashboard"),
                notCreated,
                "the alarm key's and topic's policies gain EventBridge, the dashboard a row per worker; nothing else changes");
        // And removing them again deletes only what they added (plus those two statements).
        var back = PlanDiff.between("with", after.resources(), "without", before.resources(), ReplaceRules.standard());
        assertTrue(back.changes().stream()
                .noneMatch(c -> c.kind() == PlanDiff.Kind.REPLACE || c.kind() == PlanDiff.Kind.CREATE));
    }

    @Test
    void eachWorkerHasTheWebServicesCpuAndMemoryAlarmsAndADashboardRow() {
        var run = StackRuns.succeeded(StackRuns.with("prod", BOTH));
        for (var worker : List.of("celery", "beat")) {
            for (var metric : List.of("cpu", "memory")) {
                var alarm = named(
                        run,
                        com.pulumi.aws.cloudwatch.MetricAlarm.class,
                        "tutors-prod-worker-" + worker + "-" + metric);
                assertEquals(
                        Map.of("ClusterName", "tutors-prod-cluster", "ServiceName", "tutors-prod-worker-" + worker),
                        alarm.input("dimensions"));
            }
        }
        var dashboard = (String) named(run, com.pulumi.aws.cloudwatch.Dashboard.class, "tutors-prod-dashboard")
                .input("dashboardBody");
        assertTrue(dashboard.contains("ECS worker-celery: CPU and memory (%)")
                && dashboard.contains("ECS worker-beat: CPU and memory (%)"));
    }

    @Test
    void theExecutionRoleReadsExactlyTheSecretsSomeContainerNames() {
        // Derived from the containers themselves: a secret added to one and not to the policy fails here (and on AWS).
        for (var config : List.of(Map.<String, String>of(), BOTH)) {
            var run = StackRuns.succeeded(StackRuns.with("prod", config));
            var named = new java.util.TreeSet<String>();
            for (var task : StackRuns.ofType(run, TaskDefinition.class)) {
                Containers.pairs(Containers.container(task), "secrets", "valueFrom")
                        .values()
                        .forEach(v -> {
                            var m = java.util.regex.Pattern.compile("^arn:aws:secretsmanager:[^:]+:\\d+:secret:[^:]+")
                                    .matcher(v);
                            assertTrue(m.find(), v);
                            named.add(m.group());
                        });
            }
            var policy = Policies.statements((String) named(run, RolePolicy.class, "tutors-prod-ecs-execution-secrets")
                    .input("policy"));
            assertEquals(
                    named,
                    new java.util.TreeSet<>(Policies.list(policy.get(0).get("Resource"))),
                    config.keySet().toString());
            assertTrue(named.size() >= 4, named.toString());
        }
    }

    private static int number(com.tutors.infra.plan.model.PlannedResource r, String path) {
        return ((Number) r.input(path)).intValue();
    }
}
