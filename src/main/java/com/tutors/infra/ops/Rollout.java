package com.tutors.infra.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Passes only when the release shipped: each service's (web and worker, by the stack's serviceNames) PRIMARY deployment runs the task definition
 * revision this deploy registered, its rollout is COMPLETED, the old one is drained, and it runs its
 * desired count with at least one task. A service at zero tasks (staging outside office hours) is
 * woken to one task for the check, never passed with nothing running; a circuit-breaker rollback
 * (another revision PRIMARY, or a FAILED rollout) fails at once.
 */
public final class Rollout {
    static final Duration POLL = Duration.ofSeconds(15);
    /** Tasks of the new revision that failed to start, after which waiting longer shows nothing new. */
    static final int FAILED_TASKS = 3;

    private final EcsClient ecs;
    private final Clock clock;
    private final PrintStream out;

    public Rollout(EcsClient ecs, Clock clock, PrintStream out) {
        this.ecs = ecs;
        this.clock = clock;
        this.out = out;
    }

    /** @param wake start one task of a service at zero tasks (the office-hours schedule takes it back down) */
    public void verify(StackOutputs stack, Duration timeout, boolean wake) {
        if (stack.services().isEmpty()) {
            throw new OpsFailure(
                    "stack " + stack.stack() + " has no services yet (phase 5 declares them): nothing to verify");
        }
        var pending = new LinkedHashMap<String, String>(); // service name -> expected task definition
        stack.services().forEach((part, name) -> pending.put(name, stack.taskDefinition(part)));
        var woken = new ArrayList<String>();
        var deadline = clock.deadline(timeout);
        var progress = new LinkedHashMap<String, String>();
        while (true) {
            for (var service : describe(stack.cluster(), List.copyOf(pending.keySet()))) {
                var expected = pending.get(service.serviceName());
                var state = check(service, expected);
                if (state.equals(DONE)) {
                    out.println(service.serviceName() + ": " + revision(expected) + " COMPLETED, "
                            + service.runningCount() + " running");
                    pending.remove(service.serviceName());
                    continue;
                }
                if (service.desiredCount() == 0) {
                    if (!wake) {
                        throw new OpsFailure(
                                service.serviceName() + " runs no task, so nothing verified " + revision(expected)
                                        + ": deploy within office hours, or let the check wake it (--wake)");
                    }
                    if (!woken.contains(service.serviceName())) {
                        ecs.updateService(b -> b.cluster(stack.cluster())
                                .service(service.serviceName())
                                .desiredCount(1));
                        woken.add(service.serviceName());
                        out.println(service.serviceName() + ": at 0 tasks (office hours), woken to 1 for the check");
                    }
                }
                if (!state.equals(progress.get(service.serviceName()))) {
                    out.println(service.serviceName() + ": " + state);
                    progress.put(service.serviceName(), state);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (!clock.now().plus(POLL).isBefore(deadline)) {
                throw new OpsFailure("not verified after " + timeout.toMinutes() + " minutes: " + progress);
            }
            clock.sleep(POLL);
        }
    }

    private static final String DONE = "done";

    /** DescribeServices takes at most 10 services a call: the web two and up to eight workers fit one. */
    static final int DESCRIBE_LIMIT = 10;

    private List<Service> describe(String cluster, List<String> names) {
        var out = new ArrayList<Service>();
        for (int i = 0; i < names.size(); i += DESCRIBE_LIMIT) {
            var batch = names.subList(i, Math.min(names.size(), i + DESCRIBE_LIMIT));
            var described = ecs.describeServices(b -> b.cluster(cluster).services(batch));
            if (!described.failures().isEmpty()) {
                throw new OpsFailure("cannot describe " + described.failures());
            }
            out.addAll(described.services());
        }
        return out;
    }

    /** {@link #DONE}, or what it is waiting for; throws for what waiting cannot fix. */
    static String check(Service service, String expected) {
        var primary = service.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .findFirst()
                .orElseThrow(() -> new OpsFailure(service.serviceName() + " has no PRIMARY deployment"));
        if (!expected.equals(primary.taskDefinition())) {
            boolean rolledBack = service.deployments().stream().anyMatch(d -> expected.equals(d.taskDefinition()))
                    || primary.rolloutState() == DeploymentRolloutState.IN_PROGRESS;
            throw new OpsFailure(
                    service.serviceName() + ": PRIMARY runs " + revision(primary.taskDefinition()) + ", not "
                            + revision(expected) + " that this deploy registered"
                            + (rolledBack
                                    ? " (the deployment circuit breaker rolled it back: see the service's events and the tasks' logs)"
                                    : " (was the stack changed after this deploy's up?)"));
        }
        if (primary.rolloutState() == DeploymentRolloutState.FAILED) {
            throw new OpsFailure(service.serviceName() + ": the rollout of " + revision(expected) + " FAILED: "
                    + primary.rolloutStateReason());
        }
        if (primary.failedTasks() != null && primary.failedTasks() >= FAILED_TASKS) {
            throw new OpsFailure(
                    service.serviceName() + ": " + primary.failedTasks() + " tasks of " + revision(expected)
                            + " failed to start or stay healthy: see the service's events and the tasks' logs");
        }
        boolean completed = primary.rolloutState() == DeploymentRolloutState.COMPLETED;
        boolean drained = service.deployments().size() == 1;
        int running = primary.runningCount() == null ? 0 : primary.runningCount();
        int desired = Math.max(1, primary.desiredCount() == null ? 0 : primary.desiredCount());
        if (completed && drained && running >= desired) {
            return DONE;
        }
        return revision(expected) + " " + primary.rolloutStateAsString() + ", " + running + "/" + desired + " running"
                + (drained ? "" : ", " + (service.deployments().size() - 1) + " older deployment(s) draining");
    }

    /** "family:revision" of a task definition ARN. */
    static String revision(String arn) {
        return arn == null ? "(none)" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
