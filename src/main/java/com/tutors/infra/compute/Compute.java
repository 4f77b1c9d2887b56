package com.tutors.infra.compute;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
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
        var s = args.settings();

        var backendLogs = logGroup("backend");
        var frontendLogs = logGroup("frontend");

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

        var trust = args.accountId().applyValue(ComputePolicies::ecsTasksTrust);
        var data = args.data();
        var backendSecretNames = backendSecrets(data);

        var execution =
                role("ecs-execution", "Lets ECS pull images, write logs and read this stack's app secrets", trust);
        new RolePolicyAttachment(
                names.name("ecs-execution"),
                RolePolicyAttachmentArgs.builder()
                        .role(execution.name())
                        .policyArn(ComputePolicies.EXECUTION_MANAGED_POLICY)
                        .build(),
                child);
        // The services wait for it: a task started before IAM has the policy cannot read its secrets.
        var executionSecrets = new RolePolicy(
                names.name("ecs-execution-secrets"),
                RolePolicyArgs.builder()
                        .role(execution.name())
                        // Derived from what the containers read: a secret added to one is readable, and nothing else
                        // is.
                        .policy(Output.all(readBy(backendSecretNames, FRONTEND_SECRETS).stream()
                                        .map(data::secretArn)
                                        .toList())
                                .applyValue(ComputePolicies::readSecrets))
                        .build(),
                child);

        var backendRole = role("backend-task", "The Django backend: its S3 buckets", trust);
        var artifacts = args.storage();
        new RolePolicy(
                names.name("backend-task-s3"),
                RolePolicyArgs.builder()
                        .role(backendRole.name())
                        .policy(Output.tuple(artifacts.mediaBucketArn(), artifacts.staticBucketArn())
                                .applyValue(t -> ComputePolicies.backendS3(t.t1, t.t2, s.ecsExec())))
                        .build(),
                child);
        args.mail()
                .ifPresent(mail -> new RolePolicy(
                        names.name("backend-task-mail"),
                        RolePolicyArgs.builder()
                                .role(backendRole.name())
                                .policy(Output.tuple(mail.identityArn(), mail.configurationSetArn())
                                        .applyValue(t -> ComputePolicies.sendMail(t.t1, t.t2, mail.domain())))
                                .build(),
                        child));
        // The frontend calls nothing in AWS: its role has no permission unless ECS Exec is on.
        var frontendRole = role("frontend-task", "The Next.js frontend: no AWS permissions", trust);
        if (s.ecsExec()) {
            new RolePolicy(
                    names.name("frontend-task-exec"),
                    RolePolicyArgs.builder()
                            .role(frontendRole.name())
                            .policy(ComputePolicies.ecsExecOnly())
                            .build(),
                    child);
        }

        var site = args.site();
        var backendEnv = Output.tuple(
                        site.host(),
                        site.url(),
                        artifacts.mediaBucketName(),
                        artifacts.staticBucketName(),
                        artifacts.staticBucketDomain())
                .applyValue(t -> {
                    var env = new LinkedHashMap<String, String>();
                    env.put("DJANGO_SETTINGS_MODULE", "config.settings.production");
                    env.put("ALLOWED_HOSTS", t.t1);
                    env.put("CSRF_TRUSTED_ORIGINS", t.t2);
                    env.put("AWS_STORAGE_BUCKET_NAME", t.t3);
                    env.put("AWS_STATIC_BUCKET_NAME", t.t4);
                    env.put("AWS_S3_REGION_NAME", args.region());
                    env.put("AWS_STATIC_LOCATION", STATIC_LOCATION);
                    env.put("AWS_MEDIA_LOCATION", MEDIA_LOCATION);
                    // Behind CloudFront both are served on the domain; without it the static bucket is public
                    // and media stays private, linked with presigned URLs.
                    env.put("AWS_STATIC_CUSTOM_DOMAIN", site.cdnHost().orElse(t.t5));
                    var media = site.mediaThroughCdn() ? site.cdnHost() : Optional.<String>empty();
                    env.put("AWS_MEDIA_CUSTOM_DOMAIN", media.orElse(""));
                    env.put("AWS_MEDIA_QUERYSTRING_AUTH", String.valueOf(media.isEmpty()));
                    args.mail()
                            .ifPresent(mail -> env.putAll(ContainerDefinitions.mailEnvironment(
                                    args.region(), mail.configurationSetName(), mail.defaultFrom())));
                    // The private name the frontend's server-side calls use: the app adds it to ALLOWED_HOSTS.
                    env.put("INTERNAL_API_HOST", PrivatePath.backendHost(names));
                    return env;
                });
        var backendSecrets = references(data, backendSecretNames);
        var backendImage = image(artifacts.backendEcrUrl(), args.imageTag());
        // The release (migrate, collectstatic) runs from the new image before the services roll onto it.
        var releaseImage = image(
                artifacts.backendEcrUrl(), s.releaseImageTag().map(Output::of).orElse(args.imageTag()));
        // Keep-alive longer than the ALB's idle timeout, so the ALB never reuses a connection gunicorn closed (502s).
        var gunicorn = AppProcesses.gunicorn(
                s.backend().cpu(),
                s.backend().memory(),
                s.backendWorkers(),
                s.backendThreads(),
                args.keepAliveSeconds());
        var backendTask = taskDefinition(
                "backend",
                s.backend(),
                backendRole,
                execution,
                container(
                        "backend",
                        backendImage,
                        gunicorn,
                        Ports.BACKEND,
                        backendEnv,
                        backendSecrets,
                        backendLogs,
                        "backend",
                        AppProcesses.backendHealthCheck()));
        var migrateTask = taskDefinition(
                "backend-migrate",
                s.backend(),
                backendRole,
                execution,
                container(
                        "backend",
                        releaseImage,
                        List.of("python", "manage.py", "migrate", "--noinput"),
                        null,
                        backendEnv,
                        backendSecrets,
                        backendLogs,
                        "migrate",
                        null));

        var frontendEnv = site.url()
                .applyValue(url -> Map.of(
                        // Server-side code (SSR, route handlers) needs an absolute URL, read at run time; browser
                        // code uses the same-origin NEXT_PUBLIC_API_URL=/api the image was built with.
                        "API_URL",
                        url + "/api",
                        // The same API inside the VPC: no NAT, CDN, WAF or load balancer on a render's way.
                        "API_INTERNAL_URL",
                        PrivatePath.backendUrl(names),
                        "NEXTAUTH_URL",
                        url,
                        // Fargate sets HOSTNAME to the task's name; a Next.js standalone server would bind only to
                        // that.
                        "HOSTNAME",
                        "0.0.0.0",
                        "PORT",
                        String.valueOf(Ports.FRONTEND),
                        // Longer than the ALB's idle timeout, as gunicorn's: the ALB always closes first (no 502s).
                        "KEEP_ALIVE_TIMEOUT",
                        String.valueOf(AppProcesses.frontendKeepAliveMillis(args.keepAliveSeconds()))));
        var frontendSecrets = references(data, FRONTEND_SECRETS);
        var frontendTask = taskDefinition(
                "frontend",
                s.frontend(),
                frontendRole,
                execution,
                container(
                        "frontend",
                        image(artifacts.frontendEcrUrl(), args.imageTag()),
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
                        taskDefinition(
                                w.part(),
                                new ComputeSettings.Service(
                                        w.cpu(), w.memory(), w.minCount(), w.minCount(), w.maxCount()),
                                backendRole,
                                execution,
                                container(
                                        "worker",
                                        backendImage,
                                        w.command(),
                                        null,
                                        backendEnv,
                                        backendSecrets,
                                        logGroup(w.part()),
                                        "worker",
                                        null)));
            }
            if (!s.jobs().isEmpty()) {
                var jobTasks = new java.util.TreeMap<String, TaskDefinition>();
                s.jobs()
                        .forEach((jobName, job) -> jobTasks.put(
                                jobName,
                                taskDefinition(
                                        job.part(),
                                        new ComputeSettings.Service(job.cpu(), job.memory(), 0, 0, 1),
                                        backendRole,
                                        execution,
                                        container(
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

    /** A container's {@code secrets}: each variable to the secret's current version (ECS's valueFrom). */
    private static Output<Map<String, String>> references(DataOutputs data, Map<String, AppSecret> secrets) {
        var names = List.copyOf(new java.util.TreeSet<>(secrets.keySet()));
        return com.tutors.infra.core.Outputs.keyed(names, n -> n, n -> data.secretReference(secrets.get(n)));
    }

    private static Output<String> image(Output<String> repositoryUrl, Output<String> tag) {
        return Output.tuple(repositoryUrl, tag).applyValue(t -> t.t1 + ":" + t.t2);
    }

    private LogGroup logGroup(String part) {
        return new LogGroup(
                names.name(part + "-logs"),
                LogGroupArgs.builder()
                        .name("/ecs/" + names.name(part))
                        .retentionInDays(args.settings().logRetentionDays())
                        .build(),
                child);
    }

    private Role role(String part, String description, Output<String> trust) {
        return new Role(
                names.name(part),
                RoleArgs.builder()
                        .name(names.name(part))
                        .description(description)
                        .assumeRolePolicy(trust)
                        .build(),
                child);
    }

    private Output<String> container(
            String name,
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
                        writable(name),
                        Hardening.user(args.settings()).orElse(null))));
    }

    private List<Hardening.Mount> writable(String container) {
        return Hardening.mounts(args.settings(), container.equals("frontend"));
    }

    private TaskDefinition taskDefinition(
            String part, ComputeSettings.Service size, Role taskRole, Role execution, Output<String> containers) {
        var volumes = writable(part.equals("frontend") ? "frontend" : "backend").stream()
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
