package com.tutors.infra;

import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ec2.DefaultNetworkAcl;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketV2;
import com.tutors.infra.plan.OfflineRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Security Hub FSBP controls the program meets, on both committed stacks (README "Security baseline"). */
class SecurityBaselineTest {

    private static OfflineRun.Result run(String stack) {
        return StackRuns.succeeded(StackRuns.committed(stack));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void ec2_2TheDefaultSecurityGroupHasNoRules(String stack) {
        var result = run(stack);
        var sg = named(result, DefaultSecurityGroup.class, "tutors-" + stack + "-default-sg");
        assertEquals(idOf(named(result, Vpc.class, "tutors-" + stack + "-vpc")), sg.input("vpcId"));
        assertTrue(
                sg.input("ingress") == null && sg.input("egress") == null,
                "adopted with no rules: AWS's defaults are removed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    @SuppressWarnings("unchecked")
    void ec2_21NoAclRuleAdmitsSshOrRdpFromAnywhere(String stack) {
        var result = run(stack);
        var acl = named(result, DefaultNetworkAcl.class, "tutors-" + stack + "-default-acl");
        assertEquals(4, ((List<?>) acl.input("subnetIds")).size(), "every subnet uses it");
        var ingress = (List<Map<String, Object>>) acl.input("ingress");
        for (var rule : ingress) {
            var cidr = rule.getOrDefault("cidrBlock", rule.get("ipv6CidrBlock"));
            if (!"0.0.0.0/0".equals(cidr) && !"::/0".equals(cidr)) {
                continue;
            }
            assertEquals("allow", rule.get("action"));
            double from = ((Number) rule.get("fromPort")).doubleValue();
            double to = ((Number) rule.get("toPort")).doubleValue();
            boolean icmp = List.of("1", "58").contains(rule.get("protocol"));
            assertFalse("-1".equals(rule.get("protocol")), "no all-protocol rule from anywhere: it covers 22 and 3389");
            if (!icmp) {
                for (int port : new int[] {22, 3389}) {
                    assertFalse(from <= port && port <= to, rule + " admits " + port + " from anywhere");
                }
            }
        }
        // What must still pass: HTTPS to the ALB, and return traffic on the ephemeral ports, over IPv4 and IPv6.
        for (var cidr : List.of("0.0.0.0/0", "::/0")) {
            for (int port : new int[] {443, 80, 32768, 60999, 1024}) {
                assertTrue(
                        ingress.stream()
                                .anyMatch(r -> "6".equals(r.get("protocol"))
                                        && cidr.equals(r.getOrDefault("cidrBlock", r.get("ipv6CidrBlock")))
                                        && ((Number) r.get("fromPort")).intValue() <= port
                                        && port <= ((Number) r.get("toPort")).intValue()),
                        "TCP " + port + " from " + cidr);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void ec2_6RejectedTrafficIsLoggedWithTheStacksRetention(String stack) {
        var result = run(stack);
        var log = named(result, FlowLog.class, "tutors-" + stack + "-flow-logs");
        assertEquals("REJECT", log.input("trafficType"));
        assertEquals(idOf(named(result, Vpc.class, "tutors-" + stack + "-vpc")), log.input("vpcId"));
        var group = named(result, com.pulumi.aws.cloudwatch.LogGroup.class, "tutors-" + stack + "-flow-logs");
        assertEquals(
                Double.valueOf(StackRuns.fileValue(stack, "tutors:logRetentionDays")), group.input("retentionInDays"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void rdsMonitoringIamAuthAndLogs(String stack) {
        var result = run(stack);
        var db = named(result, com.pulumi.aws.rds.Instance.class, "tutors-" + stack + "-postgres");
        assertEquals(60.0, db.input("monitoringInterval"), "RDS.6");
        var role = named(result, com.pulumi.aws.iam.Role.class, "tutors-" + stack + "-rds-monitoring");
        assertEquals(StackRuns.value(((com.pulumi.aws.iam.Role) role.resource()).arn()), db.input("monitoringRoleArn"));
        assertTrue(((String) role.input("assumeRolePolicy")).contains("monitoring.rds.amazonaws.com"));
        assertEquals(true, db.input("iamDatabaseAuthenticationEnabled"), "RDS.10");
        assertEquals(List.of("postgresql", "upgrade"), db.input("enabledCloudwatchLogsExports"), "RDS.9 / RDS.36");
        for (var export : List.of("postgresql", "upgrade")) {
            var name = "/aws/rds/instance/tutors-" + stack + "-postgres/" + export;
            assertTrue(
                    ofType(result, com.pulumi.aws.cloudwatch.LogGroup.class).stream()
                            .anyMatch(g -> name.equals(g.input("name")) && g.input("retentionInDays") != null),
                    name + " is declared with a retention");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    @SuppressWarnings("unchecked")
    void s3_9BothBucketsLogAccessToAPrivateExpiringBucket(String stack) {
        var result = run(stack);
        var logBucket = named(result, BucketV2.class, "tutors-" + stack + "-s3-logs");
        for (var part : List.of("media", "static")) {
            var logging = named(result, BucketLoggingV2.class, "tutors-" + stack + "-" + part);
            assertEquals(idOf(named(result, BucketV2.class, "tutors-" + stack + "-" + part)), logging.input("bucket"));
            assertEquals(idOf(logBucket), logging.input("targetBucket"));
            assertEquals(part + "/", logging.input("targetPrefix"));
        }
        assertTrue(
                ofType(result, BucketLoggingV2.class).stream()
                        .noneMatch(l -> idOf(logBucket).equals(l.input("bucket"))),
                "the log bucket does not log itself");
        var policy = (Map<String, Object>) new Gson()
                .fromJson(
                        (String) named(result, BucketPolicy.class, "tutors-" + stack + "-s3-logs")
                                .input("policy"),
                        Map.class);
        var statements = (List<Map<String, Object>>) policy.get("Statement");
        assertEquals(
                Map.of("Service", "logging.s3.amazonaws.com"), statements.get(1).get("Principal"));
        assertTrue(statements.get(1).toString().contains("aws:SourceAccount"));
        var access = named(result, com.pulumi.aws.s3.BucketPublicAccessBlock.class, "tutors-" + stack + "-s3-logs");
        assertEquals(true, access.input("blockPublicPolicy"));
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void ecs5AndEcs20AreSettingsWithWritableVolumes() {
        // Fargate's task volumes are root-owned unless the image declares them as VOLUMEs owned by the user.
        var refused = StackRuns.with(
                "staging",
                StackRuns.override("tutors:readOnlyRootFilesystem", "true", "tutors:containerUser", "1000:1000"));
        assertTrue(
                refused.problems().stream()
                        .anyMatch(
                                p -> p.contains("tutors:imageDeclaresVolumes = true") && p.contains("/managed-agents")),
                refused.problems()::toString);
        var result = StackRuns.succeeded(StackRuns.with(
                "staging",
                StackRuns.override(
                        "tutors:readOnlyRootFilesystem",
                        "true",
                        "tutors:containerUser",
                        "1000:1000",
                        "tutors:imageDeclaresVolumes",
                        "true")));
        for (var part : List.of("backend", "frontend", "backend-migrate")) {
            var task = named(result, com.pulumi.aws.ecs.TaskDefinition.class, "tutors-staging-" + part);
            var c = Containers.container(task);
            assertEquals(true, c.get("readonlyRootFilesystem"), part + ": ECS.5");
            assertEquals("1000:1000", c.get("user"), part + ": ECS.20");
            var mounts = ((List<Map<String, Object>>) c.get("mountPoints"))
                    .stream().map(m -> m.get("containerPath")).toList();
            assertTrue(mounts.contains("/tmp"), part);
            assertTrue(
                    mounts.containsAll(List.of("/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm")),
                    part + ": staging has ECS Exec, whose agent needs /managed-agents writable");
            assertEquals(part.equals("frontend"), mounts.contains("/app/.next/cache"), part);
            var volumes = ((List<Map<String, Object>>) task.input("volumes"))
                    .stream().map(v -> v.get("name")).toList();
            var sources = ((List<Map<String, Object>>) c.get("mountPoints"))
                    .stream().map(m -> m.get("sourceVolume")).toList();
            assertEquals(volumes, sources, part + ": every mount has its volume");
        }
        var off = Containers.container(
                named(run("prod"), com.pulumi.aws.ecs.TaskDefinition.class, "tutors-prod-backend"));
        assertFalse(
                off.containsKey("readonlyRootFilesystem") || off.containsKey("user"),
                "off by default: the images decide");
    }
}
