package com.tutors.infra.bootstrap;

import com.tutors.infra.core.Environment;
import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/** The workload boundary: the ceiling of every role the main program creates, scoped by the role's own stack tag. */
final class WorkloadBoundary {
    private WorkloadBoundary() {}

    /** The tag the main program's provider puts on every resource, its roles included: the stack's id. */
    public static final String STACK_TAG = "Environment";

    /** IAM resolves this in a Resource to the calling role's own stack tag; a role without it matches nothing. */
    static final String OWN_STACK = "${aws:PrincipalTag/" + STACK_TAG + "}";

    /**
     * The ceiling of every role the main program creates: the union of what its roles use (task
     * execution, the app's objects and secrets, ECS Exec, the NAT instance's SSM agent, flow logs,
     * RDS monitoring, the database schedule, scheduled jobs), each on the names of the role's own stack (its
     * {@link #STACK_TAG} tag, which a deploy role can set only to its own stack), and no IAM, STS or
     * anything else. A deploy role may create roles only under it, so it cannot mint one more powerful
     * than itself, nor one that reaches the other stack.
     */
    static String document(String accountId, Map<Environment, String> domains) {
        var a = accountId;
        var doc = PolicyDocument.create()
                .allow("RegistryLogin", List.of("ecr:GetAuthorizationToken"), List.of("*"))
                .allow(
                        "PullStackImages",
                        List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                        List.of("arn:aws:ecr:*:" + a + ":repository/tutors-" + OWN_STACK + "-*"))
                // Every log group of a stack has its name in it (/ecs/tutors-prod-backend,
                // aws-waf-logs-tutors-prod-waf);
                // RDSOSMetrics is the one AWS names, shared by the account's instances (OS metrics, not data).
                .allow(
                        "WriteLogs",
                        List.of(
                                "logs:CreateLogGroup",
                                "logs:CreateLogStream",
                                "logs:DescribeLogGroups",
                                "logs:DescribeLogStreams",
                                "logs:GetLogEvents",
                                "logs:PutLogEvents",
                                "logs:PutRetentionPolicy"),
                        List.of(
                                "arn:aws:logs:*:" + a + ":log-group:*tutors-" + OWN_STACK + "-*",
                                "arn:aws:logs:*:" + a + ":log-group:RDSOSMetrics",
                                "arn:aws:logs:*:" + a + ":log-group:RDSOSMetrics:*"))
                .allow(
                        "ReadStackSecrets",
                        List.of("secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:*:" + a + ":secret:/tutors/" + OWN_STACK + "/*"))
                // IAM's * crosses '/': the bucket pattern covers the objects too.
                .allow(
                        "UseStackObjects",
                        List.of("s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"),
                        List.of("arn:aws:s3:::tutors-" + OWN_STACK + "-*"))
                .allow(
                        "ExecAndSessionChannels",
                        List.of(
                                "ssmmessages:CreateControlChannel",
                                "ssmmessages:CreateDataChannel",
                                "ssmmessages:OpenControlChannel",
                                "ssmmessages:OpenDataChannel"),
                        List.of("*"))
                // AmazonSSMManagedInstanceCore, for the NAT instances' agent.
                .allow(
                        "InstanceAgent",
                        List.of(
                                "ec2messages:AcknowledgeMessage",
                                "ec2messages:DeleteMessage",
                                "ec2messages:FailMessage",
                                "ec2messages:GetEndpoint",
                                "ec2messages:GetMessages",
                                "ec2messages:SendReply",
                                "ssm:DescribeAssociation",
                                "ssm:DescribeDocument",
                                "ssm:GetDeployablePatchSnapshotForInstance",
                                "ssm:GetDocument",
                                "ssm:GetManifest",
                                "ssm:GetParameter",
                                "ssm:GetParameters",
                                "ssm:ListAssociations",
                                "ssm:ListInstanceAssociations",
                                "ssm:PutComplianceItems",
                                "ssm:PutConfigurePackageResult",
                                "ssm:PutInventory",
                                "ssm:UpdateAssociationStatus",
                                "ssm:UpdateInstanceAssociationStatus",
                                "ssm:UpdateInstanceInformation"),
                        List.of("*"))
                .allow(
                        "StopAndStartStackDatabases",
                        List.of("rds:StartDBInstance", "rds:StopDBInstance"),
                        List.of("arn:aws:rds:*:" + a + ":db:tutors-" + OWN_STACK + "-*"))
                // Scheduled jobs: the scheduler's role runs the stack's task definitions and passes the stack's roles
                // to them.
                .allow(
                        "RunStackTasks",
                        List.of("ecs:RunTask"),
                        List.of("arn:aws:ecs:*:" + a + ":task-definition/tutors-" + OWN_STACK + "-*"))
                .statement(
                        "PassStackRolesToTasks",
                        "Allow",
                        null,
                        List.of("iam:PassRole"),
                        List.of("arn:aws:iam::" + a + ":role/tutors-" + OWN_STACK + "-*"),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")));
        // The backend's mail: SES authorizes the identity (the stack's domain, which has no stack prefix) and its
        // configuration set.
        domains.forEach((stack, domain) -> doc.statement(
                "Send" + stack.name().charAt(0) + stack.name().substring(1).toLowerCase() + "Mail",
                "Allow",
                null,
                List.of("ses:SendEmail", "ses:SendRawEmail"),
                List.of(
                        "arn:aws:ses:*:" + a + ":identity/" + domain,
                        "arn:aws:ses:*:" + a + ":configuration-set/tutors-" + stack.id() + "-*"),
                Map.of("StringEquals", Map.of("aws:PrincipalTag/" + STACK_TAG, stack.id()))));
        return doc.json();
    }
}
