package com.tutors.infra.bootstrap;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Outputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bootstrap program ({@code bootstrap/Pulumi.yaml}): run once per AWS account, by hand, with a
 * local backend, before the main stacks exist. Its outputs are what the main stacks and GitHub need.
 */
public final class Bootstrap {
    private Bootstrap() {}

    public static void program(Context ctx) {
        var settings = BootstrapSettings.parse(ConfigSource.of(ctx)); // throws before anything is registered
        // allowedAccountIds: credentials of another account fail before anything is created there.
        var aws = new Provider(
                "tutors-bootstrap-aws",
                ProviderArgs.builder()
                        .region(settings.region())
                        .allowedAccountIds(settings.accountId())
                        .defaultTags(ProviderDefaultTagsArgs.builder()
                                .tags(Map.of(
                                        "Project", "tutors", "ManagedBy", "pulumi", "Stack", BootstrapSettings.PROJECT))
                                .build())
                        .build());
        var options = ComponentResourceOptions.builder().providers(aws).build();
        var state = new StateBackend("tutors-state", settings, options).outputs;
        var ci = new CiAccess("tutors-ci", settings, options).outputs;

        var roleArns = resolved(ci.roleArns());
        ctx.export("stateBucket", state.bucket());
        ctx.export("backendUrl", Output.of(backendUrl(settings)));
        ctx.export("secretsKeyArns", resolved(state.secretsKeyArns()));
        ctx.export("stackInitCommands", Output.of(stackInitCommands(settings)));
        ctx.export("oidcProviderArn", ci.oidcProviderArn());
        ctx.export("permissionsBoundaryArn", ci.boundaryArn());
        ctx.export("roleArns", roleArns);
        ctx.export("githubSecrets", roleArns.applyValue(arns -> githubSecrets(settings, arns)));
    }

    /** One output of the whole map, in its order. */
    private static Output<Map<String, String>> resolved(Map<String, Output<String>> outputs) {
        return Outputs.keyed(List.copyOf(outputs.keySet()), key -> key, outputs::get);
    }

    /** What {@code pulumi login} takes for the main stacks. */
    public static String backendUrl(BootstrapSettings settings) {
        return "s3://" + settings.stateBucket() + "?region=" + settings.region();
    }

    public static String secretsProvider(BootstrapSettings settings, Environment stack) {
        return "awskms://" + AccessPolicies.keyAlias(stack) + "?region=" + settings.region();
    }

    /** The exact {@code pulumi stack init} line of each main stack, by stack. */
    public static Map<String, String> stackInitCommands(BootstrapSettings settings) {
        var commands = new TreeMap<String, String>();
        for (var stack : Environment.values()) {
            commands.put(
                    stack.id(),
                    "pulumi stack init " + stack.id() + " --secrets-provider \"" + secretsProvider(settings, stack)
                            + "\"");
        }
        return commands;
    }

    /** docs/ci-cd.md's GitHub table, filled in: where each secret goes, and its value. */
    public static Map<String, String> githubSecrets(BootstrapSettings settings, Map<String, String> roleArns) {
        var secrets = new LinkedHashMap<String, String>();
        secrets.put("repository secret PULUMI_BACKEND_URL", backendUrl(settings));
        for (var role : CiRole.values()) {
            secrets.put(role.secret(), roleArns.get(role.id()));
        }
        return secrets;
    }
}
