package com.tutors.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.core.Output;
import com.tutors.infra.compute.Compute;
import com.tutors.infra.config.Phase;
import com.tutors.infra.edge.Edge;
import com.tutors.infra.config.StackSettings;
import com.tutors.infra.data.DataLayer;
import com.tutors.infra.network.Foundation;
import com.tutors.infra.network.SecurityRules;
import com.tutors.infra.storage.Storage;
import com.tutors.infra.plan.PlanCommand;

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

    /** Reads and validates the settings once, then declares phases 1..lastPhase in order. */
    public static void stack(Context ctx) {
        var settings = StackSettings.load(ctx); // throws before anything is registered
        var names = settings.naming();

        // An explicit provider, handed to every component: its default tags are then visible to the
        // mock engine (the default provider's aws:defaultTags are not), and both stacks can share an account.
        var providerArgs = ProviderArgs.builder()
                .region(settings.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(names.defaultTags()).build());
        settings.awsProfile().ifPresent(providerArgs::profile);
        var aws = new Provider(names.name("aws"), providerArgs.build());
        var phase = ComponentResourceOptions.builder().providers(aws).build();

        var foundation = new Foundation(names.name("foundation"),
                new Foundation.Args(names, settings.network(), settings.region()), phase);
        ctx.export("vpcId", foundation.vpcId);
        ctx.export("publicSubnetIds", foundation.publicSubnetIds);
        ctx.export("privateSubnetIds", foundation.privateSubnetIds);
        ctx.export("securityGroupIds", foundation.securityGroupIds);

        if (!settings.declares(Phase.DATA)) {
            return;
        }
        var data = new DataLayer(names.name("data"), new DataLayer.Args(names, settings.data(),
                foundation.privateSubnetIds, foundation.securityGroupId(SecurityRules.RDS),
                foundation.securityGroupId(SecurityRules.REDIS)), phase);
        ctx.export("rdsEndpoint", data.rdsEndpoint);
        ctx.export("rdsPort", data.rdsPort);
        ctx.export("redisEndpoint", data.redisEndpoint);
        ctx.export("redisPort", data.redisPort);
        ctx.export("secretArns", data.secretArns);

        if (!settings.declares(Phase.STORAGE)) {
            return;
        }
        var storage = new Storage(names.name("storage"), new Storage.Args(names, settings.storage(), true), phase);
        ctx.export("mediaBucketName", storage.mediaBucketName);
        ctx.export("staticBucketName", storage.staticBucketName);
        ctx.export("backendEcrUrl", storage.backendEcrUrl);
        ctx.export("frontendEcrUrl", storage.frontendEcrUrl);

        if (!settings.declares(Phase.COMPUTE)) {
            return;
        }
        // Phase 5 is declared before phase 4's services because they attach to its target groups;
        // neither depends on the other otherwise, and declaration order does not enter any URN.
        var edge = settings.declares(Phase.EDGE)
                ? Optional.of(new Edge(names.name("edge"), new Edge.Args(names, settings.edge(), settings.region(),
                foundation.ipv6, foundation.vpcId, foundation.publicSubnetIds,
                foundation.securityGroupId(SecurityRules.ALB)), phase))
                : Optional.<Edge>empty();
        var site = edge.map(e -> new Compute.Site(e.host, e.url)).orElseGet(() -> settings.domain()
                .map(d -> new Compute.Site(Output.of(d), Output.of("https://" + d)))
                // Phase 4 alone: nothing routes to the services yet.
                .orElseGet(() -> new Compute.Site(Output.of("localhost"), Output.of("http://localhost"))));
        var compute = new Compute(names.name("compute"), new Compute.Args(names, settings.region(), settings.compute(),
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

        if (edge.isEmpty()) {
            return;
        }
        ctx.export("albDnsName", edge.get().albDnsName);
        ctx.export("albZoneId", edge.get().albZoneId);
        ctx.export("domainName", edge.get().domainName);
        ctx.export("url", edge.get().url);
        if (settings.edge().domain().isPresent()) {
            ctx.export("certificateArn", edge.get().certificateArn);
        }
    }
}
