package com.tutors.infra.compute;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.data.DataOutputs.AppSecret;
import java.util.List;

/**
 * The tasks' roles: ECS's execution role (images, logs, exactly the secrets the containers read), the
 * backend's (its buckets, its mail) and the frontend's (nothing, or ECS Exec's channels).
 *
 * @param executionSecrets the services wait for it: a task started before IAM has it cannot read its secrets
 */
record TaskRoles(Role execution, RolePolicy executionSecrets, Role backend, Role frontend) {

    /** @param read every secret some container reads: the execution role may read exactly these */
    static TaskRoles declare(ComputeArgs args, Tasks tasks, List<AppSecret> read, CustomResourceOptions child) {
        var names = args.names();
        var data = args.data();
        var artifacts = args.storage();
        var trust = args.accountId().applyValue(ComputePolicies::ecsTasksTrust);

        var execution = tasks.role(
                "ecs-execution", "Lets ECS pull images, write logs and read this stack's app secrets", trust);
        new RolePolicyAttachment(
                names.name("ecs-execution"),
                RolePolicyAttachmentArgs.builder()
                        .role(execution.name())
                        .policyArn(ComputePolicies.EXECUTION_MANAGED_POLICY)
                        .build(),
                child);
        // The services wait for it: a task started before IAM has the policy cannot read its secrets.
        var executionSecrets = new RolePolicy(
                names.name("ecs-execution-secrets"),
                RolePolicyArgs.builder()
                        .role(execution.name())
                        // Derived from what the containers read: a secret added to one is readable, and nothing else
                        // is.
                        .policy(Output.all(read.stream().map(data::secretArn).toList())
                                .applyValue(ComputePolicies::readSecrets))
                        .build(),
                child);

        var backendRole = tasks.role("backend-task", "The Django backend: its S3 buckets", trust);
        new RolePolicy(
                names.name("backend-task-s3"),
                RolePolicyArgs.builder()
                        .role(backendRole.name())
                        .policy(Output.tuple(artifacts.mediaBucketArn(), artifacts.staticBucketArn())
                                .applyValue(t -> ComputePolicies.backendS3(
                                        t.t1, t.t2, args.settings().ecsExec())))
                        .build(),
                child);
        args.mail()
                .ifPresent(mail -> new RolePolicy(
                        names.name("backend-task-mail"),
                        RolePolicyArgs.builder()
                                .role(backendRole.name())
                                .policy(Output.tuple(mail.identityArn(), mail.configurationSetArn())
                                        .applyValue(t -> ComputePolicies.sendMail(t.t1, t.t2, mail.domain())))
                                .build(),
                        child));
        // The frontend calls nothing in AWS: its role has no permission unless ECS Exec is on.
        var frontendRole = tasks.role("frontend-task", "The Next.js frontend: no AWS permissions", trust);
        if (args.settings().ecsExec()) {
            new RolePolicy(
                    names.name("frontend-task-exec"),
                    RolePolicyArgs.builder()
                            .role(frontendRole.name())
                            .policy(ComputePolicies.ecsExecOnly())
                            .build(),
                    child);
        }
        return new TaskRoles(execution, executionSecrets, backendRole, frontendRole);
    }
}
