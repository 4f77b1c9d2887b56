package com.tutors.infra.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.Policies;
import com.tutors.infra.Policies.Request;
import com.tutors.infra.StackRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deploy roles can do what {@code pulumi up} of their stack needs and nothing that escalates: the
 * boundary is a ceiling over every role the main program creates, and the roles a deploy can create
 * are the ones under it. Asked of the planned documents through {@link Policies#allows}.
 */
class AccessPoliciesTest {
    private static final String A = "123456789012";
    private static final String BOUNDARY = "arn:aws:iam::" + A + ":policy/tutors-workload-boundary";

    static List<String> policiesOf(String role) {
        var result = BootstrapRuns.committed();
        var docs = new ArrayList<String>();
        for (var attachment : BootstrapRuns.ofType(result, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
            if (attachment.input("role").equals(role)) {
                var arn = (String) attachment.input("policyArn");
                BootstrapRuns.ofType(result, "aws:iam/policy:Policy").stream()
                        .filter(p -> arn.equals("arn:aws:iam::" + A + ":policy/" + p.input("name")))
                        .forEach(p -> docs.add((String) p.input("policy")));
            }
        }
        assertFalse(docs.isEmpty(), role);
        return docs;
    }

    static String boundary() {
        return (String)
                BootstrapRuns.named(BootstrapRuns.committed(), "aws:iam/policy:Policy", "tutors-workload-boundary")
                        .input("policy");
    }

    private static Request in(String region, String action, String resource) {
        return new Request(action, resource, Map.of("aws:RequestedRegion", List.of(region)));
    }

    /** AWS's managed policies the main program attaches, as AWS documents them: (action, a resource the workload uses). */
    private static List<Request> managed(String arn, String stack) {
        var logs = "arn:aws:logs:eu-central-1:" + A + ":log-group:/ecs/tutors-" + stack + "-backend:log-stream:web/1";
        var rds = "arn:aws:logs:eu-central-1:" + A + ":log-group:RDSOSMetrics:log-stream:db-1";
        var repo = "arn:aws:ecr:eu-central-1:" + A + ":repository/tutors-" + stack + "-backend";
        return switch (arn.substring(arn.lastIndexOf('/') + 1)) {
            case "AmazonECSTaskExecutionRolePolicy" ->
                List.of(
                        new Request("ecr:GetAuthorizationToken", "*"),
                        new Request("ecr:BatchCheckLayerAvailability", repo),
                        new Request("ecr:GetDownloadUrlForLayer", repo),
                        new Request("ecr:BatchGetImage", repo),
                        new Request("logs:CreateLogStream", logs),
                        new Request("logs:PutLogEvents", logs));
            case "AmazonRDSEnhancedMonitoringRole" ->
                List.of(
                        new Request("logs:CreateLogGroup", rds),
                        new Request("logs:PutRetentionPolicy", rds),
                        new Request("logs:CreateLogStream", rds),
                        new Request("logs:PutLogEvents", rds),
                        new Request("logs:DescribeLogStreams", rds),
                        new Request("logs:GetLogEvents", rds));
            case "AmazonSSMManagedInstanceCore" ->
                java.util.stream.Stream.of(
                                "ssm:DescribeAssociation",
                                "ssm:GetDeployablePatchSnapshotForInstance",
                                "ssm:GetDocument",
                                "ssm:DescribeDocument",
                                "ssm:GetManifest",
                                "ssm:GetParameter",
                                "ssm:GetParameters",
                                "ssm:ListAssociations",
                                "ssm:ListInstanceAssociations",
                                "ssm:PutInventory",
                                "ssm:PutComplianceItems",
                                "ssm:PutConfigurePackageResult",
                                "ssm:UpdateAssociationStatus",
                                "ssm:UpdateInstanceAssociationStatus",
                                "ssm:UpdateInstanceInformation",
                                "ssmmessages:CreateControlChannel",
                                "ssmmessages:CreateDataChannel",
                                "ssmmessages:OpenControlChannel",
                                "ssmmessages:OpenDataChannel",
                                "ec2messages:AcknowledgeMessage",
                                "ec2messages:DeleteMessage",
                                "ec2messages:FailMessage",
                                "ec2messages:GetEndpoint",
                                "ec2messages:GetMessages",
                                "ec2messages:SendReply")
                        .map(a -> new Request(a, "*"))
                        .toList();
            default -> throw new AssertionError("no table for " + arn + ": add what AWS documents for it");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void everyRoleOfTheMainProgramCarriesTheBoundaryAndKeepsAllItUses(String stack) {
        var result = StackRuns.succeeded(StackRuns.with(stack, Map.of("tutors:permissionsBoundary", (String)
                BootstrapRuns.committed().outputs().get("permissionsBoundaryArn"))));
        var roles = StackRuns.ofType(result, com.pulumi.aws.iam.Role.class);
        assertTrue(roles.size() >= 6, "roles: " + roles.size());
        roles.forEach(r -> assertEquals(BOUNDARY, r.input("permissionsBoundary"), r.name()));
        var ceiling = List.of(boundary());
        // The boundary scopes by the role's own stack tag: the one the program's provider puts on every resource.
        // (A provider's object inputs travel as JSON text.)
        var tag = StackRuns.ofType(result, com.pulumi.aws.Provider.class).stream()
                .map(p ->
                        ((Map<?, ?>) BootstrapRuns.json(p.input("defaultTags")).get("tags")).get("Environment"))
                .distinct()
                .toList();
        assertEquals(List.of(stack), tag);
        var principal = Map.of("aws:PrincipalTag/Environment", List.of(stack));
        var checked = 0;
        for (var policy : StackRuns.ofType(result, com.pulumi.aws.iam.RolePolicy.class)) {
            for (var s : Policies.statements((String) policy.input("policy"))) {
                // The request as the statement allows it: its own condition values are in the context.
                var context = new java.util.HashMap<>(principal);
                context.putAll(Policies.conditionValues(s));
                for (var action : Policies.list(s.get("Action"))) {
                    for (var resource : Policies.list(s.get("Resource"))) {
                        assertTrue(
                                Policies.allows(ceiling, new Request(action, resource, context)),
                                policy.name() + ": the boundary would cut " + action + " on " + resource);
                        checked++;
                    }
                }
            }
        }
        for (var attachment : StackRuns.ofType(result, com.pulumi.aws.iam.RolePolicyAttachment.class)) {
            var arn = (String) attachment.input("policyArn");
            assertTrue(AccessPolicies.ATTACHABLE.contains(arn), "the deploy role may not attach " + arn);
            for (var request : managed(arn, stack)) {
                request = new Request(request.action(), request.resource(), principal);
                assertTrue(
                        Policies.allows(ceiling, request), attachment.name() + ": the boundary would cut " + request);
                checked++;
            }
        }
        assertTrue(checked > 40, "pairs checked: " + checked);
    }

    @Test
    void underTheBoundaryNoRoleReachesIamStsStateOrSecretsKeys() {
        var ceiling = List.of(boundary());
        for (var request : List.of(
                new Request("iam:CreateRole", "arn:aws:iam::" + A + ":role/tutors-prod-x"),
                new Request("iam:PassRole", "arn:aws:iam::" + A + ":role/tutors-prod-backend-task"),
                new Request("iam:PutRolePolicy", "arn:aws:iam::" + A + ":role/tutors-prod-backend-task"),
                new Request("sts:AssumeRole", "arn:aws:iam::" + A + ":role/tutors-ci-prod-deploy"),
                new Request("kms:Decrypt", "arn:aws:kms:eu-central-1:" + A + ":key/1"),
                new Request(
                        "s3:GetObject", "arn:aws:s3:::tutors-pulumi-state-" + A + "/.pulumi/stacks/tutors/prod.json"),
                new Request("s3:PutObject", "arn:aws:s3:::another-bucket/x"),
                new Request(
                        "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-central-1:" + A + ":secret:other"),
                new Request("ec2:RunInstances", "*"),
                new Request("organizations:LeaveOrganization", "*"),
                new Request("rds:DeleteDBInstance", "arn:aws:rds:eu-central-1:" + A + ":db:tutors-prod-postgres"))) {
            assertFalse(Policies.allows(ceiling, request), "the boundary allows " + request);
        }
    }

    @Test
    void deployRolesManageOnlyTheirStacksRolesAndOnlyUnderTheBoundary() {
        for (var stack : List.of("staging", "prod")) {
            var other = stack.equals("prod") ? "staging" : "prod";
            var docs = policiesOf("tutors-ci-" + stack + "-deploy");
            var own = "arn:aws:iam::" + A + ":role/tutors-" + stack + "-backend-task";
            var bounded =
                    Map.of("iam:PermissionsBoundary", List.of(BOUNDARY), "aws:RequestTag/Environment", List.of(stack));
            for (var action : List.of(
                    "iam:CreateRole", "iam:PutRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePolicy")) {
                assertTrue(Policies.allows(docs, new Request(action, own, bounded)), stack + " " + action);
                assertFalse(
                        Policies.allows(docs, new Request(action, own)),
                        stack + " " + action + " without the boundary");
                assertFalse(
                        Policies.allows(
                                docs,
                                new Request(
                                        action,
                                        own,
                                        Map.of(
                                                "iam:PermissionsBoundary",
                                                List.of("arn:aws:iam::" + A + ":policy/other")))),
                        stack + " " + action + " under another boundary");
                assertFalse(Policies.allows(
                        docs, new Request(action, "arn:aws:iam::" + A + ":role/tutors-" + other + "-x", bounded)));
                assertFalse(
                        Policies.allows(
                                docs,
                                new Request(
                                        action, "arn:aws:iam::" + A + ":role/tutors-ci-" + stack + "-deploy", bounded)),
                        "a deploy role never edits a CI role, itself included");
            }
            var attach = new java.util.HashMap<String, List<String>>(bounded);
            attach.put(
                    "iam:PolicyARN", List.of("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
            assertTrue(Policies.allows(docs, new Request("iam:AttachRolePolicy", own, attach)));
            attach.put("iam:PolicyARN", List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
            assertFalse(Policies.allows(docs, new Request("iam:AttachRolePolicy", own, attach)), "AdministratorAccess");
            for (var service : List.of(
                    "ecs-tasks.amazonaws.com",
                    "ec2.amazonaws.com",
                    "vpc-flow-logs.amazonaws.com",
                    "monitoring.rds.amazonaws.com",
                    "scheduler.amazonaws.com")) {
                assertTrue(
                        Policies.allows(
                                docs,
                                new Request("iam:PassRole", own, Map.of("iam:PassedToService", List.of(service)))),
                        service);
            }
            assertFalse(
                    Policies.allows(
                            docs,
                            new Request(
                                    "iam:PassRole",
                                    own,
                                    Map.of("iam:PassedToService", List.of("lambda.amazonaws.com")))),
                    "only to the services that take the program's roles");
            assertFalse(Policies.allows(
                    docs,
                    new Request(
                            "iam:PassRole",
                            "arn:aws:iam::" + A + ":role/tutors-ci-prod-deploy",
                            Map.of("iam:PassedToService", List.of("ec2.amazonaws.com")))));
            assertTrue(
                    Policies.allows(
                            docs,
                            new Request(
                                    "iam:CreateServiceLinkedRole",
                                    "arn:aws:iam::" + A
                                            + ":role/aws-service-role/events.amazonaws.com/AWSServiceRoleForCloudWatchEvents",
                                    Map.of("iam:AWSServiceName", List.of("events.amazonaws.com")))),
                    "the NAT reboot alarms' EC2 action on a fresh account");
            var linked = "arn:aws:iam::" + A + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
            assertTrue(
                    Policies.allows(
                            docs,
                            new Request(
                                    "iam:CreateServiceLinkedRole",
                                    linked,
                                    Map.of("iam:AWSServiceName", List.of("ecs.amazonaws.com")))),
                    "ECS's role on first use");
            assertFalse(
                    Policies.allows(
                            docs,
                            new Request(
                                    "iam:CreateServiceLinkedRole",
                                    linked,
                                    Map.of("iam:AWSServiceName", List.of("sso.amazonaws.com")))),
                    "no other service's");
            for (var escalation : List.of(
                    "iam:DeleteRolePermissionsBoundary",
                    "iam:CreatePolicyVersion",
                    "iam:SetDefaultPolicyVersion",
                    "iam:CreateUser",
                    "iam:AttachUserPolicy",
                    "iam:CreateAccessKey",
                    "iam:UpdateAssumeRolePolicy")) {
                assertFalse(
                        Policies.allows(
                                docs,
                                new Request(escalation, "arn:aws:iam::" + A + ":role/tutors-ci-prod-deploy", bounded)),
                        escalation);
                assertFalse(
                        Policies.allows(docs, new Request(escalation, BOUNDARY, bounded)),
                        escalation + " on the boundary");
            }
        }
    }

    @Test
    void eachDeployRoleWorksOnItsOwnStackAndIsKeptFromTheOthersData() {
        var staging = policiesOf("tutors-ci-staging-deploy");
        var prod = policiesOf("tutors-ci-prod-deploy");
        var db = "arn:aws:rds:eu-central-1:" + A + ":db:tutors-%s-postgres";
        assertTrue(Policies.allows(staging, in("eu-central-1", "rds:ModifyDBInstance", db.formatted("staging"))));
        assertFalse(Policies.allows(staging, in("eu-central-1", "rds:ModifyDBInstance", db.formatted("prod"))));
        assertFalse(Policies.allows(staging, in("eu-central-1", "rds:DeleteDBInstance", db.formatted("prod"))));
        assertFalse(Policies.allows(staging, in("eu-west-1", "ec2:CreateVpc", "*")), "only the stack's regions");
        assertTrue(Policies.allows(staging, in("eu-central-1", "ec2:CreateVpc", "*")));
        assertTrue(
                Policies.allows(prod, in("us-east-1", "wafv2:CreateWebACL", "*")),
                "CloudFront's scope lives in us-east-1");
        assertTrue(Policies.allows(prod, in("eu-central-1", "rds:ModifyDBInstance", db.formatted("prod"))));
        // Prod's data stores survive even a mistaken deploy; staging's may be destroyed (protectData: false).
        for (var delete : List.of(
                new Request("rds:DeleteDBInstance", db.formatted("prod")),
                new Request(
                        "elasticache:DeleteReplicationGroup",
                        "arn:aws:elasticache:eu-central-1:" + A + ":replicationgroup:tutors-prod-redis"),
                new Request("s3:DeleteBucket", "arn:aws:s3:::tutors-prod-media-" + A),
                new Request(
                        "ecr:DeleteRepository", "arn:aws:ecr:eu-central-1:" + A + ":repository/tutors-prod-backend"),
                new Request(
                        "secretsmanager:DeleteSecret",
                        "arn:aws:secretsmanager:eu-central-1:" + A + ":secret:/tutors/prod/db-url-AbCdEf"))) {
            assertFalse(
                    Policies.allows(prod, in("eu-central-1", delete.action(), delete.resource())), delete.toString());
            var own = delete.resource()
                    .replace("tutors-prod", "tutors-staging")
                    .replace("/tutors/prod/", "/tutors/staging/");
            assertTrue(Policies.allows(staging, in("eu-central-1", delete.action(), own)), own);
            assertFalse(
                    Policies.allows(staging, in("eu-central-1", delete.action(), delete.resource())),
                    "staging on " + delete);
        }
        var stagingRepo = "arn:aws:ecr:eu-central-1:" + A + ":repository/tutors-staging-backend";
        assertTrue(
                Policies.allows(prod, in("eu-central-1", "ecr:BatchGetImage", stagingRepo)),
                "prod promotes staging's digests");
        assertFalse(Policies.allows(prod, in("eu-central-1", "ecr:PutImage", stagingRepo)), "but never pushes there");
        assertTrue(Policies.allows(staging, in("eu-central-1", "ecr:PutImage", stagingRepo)));
        // The deployed image record: each deploy lists and writes its own, never the other's.
        var record = "arn:aws:ssm:eu-central-1:" + A + ":parameter/tutors/%s/image-tag";
        var path = "arn:aws:ssm:eu-central-1:" + A + ":parameter/tutors/%s";
        assertTrue(Policies.allows(staging, in("eu-central-1", "ssm:PutParameter", record.formatted("staging"))));
        assertTrue(Policies.allows(staging, in("eu-central-1", "ssm:GetParametersByPath", path.formatted("staging"))));
        assertFalse(Policies.allows(staging, in("eu-central-1", "ssm:PutParameter", record.formatted("prod"))));
        assertTrue(Policies.allows(prod, in("eu-central-1", "ssm:PutParameter", record.formatted("prod"))));
        assertFalse(Policies.allows(prod, in("eu-central-1", "ssm:PutParameter", record.formatted("staging"))));
    }

    @Test
    void readRolesReadConfigurationNotData() {
        // ReadOnlyAccess, as far as it matters here: every read, on everything (AWS's managed policy is not in the
        // plan).
        var readOnlyAccess =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"logs:Get*\","
                        + "\"logs:FilterLogEvents\",\"logs:StartQuery\",\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecs:Describe*\"],"
                        + "\"Resource\":\"*\"}]}";
        for (var role : List.of("tutors-ci-preview", "tutors-ci-staging-readonly", "tutors-ci-prod-readonly")) {
            var docs = new ArrayList<>(policiesOf(role));
            docs.add(readOnlyAccess);
            for (var data : List.of(
                    new Request("s3:GetObject", "arn:aws:s3:::tutors-prod-media-" + A + "/media/passport.jpg"),
                    new Request("s3:GetObject", "arn:aws:s3:::tutors-prod-alb-logs-" + A + "/alb/AWSLogs/x.log.gz"),
                    new Request(
                            "logs:GetLogEvents",
                            "arn:aws:logs:eu-central-1:" + A + ":log-group:/ecs/tutors-prod-backend:log-stream:x"),
                    new Request(
                            "logs:FilterLogEvents",
                            "arn:aws:logs:eu-central-1:" + A + ":log-group:/ecs/tutors-prod-backend"),
                    new Request(
                            "ecr:GetDownloadUrlForLayer",
                            "arn:aws:ecr:eu-central-1:" + A + ":repository/tutors-prod-backend"))) {
                assertFalse(Policies.allows(docs, data), role + ": " + data);
            }
            assertTrue(
                    Policies.allows(docs, new Request("ecs:DescribeServices", "*")),
                    role + " still reads configuration");
            assertTrue(
                    Policies.allows(
                            docs,
                            new Request(
                                    "s3:GetObject",
                                    "arn:aws:s3:::tutors-pulumi-state-" + A + "/.pulumi/stacks/tutors/"
                                            + (role.contains("prod") ? "prod" : "staging") + ".json")),
                    role + " still reads its state");
        }
    }

    @Test
    void stateAndSecretsKeysPerStack() {
        var bucket = "arn:aws:s3:::tutors-pulumi-state-" + A;
        var prodState = bucket + "/.pulumi/stacks/tutors/prod.json";
        var stagingState = bucket + "/.pulumi/stacks/tutors/staging.json";
        var prodLock = bucket + "/.pulumi/locks/organization/tutors/prod/1.json";
        var staging = policiesOf("tutors-ci-staging-deploy");
        var prod = policiesOf("tutors-ci-prod-deploy");
        var preview = policiesOf("tutors-ci-preview");
        assertTrue(Policies.allows(staging, new Request("s3:PutObject", stagingState)));
        assertFalse(Policies.allows(staging, new Request("s3:PutObject", prodState)));
        assertFalse(Policies.allows(staging, new Request("s3:GetObject", prodState)));
        assertTrue(Policies.allows(prod, new Request("s3:PutObject", prodState)));
        assertTrue(Policies.allows(preview, new Request("s3:GetObject", stagingState)));
        assertFalse(Policies.allows(preview, new Request("s3:PutObject", stagingState)), "a preview writes no state");
        assertTrue(Policies.allows(
                preview, new Request("s3:PutObject", bucket + "/.pulumi/locks/organization/tutors/staging/1.json")));
        assertFalse(Policies.allows(preview, new Request("s3:PutObject", prodLock)));
        assertFalse(
                Policies.allows(preview, new Request("s3:GetObject", prodState)),
                "ReadOnlyAccess would allow it: the deny wins");
        assertTrue(Policies.allows(policiesOf("tutors-ci-prod-readonly"), new Request("s3:GetObject", prodState)));
        var key = "arn:aws:kms:eu-central-1:" + A + ":key/0000";
        for (var role : List.of("tutors-ci-preview", "tutors-ci-staging-readonly", "tutors-ci-staging-deploy")) {
            var docs = policiesOf(role);
            assertTrue(Policies.allows(docs, new Request("kms:Decrypt", key, aliases("staging"))), role);
            assertFalse(
                    Policies.allows(docs, new Request("kms:Decrypt", key, aliases("prod"))), role + " with prod's key");
        }
        assertTrue(Policies.allows(prod, new Request("kms:Decrypt", key, aliases("prod"))));
        assertFalse(Policies.allows(prod, new Request("kms:Decrypt", key, aliases("staging"))));
        for (var docs : List.of(staging, prod)) {
            assertFalse(Policies.allows(
                    docs,
                    new Request(
                            "kms:ScheduleKeyDeletion",
                            key,
                            Map.of(
                                    "aws:RequestedRegion",
                                    List.of("eu-central-1"),
                                    "kms:ResourceAliases",
                                    List.of("alias/tutors-prod-pulumi")))));
            assertFalse(Policies.allows(
                    docs,
                    in(
                            "eu-central-1",
                            "kms:DeleteAlias",
                            "arn:aws:kms:eu-central-1:" + A + ":alias/tutors-staging-pulumi")));
            assertTrue(
                    Policies.allows(
                            docs,
                            new Request(
                                    "kms:ScheduleKeyDeletion",
                                    key,
                                    Map.of(
                                            "aws:RequestedRegion",
                                            List.of("eu-central-1"),
                                            "kms:ResourceAliases",
                                            List.of("alias/tutors-prod-alarms")))),
                    "the program's own alarm keys stay manageable");
        }
    }

    private static Map<String, List<String>> aliases(String stack) {
        return Map.of(
                "kms:ResourceAliases",
                List.of("alias/tutors-" + stack + "-pulumi"),
                "aws:RequestedRegion",
                List.of("eu-central-1"));
    }

    @Test
    void theDeployRolesCoverEveryServiceTheMainProgramDeclares() {
        // Pulumi module -> the IAM service prefix its resources are created through (written out here).
        var prefixes = Map.ofEntries(
                Map.entry("acm", "acm"),
                Map.entry("appautoscaling", "application-autoscaling"),
                Map.entry("cloudfront", "cloudfront"),
                Map.entry("cloudwatch", "cloudwatch"),
                Map.entry("ec2", "ec2"),
                Map.entry("ecr", "ecr"),
                Map.entry("ecs", "ecs"),
                Map.entry("elasticache", "elasticache"),
                Map.entry("iam", "iam"),
                Map.entry("kms", "kms"),
                Map.entry("lb", "elasticloadbalancing"),
                Map.entry("rds", "rds"),
                Map.entry("route53", "route53"),
                Map.entry("s3", "s3"),
                Map.entry("scheduler", "scheduler"),
                Map.entry("secretsmanager", "secretsmanager"),
                Map.entry("servicediscovery", "servicediscovery"),
                Map.entry("sesv2", "ses"),
                Map.entry("sns", "sns"),
                Map.entry("vpc", "ec2"),
                Map.entry("wafv2", "wafv2"));
        var modules = new TreeSet<String>();
        for (var stack : List.of("prod", "staging")) {
            StackRuns.awsResources(StackRuns.committed(stack))
                    .forEach(r -> modules.add(r.type().split("[:/]")[1]));
        }
        var logGroups = "arn:aws:logs:eu-central-1:" + A + ":log-group:/ecs/tutors-prod-backend";
        for (var module : modules) {
            var prefix = prefixes.get(module);
            assertTrue(
                    prefix != null,
                    "a new AWS service in the main program: " + module
                            + " (extend the deploy policies, then this table)");
            var sample = switch (prefix) {
                case "s3" -> in("eu-central-1", "s3:CreateBucket", "arn:aws:s3:::tutors-prod-media-" + A);
                case "ecr" ->
                    in(
                            "eu-central-1",
                            "ecr:CreateRepository",
                            "arn:aws:ecr:eu-central-1:" + A + ":repository/tutors-prod-backend");
                case "secretsmanager" ->
                    in(
                            "eu-central-1",
                            "secretsmanager:CreateSecret",
                            "arn:aws:secretsmanager:eu-central-1:" + A + ":secret:/tutors/prod/db-url-AbCdEf");
                case "iam" ->
                    new Request(
                            "iam:CreateRole",
                            "arn:aws:iam::" + A + ":role/tutors-prod-backend-task",
                            Map.of(
                                    "iam:PermissionsBoundary",
                                    List.of(BOUNDARY),
                                    "aws:RequestTag/Environment",
                                    List.of("prod")));
                case "kms" -> in("eu-central-1", "kms:CreateKey", "*");
                case "cloudwatch" -> in("eu-central-1", "cloudwatch:PutMetricAlarm", "*");
                default -> in("eu-central-1", prefix + ":Create" + module, logGroups);
            };
            assertTrue(Policies.allows(policiesOf("tutors-ci-prod-deploy"), sample), module + ": " + sample);
        }
        assertTrue(modules.containsAll(List.of("ec2", "ecs", "rds", "s3", "iam")), modules.toString());
    }

    @Test
    void everyDocumentFollowsTheGrammarAndFitsIamsLimits() {
        var result = BootstrapRuns.committed();
        var docs = Policies.documents(result);
        assertEquals(20, docs.size(), docs.keySet().toString()); // 12 policies, 5 trusts, the bucket's and the two keys
        for (var doc : docs.entrySet()) {
            boolean resourcePolicy = !doc.getKey().startsWith("aws:iam/policy:");
            Policies.assertWellFormed(doc.getKey(), doc.getValue(), resourcePolicy);
            if (!resourcePolicy) {
                // IAM counts a managed policy's characters without whitespace: 6,144 at most.
                assertTrue(
                        doc.getValue().replaceAll("\\s", "").length() <= 6144,
                        doc.getKey() + ": " + doc.getValue().length() + " characters");
            }
        }
        for (var role : CiRole.values()) {
            var attached = BootstrapRuns.ofType(result, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                    .filter(a -> a.input("role").equals(role.roleName()))
                    .count();
            assertEquals(role.deploys() ? 4 : 2, attached, role.roleName());
        }
    }
}
