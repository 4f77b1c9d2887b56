package com.tutors.infra.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One task of the release task definition with another command (migrate, collectstatic, any manage.py
 * command), waited for until it stops: it passes only on exit code 0. On failure, or always for a
 * one-off command, the task's last log lines are printed.
 */
public final class OneOffTask {
    /** The container the backend's task definitions run (ContainerDefinitions names it so). */
    public static final String CONTAINER = "backend";

    static final Duration POLL = Duration.ofSeconds(10);
    static final int LOG_LINES = 50;

    private final EcsClient ecs;
    private final CloudWatchLogsClient logs;
    private final Clock clock;
    private final PrintStream out;

    public OneOffTask(EcsClient ecs, CloudWatchLogsClient logs, Clock clock, PrintStream out) {
        this.ecs = ecs;
        this.logs = logs;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @param alwaysShowLogs print the log tail on success too (a one-off command's output is its result)
     * @throws OpsFailure on a start failure, a non-zero or missing exit code, or when {@code timeout} runs out
     *                    (the task is left running: stopping a migration half-way is worse than waiting)
     */
    public void run(
            StackOutputs stack,
            List<String> command,
            Map<String, String> environment,
            Duration timeout,
            boolean alwaysShowLogs) {
        var taskDefinition = stack.taskDefinition("migrate");
        var what = String.join(" ", command);
        var started = ecs.runTask(b -> b.cluster(stack.cluster())
                .taskDefinition(taskDefinition)
                // On-demand even where the services run on Spot: a reclaimed migration is a half-run migration.
                .launchType(LaunchType.FARGATE)
                .count(1)
                .startedBy("tutors-ops")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(stack.privateSubnets())
                        .securityGroups(stack.taskSecurityGroup())
                        .assignPublicIp(AssignPublicIp.DISABLED)))
                .overrides(o -> o.containerOverrides(ContainerOverride.builder()
                        .name(CONTAINER)
                        .command(command)
                        .environment(environment.entrySet().stream()
                                .map(e -> KeyValuePair.builder()
                                        .name(e.getKey())
                                        .value(e.getValue())
                                        .build())
                                .toList())
                        .build())));
        if (!started.failures().isEmpty() || started.tasks().isEmpty()) {
            throw new OpsFailure("'" + what + "' did not start: "
                    + started.failures().stream()
                            .map(f -> f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")"))
                            .toList());
        }
        var arn = started.tasks().get(0).taskArn();
        out.println(
                "'" + what + "': task " + arn + " on " + taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1));
        var task = waitForStop(stack.cluster(), arn, timeout, what);
        var container = task.containers().stream()
                .filter(c -> CONTAINER.equals(c.name()))
                .findFirst()
                .orElse(null);
        Integer exit = container == null ? null : container.exitCode();
        if (exit == null || exit != 0) {
            printLogTail(taskDefinition, arn);
            throw new OpsFailure("'" + what + "' "
                    + (exit == null ? "stopped with no exit code: " + reason(task, container) : "exited with " + exit)
                    + " (task " + arn + ")");
        }
        if (alwaysShowLogs) {
            printLogTail(taskDefinition, arn);
        }
        out.println("'" + what + "': exit code 0");
    }

    private Task waitForStop(String cluster, String arn, Duration timeout, String what) {
        var deadline = clock.deadline(timeout);
        String last = "";
        while (true) {
            var described = ecs.describeTasks(b -> b.cluster(cluster).tasks(arn));
            if (described.tasks().isEmpty()) {
                throw new OpsFailure("task " + arn + " is gone (" + described.failures() + ")");
            }
            var task = described.tasks().get(0);
            if (!task.lastStatus().equals(last)) {
                out.println("'" + what + "': " + task.lastStatus());
                last = task.lastStatus();
            }
            if (task.lastStatus().equals("STOPPED")) {
                return task;
            }
            if (!clock.now().plus(POLL).isBefore(deadline)) {
                throw new OpsFailure("'" + what + "' is still " + task.lastStatus() + " after " + timeout.toMinutes()
                        + " minutes; it was left running (task " + arn + "): follow its logs, and deploy again once it "
                        + "has stopped with exit code 0, or stop it with aws ecs stop-task");
            }
            clock.sleep(POLL);
        }
    }

    private static String reason(Task task, Container container) {
        var detail = container == null || container.reason() == null ? "" : "; container: " + container.reason();
        return task.stoppedReason() + detail;
    }

    /** The last lines of the task's log stream ({@code <prefix>/<container>/<task id>}, as awslogs names it). */
    void printLogTail(String taskDefinition, String taskArn) {
        ContainerDefinition definition = ecs
                .describeTaskDefinition(b -> b.taskDefinition(taskDefinition))
                .taskDefinition()
                .containerDefinitions()
                .stream()
                .filter(c -> CONTAINER.equals(c.name()))
                .findFirst()
                .orElse(null);
        if (definition == null || definition.logConfiguration() == null) {
            out.println("(no log configuration on " + taskDefinition + ")");
            return;
        }
        var options = definition.logConfiguration().options();
        var group = options.get("awslogs-group");
        var stream = options.get("awslogs-stream-prefix") + "/" + CONTAINER + "/"
                + taskArn.substring(taskArn.lastIndexOf('/') + 1);
        try {
            var events = logs.getLogEvents(b -> b.logGroupName(group)
                            .logStreamName(stream)
                            .startFromHead(false)
                            .limit(LOG_LINES))
                    .events();
            out.println("--- last " + events.size() + " log lines of " + group + " " + stream + " ---");
            events.stream().map(OutputLogEvent::message).forEach(out::println);
            out.println("---");
        } catch (ResourceNotFoundException e) {
            out.println("(no log stream " + stream + " in " + group + ": the container never started)");
        }
    }
}
