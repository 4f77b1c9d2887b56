package com.tutors.infra.ops;

import static com.tutors.infra.ops.OneOffTaskTest.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.google.gson.Gson;
import com.tutors.infra.StackRuns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/** The command lines the workflows and the runbooks type, against mocked AWS. */
class OpsCommandTest {
    private final OpsFixtures.World w = new OpsFixtures.World();

    private final List<Optional<String>> regions = new ArrayList<>();

    private int run(String... args) {
        var context = w.context(OpsFixtures.prod());
        return OpsCommand.run(
                args,
                new OpsCommand.Context(
                        region -> {
                            regions.add(region);
                            return context.aws().apply(region);
                        },
                        context.clock(),
                        context.outputs(),
                        context.out(),
                        context.err()));
    }

    @Test
    void theClientsUseTheStacksRegionUnlessTold() {
        databaseAvailable();
        OneOffTaskTest.started(w);
        OneOffTaskTest.states(w, state("STOPPED", 0, "done", null));
        OneOffTaskTest.logs(w);
        assertEquals(0, run("run", "--stack", "prod", "--", "python", "manage.py", "check"), w.err());
        assertEquals(Optional.of("eu-central-1"), regions.get(0));
        assertEquals(
                0,
                run("run", "--stack", "prod", "--region", "eu-west-1", "--", "python", "manage.py", "check"),
                w.err());
        assertEquals(Optional.of("eu-west-1"), regions.get(1));
    }

    private void databaseAvailable() {
        doReturn(DescribeDbInstancesResponse.builder()
                        .dbInstances(DBInstance.builder()
                                .dbInstanceStatus("available")
                                .build())
                        .build())
                .when(w.rds)
                .describeDBInstances(any(DescribeDbInstancesRequest.class));
    }

    @Test
    void releaseMigratesThenCollectsStaticFromTheReleaseRevision() {
        databaseAvailable();
        OneOffTaskTest.started(w);
        OneOffTaskTest.states(w, state("STOPPED", 0, "done", null));
        assertEquals(0, run("release", "--stack", "prod"), w.err());
        InOrder order = inOrder(w.rds, w.ecs);
        order.verify(w.rds).describeDBInstances(any(DescribeDbInstancesRequest.class));
        var requests = ArgumentCaptor.forClass(RunTaskRequest.class);
        order.verify(w.ecs, times(2)).runTask(requests.capture());
        assertEquals(
                List.of(
                        List.of("python", "manage.py", "migrate", "--noinput"),
                        List.of("python", "manage.py", "collectstatic", "--noinput")),
                requests.getAllValues().stream()
                        .map(r -> r.overrides().containerOverrides().get(0).command())
                        .toList());
        requests.getAllValues()
                .forEach(r -> assertEquals(OpsFixtures.TD + "tutors-prod-backend-migrate:8", r.taskDefinition()));
    }

    @Test
    void aFailedMigrationStopsTheReleaseAndExitsOne() {
        databaseAvailable();
        OneOffTaskTest.started(w);
        OneOffTaskTest.states(w, state("STOPPED", 1, "Essential container in task exited", null));
        OneOffTaskTest.logs(w, "Traceback: boom");
        assertEquals(1, run("release", "--stack", "prod"));
        verify(w.ecs, times(1)).runTask(any(RunTaskRequest.class));
        assertTrue(w.err().contains("'python manage.py migrate --noinput' exited with 1"), w.err());
        assertTrue(w.out().contains("Traceback: boom"), w.out());
    }

    @Test
    void verifyRecordsTheTagOnlyOnceVerified() {
        doReturn(DescribeServicesResponse.builder()
                        .services(
                                RolloutTest.done("tutors-prod-backend", RolloutTest.NEW_BACKEND),
                                RolloutTest.done("tutors-prod-frontend", RolloutTest.NEW_FRONTEND))
                        .build())
                .when(w.ecs)
                .describeServices(any(DescribeServicesRequest.class));
        doReturn(PutParameterResponse.builder().version(3L).build())
                .when(w.ssm)
                .putParameter(any(PutParameterRequest.class));
        assertEquals(0, run("verify", "--stack", "prod", "--record"), w.err());
        var put = ArgumentCaptor.forClass(PutParameterRequest.class);
        verify(w.ssm).putParameter(put.capture());
        assertEquals("/tutors/prod/image-tag", put.getValue().name(), "where Main reads it (Naming.imageTagParameter)");
        assertEquals("def456", put.getValue().value());
        assertEquals(Boolean.TRUE, put.getValue().overwrite());
    }

    @Test
    void aRolledBackDeployIsNeverRecorded() {
        doReturn(DescribeServicesResponse.builder()
                        .services(
                                RolloutTest.done("tutors-prod-backend", RolloutTest.OLD_BACKEND),
                                RolloutTest.done("tutors-prod-frontend", RolloutTest.NEW_FRONTEND))
                        .build())
                .when(w.ecs)
                .describeServices(any(DescribeServicesRequest.class));
        assertEquals(1, run("verify", "--stack", "prod", "--record"));
        verify(w.ssm, never()).putParameter(any(PutParameterRequest.class));
    }

    @Test
    void runTakesTheCommandAfterTheDoubleDash() {
        databaseAvailable();
        OneOffTaskTest.started(w);
        OneOffTaskTest.states(w, state("STOPPED", 0, "done", null));
        OneOffTaskTest.logs(w, "Superuser created successfully.");
        assertEquals(
                0,
                run(
                        "run",
                        "--stack",
                        "prod",
                        "--env",
                        "DJANGO_SUPERUSER_EMAIL=a@example.com",
                        "--",
                        "python",
                        "manage.py",
                        "createsuperuser",
                        "--noinput",
                        "--username",
                        "admin"),
                w.err());
        var request = ArgumentCaptor.forClass(RunTaskRequest.class);
        verify(w.ecs).runTask(request.capture());
        assertEquals(
                List.of("python", "manage.py", "createsuperuser", "--noinput", "--username", "admin"),
                request.getValue().overrides().containerOverrides().get(0).command());
        assertTrue(w.out().contains("Superuser created successfully."));
    }

    @Test
    void usageErrorsExitTwoAndTouchNothing() {
        assertEquals(2, run("release"));
        assertTrue(w.err().contains("--stack"), w.err());
        assertEquals(2, run("verify", "--stack", "prod", "--timeout", "soon"));
        assertTrue(w.err().contains("'soon' is no duration"), w.err());
        verify(w.ecs, never()).describeServices(any(DescribeServicesRequest.class));
    }

    @Test
    void theProgramsOwnOutputsParse() {
        // What pulumi stack output --json prints is what the program exports: plan it and read it back.
        for (var stack : List.of("prod", "staging")) {
            var outputs = StackRuns.succeeded(StackRuns.committed(stack)).outputs();
            var parsed = StackOutputs.parse(stack, new Gson().toJson(outputs));
            assertEquals(outputs.get("ecsClusterName"), parsed.cluster());
            assertEquals(
                    List.of("backend", "frontend"),
                    List.copyOf(parsed.services().keySet()));
            assertTrue(
                    parsed.taskDefinition("migrate").contains(":task-definition/tutors-" + stack + "-backend-migrate"),
                    parsed.taskDefinition("migrate"));
            assertEquals(2, parsed.privateSubnets().size());
            assertTrue(parsed.taskSecurityGroup().startsWith("sg-"));
            assertEquals("tutors-" + stack + "-postgres", parsed.database().orElseThrow());
            assertEquals("latest", parsed.imageTag());
            assertEquals(Optional.of("eu-central-1"), parsed.region(), "a pasted command needs no AWS_REGION");
        }
    }

    @Test
    void theRolloutCheckSeesEveryServiceWorkersToo() {
        // A worker is a service like the web two: the outputs name it and its revision, so verify waits for it too.
        var outputs = StackRuns.succeeded(StackRuns.with(
                        "prod",
                        StackRuns.override(
                                "tutors:workers",
                                "{\"celery\":{\"command\":[\"celery\",\"-A\",\"config\",\"worker\"]}}")))
                .outputs();
        var parsed = StackOutputs.parse("prod", new Gson().toJson(outputs));
        assertEquals(
                List.of("backend", "frontend", "worker-celery"),
                List.copyOf(parsed.services().keySet()));
        assertEquals("tutors-prod-worker-celery", parsed.services().get("worker-celery"));
        assertTrue(parsed.taskDefinition("worker-celery").contains(":task-definition/tutors-prod-worker-celery:"));
        // A stack whose last up predates serviceNames still names its web services.
        var older = new LinkedHashMap<>(outputs);
        older.remove("serviceNames");
        assertEquals(
                List.of("backend", "frontend"),
                List.copyOf(StackOutputs.parse("prod", new Gson().toJson(older))
                        .services()
                        .keySet()));
    }

    @Test
    void outputsOfAnOlderProgramAreRefusedByName() {
        var e = Assertions.assertThrows(
                OpsFailure.class, () -> StackOutputs.parse("prod", "{\"ecsClusterName\": \"c\"}"));
        assertTrue(
                e.getMessage().contains("taskDefinitionArns") && e.getMessage().contains("imageTag"), e.getMessage());
    }
}
