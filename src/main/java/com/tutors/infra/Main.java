package com.tutors.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParametersByPathArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.tutors.infra.blocks.PermissionsBoundary;
import com.tutors.infra.compute.AppService;
import com.tutors.infra.compute.AppServices;
import com.tutors.infra.compute.Compute;
import com.tutors.infra.compute.ComputeArgs;
import com.tutors.infra.compute.ComputeOutputs;
import com.tutors.infra.compute.ImageTags;
import com.tutors.infra.core.Phase;
import com.tutors.infra.data.DataLayer;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.edge.Edge;
import com.tutors.infra.edge.EdgeArgs;
import com.tutors.infra.edge.EdgeOutputs;
import com.tutors.infra.network.Foundation;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.ops.OpsCommand;
import com.tutors.infra.optimization.AlarmTable;
import com.tutors.infra.optimization.Optimization;
import com.tutors.infra.optimization.OptimizationArgs;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.PlanCommand;
import com.tutors.infra.storage.Storage;
import com.tutors.infra.storage.StorageOutputs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point. Without arguments it is the Pulumi program ({@code pulumi preview/up} run the jar);
 * {@code plan ...} runs the same program offline under the mock engine (see {@link PlanCommand}).
 */
public final class Main {
    private Main() {}

    /** Without arguments: the Pulumi program. {@code plan ...}: the offline plan. Anything else: the usage. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plan")) {
            OfflineRun.usePoolOfAtLeastTwo();
            System.exit(PlanCommand.run(Arrays.copyOfRange(args, 1, args.length), Main::stack, System.out, System.err));
        }
        if (args.length == 1 && args[0].equals("platforms")) {
            System.out.println(BuildPlatforms.json(java.nio.file.Path.of("")));
            System.exit(0);
        }
        if (args.length > 0 && OpsCommand.NAMES.contains(args[0])) {
            System.exit(OpsCommand.run(args, OpsCommand.standard()));
        }
        if (args.length == 0 && !underPulumi(System.getenv())) {
            // Run by hand, not by the Pulumi CLI: the SDK would fail with a trace listing its variables.
            System.err.println("This jar is the Pulumi program: pulumi preview and pulumi up run it. Offline, try:\n"
                    + "  java -jar target/tutors-infra.jar plan --stack prod\n"
                    + "  java -jar target/tutors-infra.jar --help");
            System.exit(2);
        }
        if (args.length > 0) {
            // Never start the engine for --help or a typo: it would fail with a trace about missing variables.
            boolean help = List.of("-h", "--help", "help").contains(args[0]);
            (help ? System.out : System.err)
                    .println((help ? "" : "unknown command '" + args[0] + "'\n")
                            + "usage: java -jar target/tutors-infra.jar            the Pulumi program (pulumi preview/up run it)\n"
                            + "       java -jar target/tutors-infra.jar release|verify|run --stack <name> ...   a deployed stack's "
                            + "operations (--help for each)\n"
                            + "       java -jar target/tutors-infra.jar platforms   the image builds the stack files need (a CI matrix)\n"
                            + "       java -jar target/tutors-infra.jar plan ...   the offline plan:\n\n"
                            + PlanCommand.usage());
            System.exit(help ? 0 : 2);
        }
        Pulumi.run(Main::stack);
    }

    /** Whether the Pulumi CLI's language host started this process (it passes the engine's addresses). */
    static boolean underPulumi(Map<String, String> env) {
        return env.containsKey("PULUMI_MONITOR") && env.containsKey("PULUMI_ENGINE");
    }

    /**
     * Reads and validates the settings once, then declares phases 1..lastPhase. Phase 5 is declared
     * before phase 4 because the services attach to its target groups; what phase 6 changes in earlier
     * phases (bucket policies, the domain's records) is declared last, under those phases' components,
     * so their URNs never depend on lastPhase.
     */
    public static void stack(Context ctx) {
        var settings = StackSettings.load(ctx); // throws before anything is registered
        var names = settings.naming();
        var aws = provider(settings, "aws", settings.region());
        var phaseOptions = ComponentResourceOptions.builder().providers(aws);
        settings.permissionsBoundary()
                .ifPresent(arn -> phaseOptions.resourceTransformations(new PermissionsBoundary(arn)));
        var phase = phaseOptions.build();
        var exports = new Exports(ctx);
        exports.region(settings.region());

        // 1 Foundation
        var network = new Foundation(
                        names.name("foundation"),
                        new Foundation.Args(
                                names,
                                settings.network(),
                                settings.region(),
                                cloudFrontOnly(settings, aws),
                                settings.compute().logRetentionDays()),
                        phase)
                .outputs;
        exports.network(network);
        if (!settings.declares(Phase.DATA)) {
            return;
        }
        // 2 Data
        var data = new DataLayer(
                        names.name("data"),
                        new DataLayer.Args(
                                names,
                                settings.data().orElseThrow(),
                                network,
                                settings.compute().logRetentionDays()),
                        phase)
                .outputs;
        exports.data(data);
        if (!settings.declares(Phase.STORAGE)) {
            return;
        }
        // One invoke for the whole program: bucket names, IAM trust, the log bucket and the alarm key name the account.
        var account = AwsFunctions.getCallerIdentity(
                        GetCallerIdentityArgs.builder().build(), new InvokeOptions(null, aws, null))
                .applyValue(r -> r.accountId());
        // 3 Storage: the static bucket is public until the locked CDN alone serves it (DNS has moved by then).
        var storageComponent = new Storage(
                names.name("storage"),
                new Storage.Args(
                        names,
                        settings.storage(),
                        !(settings.cdn() && settings.optimization().originLock()),
                        account),
                phase);
        var storage = storageComponent.outputs;
        exports.storage(storage);
        if (!settings.declares(Phase.COMPUTE)) {
            storageComponent.declareBucketPolicies(Optional.empty());
            return;
        }
        // The services as data: phase 5 gives the web ones their target groups, phase 4 declares them all.
        var services = AppServices.describe(
                settings.compute(),
                settings.edge().keepAliveSeconds(),
                data.has(DataOutputs.AppSecret.DJANGO_SECRET_KEY_PREVIOUS));
        // 5 Edge, before 4: the services attach to its target groups.
        var edgeComponent = settings.declares(Phase.EDGE)
                ? Optional.of(new Edge(
                        names.name("edge"),
                        EdgeArgs.builder()
                                .names(names)
                                .settings(settings.edge())
                                .upstreams(PhaseLinks.upstreams(services))
                                .region(settings.region())
                                .accountId(account)
                                .network(network)
                                .originSecrets(PhaseLinks.originSecrets(settings))
                                .behindCdn(settings.cdn())
                                .staticBucketDomain(storage.staticBucketDomain())
                                .serverAccessLogBucket(storage.serverAccessLogBucket())
                                .build(),
                        phase))
                : Optional.<Edge>empty();
        var edge = edgeComponent.map(e -> e.outputs);
        edge.ifPresent(e -> exports.edge(e, settings.edge().domain().isPresent()));
        // 4 Compute
        var computeArgs = ComputeArgs.builder()
                .names(names)
                .region(settings.region())
                .accountId(account)
                .settings(settings.compute())
                .services(services)
                .imageTag(imageTag(settings, aws))
                .keepAliveSeconds(settings.edge().keepAliveSeconds())
                .network(network)
                .data(data)
                .storage(storage)
                .site(PhaseLinks.site(settings, edge))
                .loadBalancing(edge.map(e -> new ComputeArgs.LoadBalancing(
                        PhaseLinks.targetGroups(e), e.targetGroups().servingListeners())))
                .mail(edge.flatMap(EdgeOutputs::mail)
                        .map(m -> new ComputeArgs.Mail(
                                m.domain(),
                                m.defaultFrom(),
                                m.identityArn(),
                                m.configurationSetName(),
                                m.configurationSetArn())));
        if (settings.declares(Phase.OPTIMIZATION) && settings.optimization().alarms()) {
            computeArgs.deploymentAlarms(AlarmTable.deploymentAlarms(
                    names,
                    services.stream()
                            .filter(AppService::web)
                            .map(AppService::part)
                            .toList()));
        }
        var compute = new Compute(names.name("compute"), computeArgs.build(), phase).outputs;
        exports.compute(compute);
        // 6 Optimization
        var optimization = settings.declares(Phase.OPTIMIZATION)
                ? Optional.of(
                        optimization(settings, account, network, data, storage, compute, edge.orElseThrow(), phase))
                : Optional.<Optimization>empty();
        optimization.ifPresent(o -> exports.optimization(o.outputs));

        storageComponent.declareBucketPolicies(optimization.flatMap(o -> o.outputs.distributionArn()));
        edgeComponent.ifPresent(e -> e.declareSiteRecords(optimization.flatMap(o -> o.outputs.aliasTarget())));
    }

    /**
     * An explicit provider, handed to every component: its default tags are then visible to the mock
     * engine (the default provider's aws:defaultTags are not), and both stacks can share an account.
     */
    private static Provider provider(StackSettings settings, String part, String region) {
        var names = settings.naming();
        var args = ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder()
                        .tags(names.defaultTags())
                        .build());
        settings.awsProfile().ifPresent(args::profile);
        return new Provider(names.name(part), args.build());
    }

    /**
     * Behind a locked CDN the load balancer's group admits CloudFront's origin-facing servers only
     * (fewer scanners, fewer capacity units): one invoke, only then.
     */
    private static Optional<Output<String>> cloudFrontOnly(StackSettings settings, ProviderResource aws) {
        if (!(settings.cdn() && settings.optimization().originLock())) {
            return Optional.empty();
        }
        return Optional.of(Ec2Functions.getManagedPrefixList(
                        GetManagedPrefixListArgs.builder()
                                .name(CLOUDFRONT_ORIGIN_FACING)
                                .build(),
                        new InvokeOptions(null, aws, null))
                .applyValue(l -> l.id()));
    }

    /**
     * The services' image tag: the run's own, else the one the last verified deploy recorded (one invoke,
     * only then). A path listing, not a get: before the first deploy there is no parameter, and a get fails.
     */
    private static Output<String> imageTag(StackSettings settings, ProviderResource aws) {
        var configured = settings.compute().imageTag();
        if (configured.isPresent()) {
            return Output.of(configured.get());
        }
        var names = settings.naming();
        return SsmFunctions.getParametersByPath(
                        GetParametersByPathArgs.builder()
                                .path(names.parameterPath())
                                .recursive(false)
                                .withDecryption(false)
                                .build(),
                        new InvokeOptions(null, aws, null))
                .applyValue(r -> ImageTags.services(configured, names.imageTagParameter(), r.names(), r.values()));
    }

    /** AWS's managed prefix list of CloudFront's servers that connect to origins (IPv4). */
    static final String CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing";

    private static Optimization optimization(
            StackSettings settings,
            Output<String> account,
            NetworkOutputs network,
            DataOutputs data,
            StorageOutputs storage,
            ComputeOutputs compute,
            EdgeOutputs edge,
            ComponentResourceOptions phase) {
        var names = settings.naming();
        var opt = settings.optimization();
        // CloudFront's certificate and a CLOUDFRONT-scope web ACL must live in us-east-1.
        Optional<ProviderResource> usEast1 =
                settings.cdn() ? Optional.of(provider(settings, "aws-us-east-1", "us-east-1")) : Optional.empty();
        return new Optimization(
                names.name("optimization"),
                OptimizationArgs.builder()
                        .names(names)
                        .region(settings.region())
                        .settings(opt)
                        .accountId(account)
                        .logRetentionDays(settings.compute().logRetentionDays())
                        .ipv6(settings.network().ipv6())
                        .usEast1(usEast1)
                        .originSecret(opt.originSecret().map(s -> s.output()).orElse(Output.of("")))
                        .network(network)
                        .data(data)
                        .storage(storage)
                        .compute(compute)
                        .edge(edge)
                        .build(),
                phase);
    }
}
