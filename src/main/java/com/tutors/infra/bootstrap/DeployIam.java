package com.tutors.infra.bootstrap;

import com.tutors.infra.core.Environment;
import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deploy role's IAM permissions ({@link AccessPolicies#deployIam}): it may create, change and pass
 * only the stack's own roles, only under the workload boundary, only to the services the program uses.
 */
final class DeployIam {
    private DeployIam() {}

    /** IAM for {@code pulumi up}: only the stack's own roles, only under the boundary, only to their services. */
    static String document(Environment stack, String accountId) {
        var roles = "arn:aws:iam::" + accountId + ":role/tutors-" + stack.id() + "-*";
        var boundary = Map.<String, Object>of(
                "StringEquals", Map.of("iam:PermissionsBoundary", AccessPolicies.boundaryArn(accountId)));
        var doc = PolicyDocument.create()
                // The boundary scopes a role by its stack tag: a new role carries this stack's, and keeps it.
                .statement(
                        "StackRolesUnderTheBoundaryTaggedWithTheStack",
                        "Allow",
                        null,
                        List.of("iam:CreateRole"),
                        List.of(roles),
                        Map.of(
                                "StringEquals",
                                new TreeMap<>(Map.of(
                                        "iam:PermissionsBoundary",
                                        AccessPolicies.boundaryArn(accountId),
                                        "aws:RequestTag/" + AccessPolicies.STACK_TAG,
                                        stack.id()))))
                .statement(
                        "StackRolesUnderTheBoundary",
                        "Allow",
                        null,
                        List.of("iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy"),
                        List.of(roles),
                        boundary)
                .statement(
                        "TagStackRolesOnlyAsTheStack",
                        "Allow",
                        null,
                        List.of("iam:TagRole"),
                        List.of(roles),
                        Map.of(
                                "StringEqualsIfExists",
                                Map.of("aws:RequestTag/" + AccessPolicies.STACK_TAG, stack.id())))
                .statement(
                        "TheStackTagStays",
                        "Deny",
                        null,
                        List.of("iam:UntagRole"),
                        List.of(roles),
                        Map.of("ForAnyValue:StringEquals", Map.of("aws:TagKeys", List.of(AccessPolicies.STACK_TAG))))
                .statement(
                        "OnlyTheProgramsManagedPolicies",
                        "Allow",
                        null,
                        List.of("iam:AttachRolePolicy", "iam:DetachRolePolicy"),
                        List.of(roles),
                        new TreeMap<>(Map.of(
                                "StringEquals",
                                        Map.of("iam:PermissionsBoundary", AccessPolicies.boundaryArn(accountId)),
                                "ArnEquals", Map.of("iam:PolicyARN", AccessPolicies.ATTACHABLE))))
                .allow(
                        "ChangeAndReadStackRoles",
                        List.of(
                                "iam:DeleteRole",
                                "iam:GetRole",
                                "iam:GetRolePolicy",
                                "iam:ListAttachedRolePolicies",
                                "iam:ListInstanceProfilesForRole",
                                "iam:ListRolePolicies",
                                "iam:ListRoleTags",
                                "iam:UntagRole",
                                "iam:UpdateAssumeRolePolicy",
                                "iam:UpdateRole",
                                "iam:UpdateRoleDescription"),
                        List.of(roles))
                .allow(
                        "StackInstanceProfiles",
                        List.of(
                                "iam:AddRoleToInstanceProfile",
                                "iam:CreateInstanceProfile",
                                "iam:DeleteInstanceProfile",
                                "iam:GetInstanceProfile",
                                "iam:ListInstanceProfileTags",
                                "iam:RemoveRoleFromInstanceProfile",
                                "iam:TagInstanceProfile",
                                "iam:UntagInstanceProfile"),
                        List.of("arn:aws:iam::" + accountId + ":instance-profile/tutors-" + stack.id() + "-*"))
                .statement(
                        "PassStackRolesToTheirServices",
                        "Allow",
                        null,
                        List.of("iam:PassRole"),
                        List.of(roles),
                        Map.of("StringEquals", Map.of("iam:PassedToService", AccessPolicies.PASSED_TO)))
                .statement(
                        "ServiceLinkedRolesOnFirstUse",
                        "Allow",
                        null,
                        List.of("iam:CreateServiceLinkedRole"),
                        List.of("arn:aws:iam::" + accountId + ":role/aws-service-role/*"),
                        Map.of("StringEquals", Map.of("iam:AWSServiceName", AccessPolicies.SERVICE_LINKED)))
                .allow(
                        "ReadManagedPolicies",
                        List.of("iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions"),
                        List.of("arn:aws:iam::aws:policy/*", AccessPolicies.boundaryArn(accountId)));
        return doc.json();
    }
}
