package com.tutors.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.tutors.infra.compute.Compute;
import com.tutors.infra.config.Naming;
import com.tutors.infra.config.Phase;
import com.tutors.infra.config.StackSettings;
import com.tutors.infra.data.DataLayer;
import com.tutors.infra.edge.Edge;
import com.tutors.infra.network.Foundation;
import com.tutors.infra.network.SecurityRules;
import com.tutors.infra.optimization.Optimization;
import com.tutors.infra.plan.PlanCommand;
import com.tutors.infra.storage.Storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point. Without arguments it is the Pulumi program ({@code pulumi preview/up} run the jar);
 * {@code plan ...} runs the same program offline under the mock engine (see {@link PlanCommand}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Pulumi.run(Main::stack);
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
        var aws = provider(names, "aws", settings.region(), settings);
        var phase = ComponentResourceOptions.builder().providers(aws).build();

        var foundation = new Foundation(names.name("foundation"),
                new Foundation.Args(names, settings.network(), settings.region()), phase);
        ctx.export("vpcId", foundation.vpcId);
        ctx.export("publicSubnetIds", foundation.publicSubnetIds);
        ctx.export("privateSubnetIds", foundation.privateSubnetIds);
        ctx.export("securityGroupIds", foundation.securityGroupIds);

        var cdn = settings.declares(Phase.OPTIMIZATION) && settings.optimization().cdn();
        var data = settings.declares(Phase.DATA) ? Optional.of(data(ctx, settings, foundation, phase)) : Optional.<DataLayer>empty();
        var storage = settings.declares(Phase.STORAGE)
                ? Optional.of(storage(ctx, settings, !cdn, phase)) : Optional.<Storage>empty();
        // One invoke for the whole program: IAM trust, the log bucket and the alarm key name the account.
        var account = settings.declares(Phase.COMPUTE) ? AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                new InvokeOptions(null, aws, null)).applyValue(r -> r.accountId()) : null;
        var edge = settings.declares(Phase.EDGE)
                ? Optional.of(edge(ctx, settings, account, foundation, cdn, phase)) : Optional.<Edge>empty();
        var compute = settings.declares(Phase.COMPUTE)
                ? Optional.of(compute(ctx, settings, account, foundation, data.orElseThrow(), storage.orElseThrow(), edge, phase))
                : Optional.<Compute>empty();
        var optimization = settings.declares(Phase.OPTIMIZATION)
                ? Optional.of(optimization(ctx, settings, account, cdn, data.orElseThrow(), storage.orElseThrow(),
                edge.orElseThrow(), compute.orElseThrow(), phase)) : Optional.<Optimization>empty();

        storage.ifPresent(s -> s.declareBucketPolicies(optimization.flatMap(o -> o.distributionArn)));
        edge.ifPresent(e -> e.declareSiteRecords(optimization.flatMap(Optimization::aliasTarget)));
    }

    /**
     * An explicit provider, handed to every component: its default tags are then visible to the mock
     * engine (the default provider's aws:defaultTags are not), and both stacks can share an account.
     */
    private static Provider provider(Naming names, String part, String region, StackSettings settings) {
        var args = ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(names.defaultTags()).build());
        settings.awsProfile().ifPresent(args::profile);
        return new Provider(names.name(part), args.build());
    }

    private static DataLayer data(Context ctx, StackSettings settings, Foundation foundation, ComponentResourceOptions phase) {
        var names = settings.naming();
        var data = new DataLayer(names.name("data"), new DataLayer.Args(names, settings.data(),
                foundation.privateSubnetIds, foundation.securityGroupId(SecurityRules.RDS),
                foundation.securityGroupId(SecurityRules.REDIS)), phase);
        ctx.export("rdsEndpoint", data.rdsEndpoint);
        ctx.export("rdsPort", data.rdsPort);
        ctx.export("redisEndpoint", data.redisEndpoint);
        ctx.export("redisPort", data.redisPort);
        ctx.export("secretArns", data.secretArns);
        return data;
    }

    private static Storage storage(Context ctx, StackSettings settings, boolean publicStaticReads,
                                   ComponentResourceOptions phase) {
        var names = settings.naming();
        var storage = new Storage(names.name("storage"), new Storage.Args(names, settings.storage(), publicStaticReads), phase);
        ctx.export("mediaBucketName", storage.mediaBucketName);
        ctx.export("staticBucketName", storage.staticBucketName);
        ctx.export("backendEcrUrl", storage.backendEcrUrl);
        ctx.export("frontendEcrUrl", storage.frontendEcrUrl);
        return storage;
    }

    private static Edge edge(Context ctx, StackSettings settings, Output<String> account, Foundation foundation, boolean cdn,
                             ComponentResourceOptions phase) {
        var names = settings.naming();
        var originSecret = cdn ? settings.optimization().originSecret().map(s -> s.output()) : Optional.<Output<String>>empty();
        var edge = new Edge(names.name("edge"), new Edge.Args(names, settings.edge(), settings.region(), account, foundation.ipv6,
                foundation.vpcId, foundation.publicSubnetIds, foundation.securityGroupId(SecurityRules.ALB), originSecret),
                phase);
        ctx.export("albDnsName", edge.albDnsName);
        ctx.export("albZoneId", edge.albZoneId);
        ctx.export("domainName", edge.domainName);
        ctx.export("url", edge.url);
        if (settings.edge().domain().isPresent()) {
            ctx.export("certificateArn", edge.certificateArn);
        }
        return edge;
    }

    private static Compute compute(Context ctx, StackSettings settings, Output<String> account, Foundation foundation,
                                   DataLayer data,
                                Storage storage, Optional<Edge> edge, ComponentResourceOptions phase) {
        var names = settings.naming();
        var site = edge.map(e -> new Compute.Site(e.host, e.url)).orElseGet(() -> settings.domain()
                .map(d -> new Compute.Site(Output.of(d), Output.of("https://" + d)))
                // Phase 4 alone: nothing routes to the services yet.
                .orElseGet(() -> new Compute.Site(Output.of("localhost"), Output.of("http://localhost"))));
        var compute = new Compute(names.name("compute"), new Compute.Args(names, settings.region(), account, settings.compute(),
                settings.edge().keepAliveSeconds(),
                new Compute.Network(foundation.privateSubnetIds, foundation.securityGroupId(SecurityRules.ECS)),
                new Compute.AppSecrets(data.secretArn(DataLayer.DB_URL), data.secretArn(DataLayer.REDIS_URL),
                        data.secretArn(DataLayer.DJANGO_SECRET_KEY), data.secretArn(DataLayer.NEXTAUTH_SECRET)),
                new Compute.Artifacts(storage.backendEcrUrl, storage.frontendEcrUrl, storage.mediaBucketName,
                        storage.mediaBucketArn, storage.staticBucketName, storage.staticBucketArn),
                site,
                edge.map(e -> new Compute.LoadBalancing(e.backendTargetGroupArn, e.frontendTargetGroupArn,
                        e.servingListeners))), phase);
        ctx.export("ecsClusterName", compute.ecsClusterName);
        ctx.export("backendServiceName", compute.backendServiceName);
        ctx.export("frontendServiceName", compute.frontendServiceName);
        ctx.export("migrateCommand", compute.migrateCommand);
        return compute;
    }

    private static Optimization optimization(Context ctx, StackSettings settings, Output<String> account, boolean cdn,
                                             DataLayer data,
                                             Storage storage, Edge edge, Compute compute, ComponentResourceOptions phase) {
        var names = settings.naming();
        var opt = settings.optimization();
        // CloudFront's certificate and a CLOUDFRONT-scope web ACL must live in us-east-1.
        Optional<ProviderResource> usEast1 = cdn
                ? Optional.of(provider(names, "aws-us-east-1", "us-east-1", settings)) : Optional.empty();
        var site = edge.zoneId.map(zone -> new Optimization.Site(settings.edge().domain().orElseThrow(), zone,
                edge.validationRecordFqdn.orElseThrow()));
        var optimization = new Optimization(names.name("optimization"), new Optimization.Args(names, opt, account,
                settings.compute().logRetentionDays(), settings.network().ipv6(), usEast1, site,
                new Optimization.Origins(edge.albDnsName, edge.albZoneId, edge.albArn, storage.staticBucketDomain,
                        storage.mediaBucketDomain, opt.originSecret().map(s -> s.output()).orElse(Output.of(""))),
                new Optimization.Watched(compute.ecsClusterName, compute.backendServiceName, compute.frontendServiceName,
                        edge.albArnSuffix, edge.backendTargetGroupArnSuffix, edge.frontendTargetGroupArnSuffix,
                        data.rdsIdentifier, data.redisGroupId, data.redisNodes)), phase);
        optimization.cdnDomainName.ifPresent(o -> ctx.export("cdnDomainName", o));
        optimization.distributionId.ifPresent(o -> ctx.export("distributionId", o));
        optimization.alarmTopicArn.ifPresent(o -> ctx.export("alarmTopicArn", o));
        return optimization;
    }
}
