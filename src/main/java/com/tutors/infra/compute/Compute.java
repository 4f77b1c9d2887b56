package com.tutors.infra.compute;

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
import com.tutors.infra.core.Phase;
import com.tutors.infra.core.Ports;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.data.DataOutputs.AppSecret;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.storage.StorageOutputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 4: the ECS cluster, the backend and frontend services with their task definitions, the
 * one-off migration task, IAM roles, log groups and autoscaling (CPU and requests per task).
 */
public final class Compute extends ComponentResource {

    /**
     * Where users reach the site: the domain, or the ALB's own name in no-domain mode.
     *
     * @param cdnHost present when CloudFront serves the domain: static files are then at
     *                https://&lt;cdnHost&gt;/static/ (CloudFront keeps the path, so the keys carry it); while DNS
     *                still points at the load balancer, it redirects /static/* to the still public bucket
     * @param mediaThroughCdn media links go to https://&lt;cdnHost&gt;/media/ instead of presigned S3 URLs: only
     *                once the lock is on, when DNS has moved to CloudFront (the load balancer has no media)
     */
    public record Site(Output<String> host, Output<String> url, Optional<String> cdnHost, boolean mediaThroughCdn) {}

    /** The buckets' key prefixes: CloudFront's /static/* and /media/* behaviours pass the path through to S3. */
    public static final String STATIC_LOCATION = "static";

    public static final String MEDIA_LOCATION = "media";

    /**
     * Phase 5's target groups, when it is declared (Edge is declared before Compute; this record keeps
     * the import downward). The services wait for {@code listeners} (listeners and rules): a target
     * group must be attached to a load balancer before a service can use it. The requests labels
     * ({@code app/<alb>/<id>/targetgroup/<tg>/<id>}) name each target group's request count for autoscaling.
     */
    public record LoadBalancing(
            Output<String> backendTargetGroupArn,
            Output<String> frontendTargetGroupArn,
            List<Resource> listeners,
            Output<String> backendRequestsLabel,
            Output<String> frontendRequestsLabel) {}

    /**
     * Phase 5's mail identity, when the domain sends mail: the backend may send only as it, through its
     * configuration set, from an address of the domain.
     */
    public record Mail(
            String domain,
            String defaultFrom,
            Output<String> identityArn,
            String configurationSetName,
            Output<String> configurationSetArn) {}

    /**
     * Phases 1-3's outputs, and where the site is served.
     *
     * @param imageTag the services' image tag, resolved by {@link ImageTags#services}
     * @param deploymentAlarms by service part, the alarms that roll its deployments back (phase 6's; empty without them)
     */
    public record Args(
            Naming names,
            String region,
            Output<String> accountId,
            ComputeSettings settings,
            Output<String> imageTag,
            int keepAliveSeconds,
            NetworkOutputs network,
            DataOutputs data,
            StorageOutputs storage,
            Site site,
            Optional<LoadBalancing> loadBalancing,
            Optional<Mail> mail,
            Map<String, List<String>> deploymentAlarms) {}

    /** What the later phases receive. */
    public final ComputeOutputs outputs;

    private final Args args;
    private final Naming names;
    private final CustomResourceOptions child;

    public Compute(String name, Args args, ComponentResourceOptions options) {
        super(Phase.COMPUTE.componentType(), name, options);
        this.args = args;
        this.names = args.names();
        this.child = CustomResourceOptions.builder().parent(this).build();
        var tasks = new Tasks(args, child);
        var s = args.settings();

        var backendLogs = tasks.logGroup("backend");
        var frontendLogs = tasks.logGroup("frontend");

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
        var backendSecretNames = backendSecrets(data);
        var roles = TaskRoles.declare(args, tasks, readBy(backendSecretNames, FRONTEND_SECRETS), child);
        var execution = roles.execution();
        var executionSecrets = roles.executionSecrets();
        var backendRole = roles.backend();
        var frontendRole = roles.frontend();
        var artifacts = args.storage();

        var site = args.site();
        var backendEnv = AppEnvironment.backend(args);
        var backendSecrets = Tasks.references(data, backendSecretNames);
        var backendImage = Tasks.image(artifacts.backendEcrUrl(), args.imageTag());
        // The release (migrate, collectstatic) runs from the new image before the services roll onto it.
        var releaseImage = Tasks.image(
                artifacts.backendEcrUrl(), s.releaseImageTag().map(Output::of).orElse(args.imageTag()));
        // Keep-alive longer than the ALB's idle timeout, so the ALB never reuses a connection gunicorn closed (502s).
        var gunicorn = AppProcesses.gunicorn(
                s.backend().cpu(),
                s.backend().memory(),
                s.backendWorkers(),
                s.backendThreads(),
                args.keepAliveSeconds());
        var backendTask = tasks.taskDefinition(
                "backend",
                s.backend(),
                backendRole,
                execution,
                tasks.container(
                        "backend",
                        backendImage,
                        gunicorn,
                        Ports.BACKEND,
                        backendEnv,
                        backendSecrets,
                        backendLogs,
                        "backend",
                        AppProcesses.backendHealthCheck()));
        var migrateTask = tasks.taskDefinition(
                "backend-migrate",
                s.backend(),
                backendRole,
                execution,
                tasks.container(
                        "backend",
                        releaseImage,
                        List.of("python", "manage.py", "migrate", "--noinput"),
                        null,
                        backendEnv,
                        backendSecrets,
                        backendLogs,
                        "migrate",
                        null));

        var frontendEnv = AppEnvironment.frontend(args);
        var frontendSecrets = Tasks.references(data, FRONTEND_SECRETS);
        var frontendTask = tasks.taskDefinition(
                "frontend",
                s.frontend(),
                frontendRole,
                execution,
                tasks.container(
                        "frontend",
                        Tasks.image(artifacts.frontendEcrUrl(), args.imageTag()),
                        AppProcesses.frontendCommand(args.keepAliveSeconds()),
                        Ports.FRONTEND,
                        frontendEnv,
                        frontendSecrets,
                        frontendLogs,
                        "frontend",
                        AppProcesses.frontendHealthCheck()));

        // The services exist only with phase 5's target groups: a service created with its load balancer and
        // grace period is one CreateService call, while adding both to a running one is an UpdateService ECS refuses.
        // Phase 4 alone registers the task definitions, roles and migrate task, so migrations can run first.
        var services = args.loadBalancing().map(lb -> {
            var ready = new ArrayList<Resource>(List.of(capacity, executionSecrets));
            ready.addAll(lb.listeners());
            var builder = new Services(this, names, s, args.network(), cluster, ready, args.deploymentAlarms());
            var pair = new Services.Pair(
                    builder.declare(
                            "backend",
                            s.backend(),
                            backendTask,
                            lb.backendTargetGroupArn(),
                            Ports.BACKEND,
                            lb.backendRequestsLabel(),
                            Optional.of(PrivatePath.backend(names, args.network(), child))),
                    builder.declare(
                            "frontend",
                            s.frontend(),
                            frontendTask,
                            lb.frontendTargetGroupArn(),
                            Ports.FRONTEND,
                            lb.frontendRequestsLabel(),
                            Optional.empty()));
            // The backend image's other processes: as the backend (image, environment, secrets, task role), their own
            // command.
            for (var w : s.workers().values()) {
                builder.declareWorker(
                        w,
                        tasks.taskDefinition(
                                w.part(),
                                new ComputeSettings.Service(
                                        w.cpu(), w.memory(), w.minCount(), w.minCount(), w.maxCount()),
                                backendRole,
                                execution,
                                tasks.container(
                                        "worker",
                                        backendImage,
                                        w.command(),
                                        null,
                                        backendEnv,
                                        backendSecrets,
                                        tasks.logGroup(w.part()),
                                        "worker",
                                        null)));
            }
            if (!s.jobs().isEmpty()) {
                var jobTasks = new java.util.TreeMap<String, TaskDefinition>();
                s.jobs()
                        .forEach((jobName, job) -> jobTasks.put(
                                jobName,
                                tasks.taskDefinition(
                                        job.part(),
                                        new ComputeSettings.Service(job.cpu(), job.memory(), 0, 0, 1),
                                        backendRole,
                                        execution,
                                        tasks.container(
                                                "job",
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
                        List.of(backendRole, execution),
                        child);
            }
            return pair;
        });

        var network = args.network();
        var migrateCommand = Output.tuple(
                        cluster.name(),
                        migrateTask.family(),
                        network.privateSubnetIds(),
                        network.securityGroups().ecs())
                .applyValue(t -> Capacity.runTaskCommand(t.t1, t.t2, t.t3, t.t4, args.region()));
        this.outputs = new ComputeOutputs(
                cluster.name(),
                services.map(p -> p.backend().name()),
                services.map(p -> p.frontend().name()),
                migrateCommand,
                migrateTask.family(),
                args.settings().officeHours().isPresent() && services.isPresent(),
                args.imageTag(),
                Output.tuple(backendTask.arn(), frontendTask.arn(), migrateTask.arn())
                        .applyValue(t -> {
                            var arns = new java.util.TreeMap<String, String>();
                            arns.put("backend", t.t1);
                            arns.put("frontend", t.t2);
                            arns.put("migrate", t.t3);
                            return (Map<String, String>) arns;
                        }),
                services.isEmpty()
                        ? List.of()
                        : s.jobs().values().stream()
                                .map(j -> names.name(j.part()))
                                .toList(),
                services.isEmpty()
                        ? Map.of()
                        : s.workers().values().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Workloads.Worker::part,
                                        w -> names.name(w.part()),
                                        (a, b) -> a,
                                        java.util.TreeMap::new)));
        var exported = new LinkedHashMap<String, Output<?>>();
        exported.put("ecsClusterName", outputs.ecsClusterName());
        outputs.backendServiceName().ifPresent(o -> exported.put("backendServiceName", o));
        outputs.frontendServiceName().ifPresent(o -> exported.put("frontendServiceName", o));
        exported.put("migrateCommand", outputs.migrateCommand());
        exported.put("migrateTaskFamily", outputs.migrateTaskFamily());
        exported.put("imageTag", outputs.imageTag());
        exported.put("taskDefinitionArns", outputs.taskDefinitionArns());
        registerOutputs(exported);
    }

    /**
     * The backend's secrets by environment variable: the database and cache URLs and Django's key, and
     * during a key rotation the previous key (the app sets SECRET_KEY_FALLBACKS from it).
     */
    static Map<String, AppSecret> backendSecrets(DataOutputs data) {
        var secrets = new LinkedHashMap<String, AppSecret>();
        secrets.put("DATABASE_URL", AppSecret.DB_URL);
        secrets.put("REDIS_URL", AppSecret.REDIS_URL);
        secrets.put("DJANGO_SECRET_KEY", AppSecret.DJANGO_SECRET_KEY);
        if (data.has(AppSecret.DJANGO_SECRET_KEY_PREVIOUS)) {
            secrets.put("DJANGO_SECRET_KEY_FALLBACKS", AppSecret.DJANGO_SECRET_KEY_PREVIOUS);
        }
        return secrets;
    }

    static final Map<String, AppSecret> FRONTEND_SECRETS = Map.of("NEXTAUTH_SECRET", AppSecret.NEXTAUTH_SECRET);

    /** Every secret some container reads, once, in a fixed order (the execution role may read exactly these). */
    @SafeVarargs
    static List<AppSecret> readBy(Map<String, AppSecret>... containers) {
        var all = new java.util.TreeSet<AppSecret>();
        for (var container : containers) {
            all.addAll(container.values());
        }
        return List.copyOf(all);
    }
}
