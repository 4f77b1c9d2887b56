package com.tutors.infra.compute;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Outputs;
import com.tutors.infra.core.Phase;
import com.tutors.infra.data.DataOutputs.AppSecret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Phase 4: the ECS cluster, the backend and frontend services with their task definitions, the
 * one-off migration task, IAM roles, log groups and autoscaling (CPU and requests per task).
 */
public final class Compute extends ComponentResource {

    /** The buckets' key prefixes: CloudFront's /static/* and /media/* behaviours pass the path through to S3. */
    public static final String STATIC_LOCATION = "static";

    public static final String MEDIA_LOCATION = "media";

    /** What the later phases receive. */
    public final ComputeOutputs outputs;

    private final ComputeArgs args;
    private final Naming names;
    private final CustomResourceOptions child;

    public Compute(String name, ComputeArgs args, ComponentResourceOptions options) {
        super(Phase.COMPUTE.componentType(), name, options);
        this.args = args;
        this.names = args.names();
        this.child = CustomResourceOptions.builder().parent(this).build();
        var tasks = new Tasks(args, child);
        var s = args.settings();
        var services = args.services();

        var logs = new LinkedHashMap<String, LogGroup>();
        services.forEach(service -> logs.put(service.part(), tasks.logGroup(service.part())));
        var backendLogs = logs.get("backend"); // the release task's and the jobs' too

        var cluster = new Cluster(
                names.name("cluster"),
                ClusterArgs.builder()
                        .name(names.name("cluster"))
                        .settings(ClusterSettingArgs.builder()
                                .name("containerInsights")
                                .value(s.containerInsights() ? "enabled" : "disabled")
                                .build())
                        .build(),
                child);
        var strategy = Capacity.strategy(s.spotPercent());
        var capacity = new ClusterCapacityProviders(
                names.name("cluster"),
                ClusterCapacityProvidersArgs.builder()
                        .clusterName(cluster.name())
                        .capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategies(strategy.stream()
                                .map(share -> ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                                        .capacityProvider(share.provider())
                                        .base(share.base())
                                        .weight(share.weight())
                                        .build())
                                .toList())
                        .build(),
                child);

        var data = args.data();
        var roles = TaskRoles.declare(args, tasks, AppServices.readBy(services), child);
        var execution = roles.execution();
        var artifacts = args.storage();
        var backendEnv = AppEnvironment.backend(args);
        var frontendEnv = AppEnvironment.frontend(args);
        var backendImage = Tasks.image(artifacts.backendEcrUrl(), args.imageTag());
        var frontendImage = Tasks.image(artifacts.frontendEcrUrl(), args.imageTag());

        // Every service's task definition, from its description: the image's role, environment and repository.
        // One secrets output per set of secrets: the backend's processes share one.
        var references = new HashMap<Map<String, AppSecret>, Output<Map<String, String>>>();
        var taskDefinitions = new LinkedHashMap<String, TaskDefinition>();
        for (var service : services) {
            boolean backendImageRuns = service.image() == AppService.Image.BACKEND;
            taskDefinitions.put(
                    service.part(),
                    tasks.taskDefinition(
                            service.part(),
                            service.image(),
                            service.size(),
                            backendImageRuns ? roles.backend() : roles.frontend(),
                            execution,
                            tasks.container(
                                    service.container(),
                                    service.image(),
                                    backendImageRuns ? backendImage : frontendImage,
                                    service.command(),
                                    service.http().map(AppService.Http::port).orElse(null),
                                    backendImageRuns ? backendEnv : frontendEnv,
                                    references.computeIfAbsent(
                                            service.secrets(), secrets -> Tasks.references(data, secrets)),
                                    logs.get(service.part()),
                                    service.container(),
                                    service.http()
                                            .map(AppService.Http::containerCheck)
                                            .orElse(null))));
        }
        // The release (migrate, collectstatic) runs from the new image before the services roll onto it.
        var backend = AppServices.named(services, "backend");
        var backendSecrets = references.computeIfAbsent(backend.secrets(), secrets -> Tasks.references(data, secrets));
        var releaseImage = Tasks.image(
                artifacts.backendEcrUrl(), s.releaseImageTag().map(Output::of).orElse(args.imageTag()));
        var migrateTask = tasks.taskDefinition(
                "backend-migrate",
                AppService.Image.BACKEND,
                backend.size(),
                roles.backend(),
                execution,
                tasks.container(
                        backend.container(),
                        AppService.Image.BACKEND,
                        releaseImage,
                        List.of("python", "manage.py", "migrate", "--noinput"),
                        null,
                        backendEnv,
                        backendSecrets,
                        backendLogs,
                        "migrate",
                        null));

        // The services exist only with phase 5's target groups: a service created with its load balancer and
        // grace period is one CreateService call, while adding both to a running one is an UpdateService ECS refuses.
        // Phase 4 alone registers the task definitions, roles and migrate task, so migrations can run first.
        var declared = args.loadBalancing().map(lb -> {
            var ready = new ArrayList<Resource>(List.of(capacity, roles.executionSecrets()));
            ready.addAll(lb.listeners());
            var builder = new Services(this, names, s, args.network(), cluster, ready, args.deploymentAlarms());
            var out = new LinkedHashMap<String, com.pulumi.aws.ecs.Service>();
            for (var service : services) {
                var registry = service.http()
                        .filter(AppService.Http::privateName)
                        .map(h -> PrivatePath.declare(names, service.part(), args.network(), child));
                var targetGroup = service.http()
                        .map(h -> Optional.ofNullable(lb.targetGroups().get(service.part()))
                                .orElseThrow(() -> new IllegalStateException("no target group for " + service.part())));
                out.put(
                        service.part(),
                        builder.declare(service, taskDefinitions.get(service.part()), targetGroup, registry));
            }
            if (!s.jobs().isEmpty()) {
                var jobTasks = new TreeMap<String, TaskDefinition>();
                s.jobs()
                        .forEach((jobName, job) -> jobTasks.put(
                                jobName,
                                tasks.taskDefinition(
                                        job.part(),
                                        AppService.Image.BACKEND,
                                        new ComputeSettings.Service(job.cpu(), job.memory(), 0, 0, 1),
                                        roles.backend(),
                                        execution,
                                        tasks.container(
                                                "job",
                                                AppService.Image.BACKEND,
                                                backendImage,
                                                job.command(),
                                                null,
                                                backendEnv,
                                                backendSecrets,
                                                backendLogs,
                                                job.part(),
                                                null))));
                ScheduledJobs.declare(
                        names,
                        s.jobs(),
                        jobTasks,
                        cluster,
                        args.network(),
                        args.accountId(),
                        List.of(roles.backend(), execution),
                        child);
            }
            return out;
        });

        var network = args.network();
        var migrateCommand = Output.tuple(
                        cluster.name(),
                        migrateTask.family(),
                        network.privateSubnetIds(),
                        network.securityGroups().ecs())
                .applyValue(t -> Capacity.runTaskCommand(t.t1, t.t2, t.t3, t.t4, args.region()));
        var arns = new LinkedHashMap<String, Output<String>>();
        taskDefinitions.forEach((part, task) -> arns.put(part, task.arn()));
        arns.put("migrate", migrateTask.arn());
        this.outputs = new ComputeOutputs(
                cluster.name(),
                declared.map(d -> services.stream()
                                .map(service -> new ComputeOutputs.Service(
                                        service.part(), d.get(service.part()).name(), service.web()))
                                .toList())
                        .orElse(List.of()),
                migrateCommand,
                migrateTask.family(),
                args.settings().officeHours().isPresent() && declared.isPresent(),
                args.imageTag(),
                Outputs.keyed(new ArrayList<>(new TreeSet<>(arns.keySet())), part -> part, arns::get),
                declared.isEmpty()
                        ? List.of()
                        : s.jobs().values().stream()
                                .map(j -> names.name(j.part()))
                                .toList());
        var exported = new LinkedHashMap<String, Output<?>>();
        exported.put("ecsClusterName", outputs.ecsClusterName());
        outputs.services().stream()
                .filter(ComputeOutputs.Service::web)
                .forEach(service -> exported.put(service.part() + "ServiceName", service.name()));
        exported.put("migrateCommand", outputs.migrateCommand());
        exported.put("migrateTaskFamily", outputs.migrateTaskFamily());
        exported.put("imageTag", outputs.imageTag());
        exported.put("taskDefinitionArns", outputs.taskDefinitionArns());
        registerOutputs(exported);
    }
}
