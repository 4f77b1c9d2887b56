package com.tutors.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.tutors.infra.config.Phase;
import com.tutors.infra.config.StackSettings;
import com.tutors.infra.data.DataLayer;
import com.tutors.infra.network.Foundation;
import com.tutors.infra.network.SecurityRules;
import com.tutors.infra.storage.Storage;
import com.tutors.infra.plan.PlanCommand;

import java.util.Arrays;

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
    }
}
