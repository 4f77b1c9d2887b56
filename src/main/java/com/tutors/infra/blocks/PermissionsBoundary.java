package com.tutors.infra.blocks;

import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.ResourceTransformation;
import java.util.Optional;

/**
 * Puts one permissions boundary on every IAM role the program creates (CDK's Aspect, as a Pulumi
 * transformation on the phase components): a deploy role allowed to create roles only with this
 * boundary cannot mint one more powerful than the boundary allows. Adding or removing it is an
 * in-place PutRolePermissionsBoundary / DeleteRolePermissionsBoundary on each role.
 */
public final class PermissionsBoundary implements ResourceTransformation {
    private final String policyArn;

    public PermissionsBoundary(String policyArn) {
        this.policyArn = policyArn;
    }

    @Override
    public Optional<Result> apply(Args args) {
        if (args.args() instanceof RoleArgs role) {
            return Optional.of(new Result(
                    RoleArgs.builder(role).permissionsBoundary(policyArn).build(), args.options()));
        }
        return Optional.empty();
    }
}
