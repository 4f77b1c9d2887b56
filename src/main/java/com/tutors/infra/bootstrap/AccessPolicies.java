package com.tutors.infra.bootstrap;

import com.tutors.infra.core.Environment;
import com.tutors.infra.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every permission document of the bootstrap stack, as pure functions of the settings: the workload
 * boundary, the deploy roles' three policies and the read-only roles' one. Names follow the main
 * program's one scheme ({@code tutors-<stack>-*} for roles, buckets, repositories;
 * {@code /tutors/<stack>/*} for secrets), so scoping by name is scoping by stack.
 */
public final class AccessPolicies {
    private AccessPolicies() {}

    public static final String BOUNDARY_NAME = "tutors-workload-boundary";

    /** The AWS managed policies the main program attaches; a deploy role may attach no other. */
    public static final List<String> ATTACHABLE = List.of(
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
            "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");

    /** The services the main program's roles are passed to (EC2 for the NAT instance profile). */
    static final List<String> PASSED_TO = List.of(
            "ec2.amazonaws.com",
            "ecs-tasks.amazonaws.com",
            "monitoring.rds.amazonaws.com",
            "rds.amazonaws.com",
            "scheduler.amazonaws.com",
            "vpc-flow-logs.amazonaws.com");

    /**
     * Service-linked roles AWS creates on first use of these services in an account (WAF's: for its
     * logging; events': for alarms with EC2 actions, the NAT instances' reboot alarms).
     */
    static final List<String> SERVICE_LINKED = List.of(
            "ecs.amazonaws.com",
            "ecs.application-autoscaling.amazonaws.com",
            "elasticache.amazonaws.com",
            "elasticloadbalancing.amazonaws.com",
            "events.amazonaws.com",
            "rds.amazonaws.com",
            "wafv2.amazonaws.com");

    /** What ReadOnlyAccess would let a preview or drift role read that is data, not configuration. */
    static final List<String> DATA_READS = List.of(
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer",
            "logs:FilterLogEvents",
            "logs:GetLogEvents",
            "logs:StartLiveTail",
            "logs:StartQuery",
            "s3:GetObject",
            "s3:GetObjectVersion");

    /**
     * The services whose resources the main program declares by generated ids (VPCs, load balancers,
     * alarms...), so they cannot be scoped by name: the deploy roles get them whole, in the stack's
     * region and us-east-1 (CloudFront's certificate, web ACL and alarms; the global services' region).
     */
    public static final List<String> WHOLE_SERVICES = List.of(
            "acm",
            "application-autoscaling",
            "cloudfront",
            "cloudwatch",
            "ec2",
            "elasticache",
            "elasticloadbalancing",
            "ecs",
            "events",
            "logs",
            "rds",
            "route53",
            "scheduler",
            "servicediscovery",
            "ses",
            "sns",
            "wafv2");

    /** KMS: what the program does with its alarm topics' keys; never decrypting with someone else's key. */
    static final List<String> KMS_ACTIONS = List.of(
            "kms:CreateAlias",
            "kms:CreateKey",
            "kms:DeleteAlias",
            "kms:DescribeKey",
            "kms:DisableKeyRotation",
            "kms:EnableKeyRotation",
            "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus",
            "kms:ListAliases",
            "kms:ListResourceTags",
            "kms:PutKeyPolicy",
            "kms:ScheduleKeyDeletion",
            "kms:TagResource",
            "kms:UntagResource",
            "kms:UpdateAlias",
            "kms:UpdateKeyDescription");

    public static String keyAlias(Environment stack) {
        return "alias/tutors-" + stack.id() + "-pulumi";
    }

    public static String boundaryArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":policy/" + BOUNDARY_NAME;
    }

    /** The tag the main program's provider puts on every resource, its roles included: the stack's id. */
    public static final String STACK_TAG = WorkloadBoundary.STACK_TAG;

    /** IAM for {@code pulumi up}: only the stack's own roles, only under the boundary, only to their services. */
    public static String deployIam(Environment stack, String accountId) {
        return DeployIam.document(stack, accountId);
    }

    /** Everything else {@code pulumi up} and the deploy job do, and what they must never do. */
    public static String deployServices(Environment stack, String accountId, String region) {
        var a = accountId;
        var s = stack.id();
        var actions = new ArrayList<String>();
        WHOLE_SERVICES.forEach(service -> actions.add(service + ":*"));
        actions.addAll(KMS_ACTIONS);
        var regions = region.equals("us-east-1") ? List.of(region) : List.of(region, "us-east-1");
        var doc = PolicyDocument.create()
                .statement(
                        "StackServicesInItsRegions",
                        "Allow",
                        null,
                        actions,
                        List.of("*"),
                        Map.of("StringEquals", Map.of("aws:RequestedRegion", regions)))
                .allow("StackBuckets", List.of("s3:*"), List.of("arn:aws:s3:::tutors-" + s + "-*")) // and their objects
                .allow(
                        "StackSecrets",
                        List.of("secretsmanager:*"),
                        List.of("arn:aws:secretsmanager:" + region + ":" + a + ":secret:/tutors/" + s + "/*"))
                .allow(
                        "StackRepositories",
                        List.of("ecr:*"),
                        List.of("arn:aws:ecr:" + region + ":" + a + ":repository/tutors-" + s + "-*"))
                .allow(
                        "RegistryLoginAndPublicParameters",
                        List.of("ecr:GetAuthorizationToken", "ssm:GetParameter", "ssm:GetParameters"),
                        List.of("*"))
                // The deployed image tag: the program lists the path, the deploy's verify writes it.
                .allow(
                        "StackRecords",
                        List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:PutParameter"),
                        List.of(
                                "arn:aws:ssm:" + region + ":" + a + ":parameter/tutors/" + s,
                                "arn:aws:ssm:" + region + ":" + a + ":parameter/tutors/" + s + "/*"));
        var other = Arrays.stream(Environment.values()).filter(e -> e != stack).toList();
        if (stack.isProduction()) {
            // Prod promotes the digests staging verified: it pulls them, never pushes there.
            doc.allow(
                    "PullStagingImages",
                    List.of(
                            "ecr:BatchCheckLayerAvailability",
                            "ecr:BatchGetImage",
                            "ecr:DescribeImages",
                            "ecr:GetDownloadUrlForLayer"),
                    each(other, o -> "arn:aws:ecr:" + region + ":" + a + ":repository/tutors-" + o + "-*"));
            doc.statement(
                    "ProdDataStoresAreNeverDeletedByADeploy",
                    "Deny",
                    null,
                    List.of(
                            "ecr:DeleteRepository",
                            "elasticache:DeleteCacheCluster",
                            "elasticache:DeleteReplicationGroup",
                            "rds:DeleteDBInstance",
                            "s3:DeleteBucket",
                            "secretsmanager:DeleteSecret"),
                    List.of(
                            "arn:aws:ecr:*:" + a + ":repository/tutors-prod-*",
                            "arn:aws:elasticache:*:" + a + ":*:tutors-prod-*",
                            "arn:aws:rds:*:" + a + ":db:tutors-prod-*",
                            "arn:aws:s3:::tutors-prod-*",
                            "arn:aws:secretsmanager:*:" + a + ":secret:/tutors/prod/*"),
                    null);
        }
        doc.statement(
                "PulumiSecretsKeysStayAsTheyAre",
                "Deny",
                null,
                List.of("kms:CreateGrant", "kms:DisableKey", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"),
                List.of("arn:aws:kms:*:" + a + ":key/*"),
                Map.of("ForAnyValue:StringLike", Map.of("kms:ResourceAliases", "alias/tutors-*-pulumi")));
        doc.statement(
                "PulumiSecretsAliasesStay",
                "Deny",
                null,
                List.of("kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"),
                List.of("arn:aws:kms:*:" + a + ":alias/tutors-*-pulumi"),
                null);
        return doc.json();
    }

    /** The stack's state and secrets key, for {@code pulumi up}. */
    public static String deployState(Environment stack, String accountId, String region, String bucket) {
        var doc = stateBucket(bucket)
                .allow(
                        "StateFiles",
                        List.of("s3:DeleteObject", "s3:GetObject", "s3:PutObject"),
                        List.of("arn:aws:s3:::" + bucket + "/.pulumi/*"))
                .statement(
                        "ThisStacksSecretsKey",
                        "Allow",
                        null,
                        List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"),
                        List.of(keys(accountId, region)),
                        aliasIs(stack));
        return notProdState(doc, stack, bucket, List.of("s3:DeleteObject", "s3:GetObject", "s3:PutObject"))
                .json();
    }

    /**
     * For {@code pulumi preview} (and {@code --refresh}) next to AWS's ReadOnlyAccess: reading the state,
     * writing only lock files, decrypting the stack's config, and reading the stack's secret values
     * (refreshing a secret version reads it).
     */
    public static String readOnly(Environment stack, String accountId, String region, String bucket) {
        var doc = stateBucket(bucket)
                .allow("ReadState", List.of("s3:GetObject"), List.of("arn:aws:s3:::" + bucket + "/.pulumi/*"))
                .allow(
                        "LockFilesOnly",
                        List.of("s3:DeleteObject", "s3:PutObject"),
                        List.of("arn:aws:s3:::" + bucket + "/.pulumi/locks/*"))
                .statement(
                        "DecryptThisStacksConfig",
                        "Allow",
                        null,
                        List.of("kms:Decrypt", "kms:DescribeKey"),
                        List.of(keys(accountId, region)),
                        aliasIs(stack))
                .allow(
                        "RefreshThisStacksSecrets",
                        List.of("secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:/tutors/" + stack.id()
                                + "/*"))
                // Configuration, not data: no object in the stacks' buckets (media, ALB logs), no log event, no image
                // layer.
                .statement(
                        "ConfigurationNotData",
                        "Deny",
                        null,
                        DATA_READS,
                        List.of(
                                "arn:aws:s3:::tutors-prod-*/*",
                                "arn:aws:s3:::tutors-staging-*/*",
                                "arn:aws:logs:*:" + accountId + ":log-group:*",
                                "arn:aws:ecr:*:" + accountId + ":repository/*"),
                        null);
        return notProdState(doc, stack, bucket, List.of("s3:*")).json();
    }

    private static PolicyDocument stateBucket(String bucket) {
        return PolicyDocument.create()
                .allow(
                        "StateBucket",
                        List.of("s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"),
                        List.of("arn:aws:s3:::" + bucket));
    }

    /**
     * A staging role never reads or writes prod's state (stack file, history, backups, locks: all under
     * {@code .pulumi/<kind>/[organization/]tutors/prod}). A deny: if the layout differs, nothing breaks.
     */
    private static PolicyDocument notProdState(
            PolicyDocument doc, Environment stack, String bucket, List<String> actions) {
        if (stack.isProduction()) {
            return doc;
        }
        return doc.statement(
                "NotProdsState",
                "Deny",
                null,
                actions,
                List.of("arn:aws:s3:::" + bucket + "/.pulumi/*/tutors/prod*"),
                null);
    }

    private static String keys(String accountId, String region) {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/*";
    }

    private static Map<String, Object> aliasIs(Environment stack) {
        return Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", keyAlias(stack)));
    }

    /** Each form applied to each stack's id: the ARN patterns of those stacks' names. */
    @SafeVarargs
    private static List<String> each(List<Environment> stacks, Function<String, String>... forms) {
        var out = new ArrayList<String>();
        for (var form : forms) {
            stacks.forEach(stack -> out.add(form.apply(stack.id())));
        }
        return out;
    }
}
