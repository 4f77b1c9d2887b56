package com.tutors.infra.plan;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.Set;

/**
 * The SDK's own floor for the offline plan: a bare program that registers N resources under the
 * same mock engine and mocks, with no settings, components or formatting. The README compares the
 * prod plan against it for the same N, under the same engine as the plan (a common pool of at least
 * two, {@link BatchingRunner}); {@code --stock} runs it under the SDK as shipped instead.
 * {@code java -cp target/tutors-infra.jar:target/test-classes com.tutors.infra.plan.SdkFloor <N> [--stock]}
 */
public final class SdkFloor {
    private SdkFloor() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        boolean stock = args.length > 1 && args[1].equals("--stock");
        if (!stock) {
            OfflineRun.usePoolOfAtLeastTwo();
        }
        var result = OfflineRun.execute(
                ctx -> {
                    var provider = new Provider(
                            "floor",
                            ProviderArgs.builder().region("eu-central-1").build());
                    var options =
                            CustomResourceOptions.builder().provider(provider).build();
                    for (int i = 1; i < n; i++) { // the provider is one of the N
                        new Vpc(
                                "floor-" + i,
                                VpcArgs.builder().cidrBlock("10.0.0.0/16").build(),
                                options);
                    }
                },
                "floor",
                Map.of(),
                Set.of(),
                Set.of(),
                !stock);
        System.out.println(result.resources().size() - 1 + " resources registered"); // less the root stack
    }
}
