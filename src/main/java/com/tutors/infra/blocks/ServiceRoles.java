package com.tutors.infra.blocks;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;

/** A role named by the scheme, for one AWS service to assume (flow logs, EC2, RDS monitoring). */
public final class ServiceRoles {
    private ServiceRoles() {}

    /** @param trustPolicy who may assume it (PolicyDocument.serviceTrust: blocks do not build policies) */
    public static Role assumedBy(
            Naming names, String part, String description, String trustPolicy, CustomResourceOptions options) {
        return new Role(
                names.name(part),
                RoleArgs.builder()
                        .name(names.name(part))
                        .description(description)
                        .assumeRolePolicy(trustPolicy)
                        .build(),
                options);
    }
}
