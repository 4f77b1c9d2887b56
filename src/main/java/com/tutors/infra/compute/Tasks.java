package com.tutors.infra.compute;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Outputs;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.data.DataOutputs.AppSecret;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How phase 4 declares a task's parts, once for every service, worker and job: its log group, its role,
 * its container definition (one apply per task definition) and the Fargate task definition.
 */
final class Tasks {
    private final ComputeArgs args;
    private final Naming names;
    private final CustomResourceOptions child;

    Tasks(ComputeArgs args, CustomResourceOptions child) {
        this.args = args;
        this.names = args.names();
        this.child = child;
    }

    /** A container's {@code secrets}: each variable to the secret's current version (ECS's valueFrom). */
    static Output<Map<String, String>> references(DataOutputs data, Map<String, AppSecret> secrets) {
        var names = List.copyOf(new TreeSet<>(secrets.keySet()));
        return Outputs.keyed(names, n -> n, n -> data.secretReference(secrets.get(n)));
    }

    static Output<String> image(Output<String> repositoryUrl, Output<String> tag) {
        return Output.tuple(repositoryUrl, tag).applyValue(t -> t.t1 + ":" + t.t2);
    }

    LogGroup logGroup(String part) {
        return new LogGroup(
                names.name(part + "-logs"),
                LogGroupArgs.builder()
                        .name("/ecs/" + names.name(part))
                        .retentionInDays(args.settings().logRetentionDays())
                        .build(),
                child);
    }

    Role role(String part, String description, Output<String> trust) {
        return new Role(
                names.name(part),
                RoleArgs.builder()
                        .name(names.name(part))
                        .description(description)
                        .assumeRolePolicy(trust)
                        .build(),
                child);
    }

    Output<String> container(
            String name,
            AppService.Image runs,
            Output<String> image,
            List<String> command,
            Integer port,
            Output<? extends Map<String, String>> environment,
            Output<Map<String, String>> secrets,
            LogGroup logs,
            String streamPrefix,
            AppProcesses.HealthCheck healthCheck) {
        // One apply per task definition: everything the JSON needs, resolved together.
        return Output.tuple(image, environment, secrets, logs.name())
                .applyValue(t -> ContainerDefinitions.json(new ContainerDefinitions.Container(
                        name,
                        t.t1,
                        command,
                        port,
                        t.t2,
                        t.t3,
                        t.t4,
                        args.region(),
                        streamPrefix,
                        args.settings().ecsExec(),
                        healthCheck,
                        writable(runs),
                        Hardening.user(args.settings()).orElse(null))));
    }

    List<Hardening.Mount> writable(AppService.Image runs) {
        return Hardening.mounts(args.settings(), runs == AppService.Image.FRONTEND);
    }

    TaskDefinition taskDefinition(
            String part,
            AppService.Image runs,
            ComputeSettings.Service size,
            Role taskRole,
            Role execution,
            Output<String> containers) {
        var volumes = writable(runs).stream()
                .map(m -> TaskDefinitionVolumeArgs.builder().name(m.volume()).build())
                .toList();
        var taskArgs = TaskDefinitionArgs.builder();
        if (!volumes.isEmpty()) {
            taskArgs.volumes(volumes); // task-scoped, on the task's ephemeral storage
        }
        return new TaskDefinition(
                names.name(part),
                taskArgs.family(names.name(part))
                        .requiresCompatibilities("FARGATE")
                        .networkMode("awsvpc")
                        .cpu(String.valueOf(size.cpu()))
                        .memory(String.valueOf(size.memory()))
                        .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                                .operatingSystemFamily("LINUX")
                                .cpuArchitecture(args.settings().cpuArchitecture())
                                .build())
                        .executionRoleArn(execution.arn())
                        .taskRoleArn(taskRole.arn())
                        .containerDefinitions(containers)
                        .build(),
                child);
    }
}
