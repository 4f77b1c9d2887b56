package com.tutors.infra.compute;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersNetworkConfigurationArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scheduled jobs: EventBridge Scheduler runs each job's task definition (the backend image, the job's
 * command) on on-demand Fargate in the private subnets, through one role that may run only these task
 * definitions on this cluster and pass only the backend's two roles to ECS.
 */
final class ScheduledJobs {
    private ScheduledJobs() {}

    /** @param tasks by job name */
    static void declare(
            Naming names,
            Map<String, Workloads.Job> jobs,
            Map<String, TaskDefinition> tasks,
            Cluster cluster,
            NetworkOutputs network,
            Output<String> accountId,
            List<Role> passed,
            CustomResourceOptions child) {
        var role = new Role(
                names.name("jobs"),
                RoleArgs.builder()
                        .name(names.name("jobs"))
                        .description("EventBridge Scheduler: starts this stack's scheduled jobs")
                        .assumeRolePolicy(accountId.applyValue(id ->
                                PolicyDocument.serviceTrust("SchedulerAssumesTheRole", "scheduler.amazonaws.com", id)))
                        .build(),
                child);
        var families = new ArrayList<Output<String>>();
        tasks.values().forEach(t -> families.add(t.arnWithoutRevision()));
        var roleArns = new ArrayList<Output<String>>();
        passed.forEach(r -> roleArns.add(r.arn()));
        var policy = new RolePolicy(
                names.name("jobs"),
                RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(Output.tuple(Output.all(families), Output.all(roleArns), cluster.arn())
                                .applyValue(t -> runJobs(t.t1, t.t2, t.t3)))
                        .build(),
                child);
        var afterPolicy = CustomResourceOptions.builder()
                .parent(child.getParent().orElseThrow())
                .dependsOn(policy)
                .build();
        jobs.forEach((name, job) -> new Schedule(
                names.name(job.part()),
                ScheduleArgs.builder()
                        .name(names.name(job.part()))
                        .description("Job " + name + ": " + String.join(" ", job.command()))
                        .scheduleExpression(job.schedule())
                        .scheduleExpressionTimezone(job.timezone())
                        .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder()
                                .mode("OFF")
                                .build())
                        .target(ScheduleTargetArgs.builder()
                                .arn(cluster.arn())
                                .roleArn(role.arn())
                                .ecsParameters(ScheduleTargetEcsParametersArgs.builder()
                                        .taskDefinitionArn(tasks.get(name).arn())
                                        .launchType("FARGATE")
                                        .taskCount(1)
                                        .networkConfiguration(
                                                ScheduleTargetEcsParametersNetworkConfigurationArgs.builder()
                                                        .subnets(network.privateSubnetIds())
                                                        .securityGroups(network.securityGroups()
                                                                .ecs()
                                                                .applyValue(List::of))
                                                        .assignPublicIp(false)
                                                        .build())
                                        .build())
                                // Retries cover a task that could not be started (capacity, throttling), not one that
                                // ran and failed.
                                .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                        .maximumRetryAttempts(2)
                                        .maximumEventAgeInSeconds(3600)
                                        .build())
                                .build())
                        .build(),
                afterPolicy));
    }

    /** The scheduler role's policy: run these task definitions (any revision) on this cluster, pass their roles to ECS. */
    static String runJobs(List<String> families, List<String> roleArns, String clusterArn) {
        return PolicyDocument.create()
                .statement(
                        "RunTheJobsTaskDefinitions",
                        "Allow",
                        null,
                        List.of("ecs:RunTask"),
                        families.stream().map(f -> f + ":*").toList(),
                        Map.of("ArnEquals", Map.of("ecs:cluster", clusterArn)))
                .statement(
                        "PassTheirRolesToEcs",
                        "Allow",
                        null,
                        List.of("iam:PassRole"),
                        roleArns,
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .json();
    }
}
