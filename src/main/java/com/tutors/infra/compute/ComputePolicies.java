package com.tutors.infra.compute;

import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/** The IAM documents of phase 4: least privilege, exact resources wherever the action supports them. */
public final class ComputePolicies {
    private ComputePolicies() {}

    public static final String EXECUTION_MANAGED_POLICY =
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    /** Only ECS tasks of this account may assume the role (confused-deputy guard). */
    public static String ecsTasksTrust(String accountId) {
        return PolicyDocument.serviceTrust("EcsTasksOfThisAccount", "ecs-tasks.amazonaws.com", accountId);
    }

    /** The execution role reads exactly the secrets the task definitions reference. */
    public static String readSecrets(List<String> secretArns) {
        return PolicyDocument.create()
                .allow("ReadTheTasksSecrets", List.of("secretsmanager:GetSecretValue"), List.copyOf(secretArns))
                .json();
    }

    /** The backend reads, writes and deletes objects in its two buckets, and lists them; nothing else. */
    public static String backendS3(String mediaBucketArn, String staticBucketArn, boolean ecsExec) {
        var doc = PolicyDocument.create()
                .allow(
                        "ObjectsInTheAppBuckets",
                        List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                        List.of(mediaBucketArn + "/*", staticBucketArn + "/*"))
                .allow("ListTheAppBuckets", List.of("s3:ListBucket"), List.of(mediaBucketArn, staticBucketArn));
        return ecsExec ? withExec(doc) : doc.json();
    }

    /**
     * Sending mail through SES (API v2, HTTPS): only as the domain's identity, only through its
     * configuration set (SES authorizes both resources), and only from an address of the domain.
     */
    public static String sendMail(String identityArn, String configurationSetArn, String domain) {
        return PolicyDocument.create()
                .statement(
                        "SendAsTheDomainThroughItsConfigurationSet",
                        "Allow",
                        null,
                        List.of("ses:SendEmail", "ses:SendRawEmail"),
                        List.of(identityArn, configurationSetArn),
                        Map.of("StringLike", Map.of("ses:FromAddress", "*@" + domain)))
                .json();
    }

    /** What `aws ecs execute-command` needs in the task role; these actions take no resource ARN. */
    public static String ecsExecOnly() {
        return withExec(PolicyDocument.create());
    }

    public static final List<String> EXEC_ACTIONS = List.of(
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    private static String withExec(PolicyDocument doc) {
        return doc.allow("EcsExec", EXEC_ACTIONS, List.of("*")).json();
    }
}
