package com.tutors.infra.ops;

import static com.tutors.infra.ops.OpsFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

@Execution(ExecutionMode.CONCURRENT)
class RolloutTest {
    private final OpsFixtures.World w = new OpsFixtures.World();
    private final Rollout rollout = new Rollout(w.ecs, w.clock, w.out);
    static final String NEW_BACKEND = TD + "tutors-prod-backend:8";
    static final String OLD_BACKEND = TD + "tutors-prod-backend:7";
    static final String NEW_FRONTEND = TD + "tutors-prod-frontend:8";

    static Deployment deployment(
            String status, String td, DeploymentRolloutState state, int desired, int running, int failed) {
        return Deployment.builder()
                .status(status)
                .taskDefinition(td)
                .rolloutState(state)
                .rolloutStateReason("reason")
                .desiredCount(desired)
                .runningCount(running)
                .failedTasks(failed)
                .build();
    }

    static Service service(String name, int desired, Deployment... deployments) {
        return Service.builder()
                .serviceName(name)
                .status("ACTIVE")
                .desiredCount(desired)
                .runningCount(Arrays.stream(deployments)
                        .mapToInt(Deployment::runningCount)
                        .sum())
                .deployments(List.of(deployments))
                .build();
    }

    static Service done(String name, String td) {
        return service(name, 2, deployment("PRIMARY", td, DeploymentRolloutState.COMPLETED, 2, 2, 0));
    }

    private void describe(List<Service>... rounds) {
        var responses = Arrays.stream(rounds)
                .map(r -> DescribeServicesResponse.builder().services(r).build())
                .toArray();
        doReturn(responses[0], Arrays.copyOfRange(responses, 1, responses.length))
                .when(w.ecs)
                .describeServices(any(DescribeServicesRequest.class));
    }

    @Test
    void passesWhenBothRunTheNewRevisionsCompletedAndDrained() {
        var rolling = service(
                "tutors-prod-backend",
                2,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.IN_PROGRESS, 2, 1, 0),
                deployment("ACTIVE", OLD_BACKEND, DeploymentRolloutState.COMPLETED, 2, 2, 0));
        var draining = service(
                "tutors-prod-backend",
                2,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.COMPLETED, 2, 2, 0),
                deployment("ACTIVE", OLD_BACKEND, DeploymentRolloutState.COMPLETED, 0, 1, 0));
        describe(
                List.of(rolling, done("tutors-prod-frontend", NEW_FRONTEND)),
                List.of(draining),
                List.of(done("tutors-prod-backend", NEW_BACKEND)));
        rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), false);
        assertEquals(2, w.clock.sleeps.size(), "waited while the old deployment drained");
    }

    @Test
    void aCircuitBreakerRollbackFailsAtOnceThoughItsDeploymentIsCompleted() {
        // After a rollback the PRIMARY deployment is the old revision, COMPLETED: services-stable would pass.
        describe(List.of(done("tutors-prod-backend", OLD_BACKEND), done("tutors-prod-frontend", NEW_FRONTEND)));
        var e = assertThrows(OpsFailure.class, () -> rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), false));
        assertTrue(
                e.getMessage().contains("PRIMARY runs tutors-prod-backend:7, not tutors-prod-backend:8"),
                e.getMessage());
        assertEquals(0, w.clock.sleeps.size());
    }

    @Test
    void aRollbackInProgressIsNamedAsOne() {
        describe(List.of(
                service(
                        "tutors-prod-backend",
                        2,
                        deployment("PRIMARY", OLD_BACKEND, DeploymentRolloutState.IN_PROGRESS, 2, 0, 0),
                        deployment("ACTIVE", NEW_BACKEND, DeploymentRolloutState.FAILED, 0, 0, 3)),
                done("tutors-prod-frontend", NEW_FRONTEND)));
        var e = assertThrows(OpsFailure.class, () -> rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), false));
        assertTrue(e.getMessage().contains("circuit breaker rolled it back"), e.getMessage());
    }

    @Test
    void aFailedRolloutFails() {
        describe(List.of(
                service(
                        "tutors-prod-backend",
                        2,
                        deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.FAILED, 2, 0, 1)),
                done("tutors-prod-frontend", NEW_FRONTEND)));
        var e = assertThrows(OpsFailure.class, () -> rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), false));
        assertTrue(e.getMessage().contains("FAILED"), e.getMessage());
    }

    @Test
    void zeroTasksIsNeverPassed() {
        // Staging outside office hours: the deployment completes with no task at all.
        var asleep = service(
                "tutors-prod-backend",
                0,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.COMPLETED, 0, 0, 0));
        describe(List.of(asleep, done("tutors-prod-frontend", NEW_FRONTEND)));
        var e = assertThrows(OpsFailure.class, () -> rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), false));
        assertTrue(e.getMessage().contains("runs no task"), e.getMessage());
        verify(w.ecs, never()).updateService(any(UpdateServiceRequest.class));
    }

    @Test
    void withWakeAServiceAtZeroIsWokenOnceAndVerifiedRunning() {
        var asleep = service(
                "tutors-prod-backend",
                0,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.COMPLETED, 0, 0, 0));
        var waking = service(
                "tutors-prod-backend",
                1,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.COMPLETED, 1, 0, 0));
        var awake = service(
                "tutors-prod-backend",
                1,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.COMPLETED, 1, 1, 0));
        doReturn(UpdateServiceResponse.builder().build()).when(w.ecs).updateService(any(UpdateServiceRequest.class));
        describe(
                List.of(asleep, done("tutors-prod-frontend", NEW_FRONTEND)),
                List.of(asleep),
                List.of(waking),
                List.of(awake));
        rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), true);
        verify(w.ecs, times(1))
                .updateService(UpdateServiceRequest.builder()
                        .cluster(OpsFixtures.CLUSTER)
                        .service("tutors-prod-backend")
                        .desiredCount(1)
                        .build());
    }

    @Test
    void tasksThatKeepFailingAfterTheRolloutFail() {
        var crashing = service(
                "tutors-prod-backend",
                1,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.COMPLETED, 1, 0, 3));
        describe(List.of(crashing, done("tutors-prod-frontend", NEW_FRONTEND)));
        var e = assertThrows(OpsFailure.class, () -> rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(30), false));
        assertTrue(e.getMessage().contains("3 tasks of tutors-prod-backend:8 failed"), e.getMessage());
    }

    @Test
    void aRolloutStillInProgressAtTheTimeoutFails() {
        var rolling = service(
                "tutors-prod-backend",
                2,
                deployment("PRIMARY", NEW_BACKEND, DeploymentRolloutState.IN_PROGRESS, 2, 1, 0));
        describe(List.of(rolling, done("tutors-prod-frontend", NEW_FRONTEND)), List.of(rolling));
        var e = assertThrows(OpsFailure.class, () -> rollout.verify(OpsFixtures.prod(), Duration.ofMinutes(10), false));
        assertTrue(
                e.getMessage().contains("not verified after 10 minutes")
                        && e.getMessage().contains("IN_PROGRESS, 1/2 running"),
                e.getMessage());
    }

    @Test
    void twelveServicesAreDescribedTenAtATime() {
        // The web two and ten workers: DescribeServices refuses more than 10 names in one call.
        var names = new LinkedHashMap<String, String>();
        var revisions = new LinkedHashMap<String, String>();
        for (int i = 0; i < 12; i++) {
            names.put("part-" + i, "tutors-prod-part-" + i);
            revisions.put("part-" + i, TD + "tutors-prod-part-" + i + ":3");
        }
        var base = OpsFixtures.prod();
        var stack = new StackOutputs(
                base.stack(),
                base.cluster(),
                names,
                revisions,
                base.privateSubnets(),
                base.taskSecurityGroup(),
                base.database(),
                base.imageTag(),
                base.region());
        doReturn(
                        DescribeServicesResponse.builder()
                                .services(names.keySet().stream()
                                        .limit(10)
                                        .map(p -> done(names.get(p), revisions.get(p)))
                                        .toList())
                                .build(),
                        DescribeServicesResponse.builder()
                                .services(names.keySet().stream()
                                        .skip(10)
                                        .map(p -> done(names.get(p), revisions.get(p)))
                                        .toList())
                                .build())
                .when(w.ecs)
                .describeServices(any(DescribeServicesRequest.class));
        rollout.verify(stack, Duration.ofMinutes(5), false);
        var requests = ArgumentCaptor.forClass(DescribeServicesRequest.class);
        verify(w.ecs, times(2)).describeServices(requests.capture());
        assertEquals(
                List.of(10, 2),
                requests.getAllValues().stream().map(r -> r.services().size()).toList());
        assertTrue(w.out().contains("tutors-prod-part-11: tutors-prod-part-11:3 COMPLETED"), w.out());
    }
}
