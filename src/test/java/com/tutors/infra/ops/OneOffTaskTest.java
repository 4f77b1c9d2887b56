package com.tutors.infra.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

@Execution(ExecutionMode.CONCURRENT)
class OneOffTaskTest {
    static final String TASK = "arn:aws:ecs:eu-central-1:123456789012:task/tutors-prod-cluster/0123abcd";
    private final OpsFixtures.World w = new OpsFixtures.World();
    private final OneOffTask task = new OneOffTask(w.ecs, w.logs, w.clock, w.out);
    private static final List<String> MIGRATE = List.of("python", "manage.py", "migrate", "--noinput");

    static Task state(String status, Integer exit, String stoppedReason, String containerReason) {
        return Task.builder()
                .taskArn(TASK)
                .lastStatus(status)
                .stoppedReason(stoppedReason)
                .containers(Container.builder()
                        .name("backend")
                        .exitCode(exit)
                        .reason(containerReason)
                        .build())
                .build();
    }

    static void started(OpsFixtures.World w) {
        doReturn(RunTaskResponse.builder()
                        .tasks(Task.builder()
                                .taskArn(TASK)
                                .lastStatus("PROVISIONING")
                                .build())
                        .build())
                .when(w.ecs)
                .runTask(any(RunTaskRequest.class));
    }

    static void states(OpsFixtures.World w, Task... tasks) {
        var responses = Arrays.stream(tasks)
                .map(t -> DescribeTasksResponse.builder().tasks(t).build())
                .toArray();
        doReturn(responses[0], Arrays.copyOfRange(responses, 1, responses.length))
                .when(w.ecs)
                .describeTasks(any(DescribeTasksRequest.class));
    }

    static void logs(OpsFixtures.World w, String... lines) {
        doReturn(DescribeTaskDefinitionResponse.builder()
                        .taskDefinition(TaskDefinition.builder()
                                .containerDefinitions(ContainerDefinition.builder()
                                        .name("backend")
                                        .logConfiguration(LogConfiguration.builder()
                                                .logDriver("awslogs")
                                                .options(Map.of(
                                                        "awslogs-group",
                                                        "/ecs/tutors-prod-backend",
                                                        "awslogs-stream-prefix",
                                                        "migrate"))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .when(w.ecs)
                .describeTaskDefinition(any(DescribeTaskDefinitionRequest.class));
        doReturn(GetLogEventsResponse.builder()
                        .events(Arrays.stream(lines)
                                .map(l -> OutputLogEvent.builder().message(l).build())
                                .toList())
                        .build())
                .when(w.logs)
                .getLogEvents(any(GetLogEventsRequest.class));
    }

    @Test
    void exitZeroPassesAndTheTaskRunsOnDemandInThePrivateSubnets() {
        started(w);
        states(
                w,
                state("PENDING", null, null, null),
                state("RUNNING", null, null, null),
                state("STOPPED", 0, "Essential container in task exited", null));
        task.run(OpsFixtures.prod(), MIGRATE, Map.of(), Duration.ofMinutes(60), false);
        var request = ArgumentCaptor.forClass(RunTaskRequest.class);
        verify(w.ecs).runTask(request.capture());
        var r = request.getValue();
        assertEquals(
                OpsFixtures.TD + "tutors-prod-backend-migrate:8",
                r.taskDefinition(),
                "the revision this deploy registered");
        assertEquals(LaunchType.FARGATE, r.launchType(), "never Spot: a reclaimed migration is a half-run one");
        assertEquals(
                List.of("subnet-a", "subnet-b"),
                r.networkConfiguration().awsvpcConfiguration().subnets());
        assertEquals(
                List.of("sg-ecs"),
                r.networkConfiguration().awsvpcConfiguration().securityGroups());
        assertEquals("DISABLED", r.networkConfiguration().awsvpcConfiguration().assignPublicIpAsString());
        assertEquals("backend", r.overrides().containerOverrides().get(0).name());
        assertEquals(MIGRATE, r.overrides().containerOverrides().get(0).command());
        verify(w.logs, never()).getLogEvents(any(GetLogEventsRequest.class));
    }

    @Test
    void exitOneFailsAndShowsTheLogTail() {
        started(w);
        states(w, state("STOPPED", 1, "Essential container in task exited", null));
        logs(w, "Applying bookings.0042...", "django.db.utils.ProgrammingError: column exists");
        var e = assertThrows(
                OpsFailure.class, () -> task.run(OpsFixtures.prod(), MIGRATE, Map.of(), Duration.ofMinutes(60), false));
        assertTrue(e.getMessage().contains("exited with 1"), e.getMessage());
        assertTrue(w.out().contains("ProgrammingError: column exists"), w.out());
        var request = ArgumentCaptor.forClass(GetLogEventsRequest.class);
        verify(w.logs).getLogEvents(request.capture());
        assertEquals("/ecs/tutors-prod-backend", request.getValue().logGroupName());
        assertEquals(
                "migrate/backend/0123abcd",
                request.getValue().logStreamName(),
                "awslogs' <prefix>/<container>/<task id>");
    }

    @Test
    void noExitCodeFailsWithTheStoppedReason() {
        started(w);
        states(w, state("STOPPED", null, "Task failed to start", "CannotPullContainerError: image not found"));
        logs(w);
        var e = assertThrows(
                OpsFailure.class, () -> task.run(OpsFixtures.prod(), MIGRATE, Map.of(), Duration.ofMinutes(60), false));
        assertTrue(
                e.getMessage().contains("no exit code") && e.getMessage().contains("CannotPullContainerError"),
                e.getMessage());
    }

    @Test
    void aStartFailureIsReported() {
        doReturn(RunTaskResponse.builder()
                        .failures(Failure.builder()
                                .reason("RESOURCE:ENI")
                                .detail("no free address")
                                .build())
                        .build())
                .when(w.ecs)
                .runTask(any(RunTaskRequest.class));
        var e = assertThrows(
                OpsFailure.class, () -> task.run(OpsFixtures.prod(), MIGRATE, Map.of(), Duration.ofMinutes(60), false));
        assertTrue(e.getMessage().contains("RESOURCE:ENI (no free address)"), e.getMessage());
    }

    @Test
    void aLongMigrationIsWaitedForPastTenMinutes() {
        started(w);
        var running = new Task[120]; // 20 minutes of RUNNING at 10-second polls: the CLI waiter gave up at 10
        Arrays.fill(running, state("RUNNING", null, null, null));
        var all = Arrays.copyOf(running, 121);
        all[120] = state("STOPPED", 0, "Essential container in task exited", null);
        states(w, all);
        task.run(OpsFixtures.prod(), MIGRATE, Map.of(), Duration.ofMinutes(60), false);
        assertEquals(Duration.ofMinutes(20), w.clock.slept());
    }

    @Test
    void atTheTimeoutTheTaskIsLeftRunningAndTheJobFails() {
        started(w);
        states(w, state("RUNNING", null, null, null));
        var e = assertThrows(
                OpsFailure.class, () -> task.run(OpsFixtures.prod(), MIGRATE, Map.of(), Duration.ofMinutes(15), false));
        assertTrue(
                e.getMessage().contains("after 15 minutes") && e.getMessage().contains("left running"), e.getMessage());
        verify(w.ecs, never()).stopTask(any(StopTaskRequest.class));
        assertTrue(w.clock.slept().compareTo(Duration.ofMinutes(15)) <= 0);
    }

    @Test
    void aOneOffCommandShowsItsOutputAndPassesItsEnvironment() {
        started(w);
        states(w, state("STOPPED", 0, "Essential container in task exited", null));
        logs(w, "Superuser created successfully.");
        task.run(
                OpsFixtures.prod(),
                List.of("python", "manage.py", "createsuperuser", "--noinput"),
                Map.of("DJANGO_SUPERUSER_USERNAME", "admin"),
                Duration.ofMinutes(60),
                true);
        assertTrue(w.out().contains("Superuser created successfully."), w.out());
        var request = ArgumentCaptor.forClass(RunTaskRequest.class);
        verify(w.ecs).runTask(request.capture());
        var env = request.getValue().overrides().containerOverrides().get(0).environment();
        assertEquals("DJANGO_SUPERUSER_USERNAME", env.get(0).name());
        assertEquals("admin", env.get(0).value());
    }
}
