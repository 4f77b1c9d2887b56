package com.tutors.infra.bootstrap;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Actions' way into the account: the OIDC identity provider, the workload boundary the main
 * program puts on its roles, and one role per {@link CiRole}. Every document comes from
 * {@link AccessPolicies} and {@link CiRole}; this class only declares them.
 */
public final class CiAccess extends ComponentResource {
    public static final String TYPE = "tutors:bootstrap:CiAccess";
    /** AWS's managed read-only policy: what {@code pulumi preview --refresh} reads, account-wide. */
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    /** @param roleArns per {@link CiRole#id()} */
    public record Outputs(
            Output<String> oidcProviderArn, Output<String> boundaryArn, Map<String, Output<String>> roleArns) {}

    public final Outputs outputs;

    public CiAccess(String name, BootstrapSettings settings, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var a = settings.accountId();
        // IAM then fetches and pins the issuer's certificate itself; GitHub's thumbprints are no longer checked.
        var oidc = new OpenIdConnectProvider(
                "tutors-github-oidc",
                OpenIdConnectProviderArgs.builder()
                        .url("https://" + CiRole.ISSUER)
                        .clientIdLists(CiRole.AUDIENCE)
                        .build(),
                child);
        var boundary = new Policy(
                AccessPolicies.BOUNDARY_NAME,
                PolicyArgs.builder()
                        .name(AccessPolicies.BOUNDARY_NAME)
                        .description("Ceiling of every role the tutors stacks create (tutors:permissionsBoundary)")
                        .policy(WorkloadBoundary.document(a, settings.domains()))
                        .build(),
                child);

        var arns = new LinkedHashMap<String, Output<String>>();
        for (var role : CiRole.values()) {
            var declared = new Role(
                    role.roleName(),
                    RoleArgs.builder()
                            .name(role.roleName())
                            .description(
                                    "GitHub Actions of " + settings.githubOwner() + "/" + settings.githubRepository()
                                            + ": " + (role.deploys() ? "pulumi up of " : "pulumi preview of ")
                                            + role.stack().id())
                            .assumeRolePolicy(role.trustPolicy(settings))
                            .maxSessionDuration(CiRole.SESSION_SECONDS)
                            .build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(oidc).build());
            // Attachment name part -> policy ARN: the read roles add AWS's ReadOnlyAccess to their own policy.
            var attached = new LinkedHashMap<String, Output<String>>();
            if (!role.deploys()) {
                attached.put("read-only", Output.of(READ_ONLY));
            }
            documents(role, settings).forEach((part, json) -> {
                var policyName = role.roleName() + "-" + part;
                attached.put(
                        part,
                        new Policy(
                                        policyName,
                                        PolicyArgs.builder()
                                                .name(policyName)
                                                .description(role.roleName() + ": " + part)
                                                .policy(json)
                                                .build(),
                                        child)
                                .arn());
            });
            attached.forEach((part, policyArn) -> new RolePolicyAttachment(
                    role.roleName() + "-" + part,
                    RolePolicyAttachmentArgs.builder()
                            .role(declared.name())
                            .policyArn(policyArn)
                            .build(),
                    child));
            arns.put(role.id(), declared.arn());
        }
        this.outputs = new Outputs(oidc.arn(), boundary.arn(), java.util.Collections.unmodifiableMap(arns));
        registerOutputs(Map.of("oidcProviderArn", oidc.arn(), "boundaryArn", boundary.arn()));
    }

    /** The role's own policies by name part: a deploy role's four (each under IAM's 6,144-character limit), a reader's one. */
    static Map<String, String> documents(CiRole role, BootstrapSettings settings) {
        var a = settings.accountId();
        var r = settings.region();
        var b = settings.stateBucket();
        var documents = new LinkedHashMap<String, String>();
        if (role.deploys()) {
            documents.put("iam", AccessPolicies.deployIam(role.stack(), a));
            documents.put("services", AccessPolicies.deployServices(role.stack(), a, r));
            documents.put("state", AccessPolicies.deployState(role.stack(), a, r, b));
            documents.put("isolation", StackIsolation.document(role.stack(), settings));
        } else {
            documents.put("state", AccessPolicies.readOnly(role.stack(), a, r, b));
        }
        return documents;
    }
}
