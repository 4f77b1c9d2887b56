package com.tutors.infra.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.Policies;
import com.tutors.infra.Policies.Request;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.StackFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each stack's access reaches only that stack: every cross-stack path of issue #27 tried with the
 * deploy role's planned documents (directly, through a role it creates, through a schedule it
 * creates), each beside the same request on the role's own stack, which must still pass.
 */
class StackIsolationTest {
    private static final String A = "123456789012";
    private static final String R = "eu-central-1";

    /** A request in the stack's region, with the condition keys IAM would add. */
    private static Request req(String action, String resource, String... keyValues) {
        var context = new HashMap<String, List<String>>();
        context.put("aws:RequestedRegion", List.of(R));
        for (int i = 0; i < keyValues.length; i += 2) {
            context.put(keyValues[i], List.of(keyValues[i + 1].split(",")));
        }
        return new Request(action, resource, context);
    }

    /** The direct paths, as (action, resource of stack %s, condition keys with %s): the first stack's role on the second's. */
    private static List<Request> direct(String target) {
        var t = target;
        return List.of(
                req(
                        "ecs:DeleteService",
                        "arn:aws:ecs:" + R + ":" + A + ":service/tutors-" + t + "-cluster/tutors-" + t + "-backend"),
                req(
                        "ecs:UpdateService",
                        "arn:aws:ecs:" + R + ":" + A + ":service/tutors-" + t + "-cluster/tutors-" + t + "-frontend"),
                req(
                        "ecs:RunTask",
                        "arn:aws:ecs:" + R + ":" + A + ":task-definition/tutors-" + t + "-backend-migrate:7"),
                req("ecs:ExecuteCommand", "arn:aws:ecs:" + R + ":" + A + ":cluster/tutors-" + t + "-cluster"),
                req(
                        "ec2:TerminateInstances",
                        "arn:aws:ec2:" + R + ":" + A + ":instance/i-0123",
                        "aws:ResourceTag/Environment",
                        t),
                req(
                        "ec2:AuthorizeSecurityGroupIngress",
                        "arn:aws:ec2:" + R + ":" + A + ":security-group/sg-1",
                        "aws:ResourceTag/Environment",
                        t),
                req("ec2:DeleteTags", "arn:aws:ec2:" + R + ":" + A + ":vpc/vpc-1", "aws:ResourceTag/Environment", t),
                req(
                        "ec2:DeleteRoute",
                        "arn:aws:ec2:" + R + ":" + A + ":route-table/rtb-1",
                        "aws:ResourceTag/Environment",
                        t),
                req(
                        "elasticloadbalancing:DeleteLoadBalancer",
                        "arn:aws:elasticloadbalancing:" + R + ":" + A + ":loadbalancer/app/tutors-" + t
                                + "-alb/50dc6c495c0c9188"),
                req(
                        "elasticloadbalancing:ModifyRule",
                        "arn:aws:elasticloadbalancing:" + R + ":" + A + ":listener-rule/app/tutors-" + t
                                + "-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"),
                req(
                        "cloudfront:UpdateDistribution",
                        "arn:aws:cloudfront::" + A + ":distribution/E2QWRUHEXAMPLE",
                        "aws:ResourceTag/Environment",
                        t),
                req(
                        "acm:DeleteCertificate",
                        "arn:aws:acm:us-east-1:" + A + ":certificate/1",
                        "aws:ResourceTag/Environment",
                        t),
                req(
                        "application-autoscaling:DeregisterScalableTarget",
                        "arn:aws:application-autoscaling:" + R + ":" + A + ":scalable-target/0ec9",
                        "aws:ResourceTag/Environment",
                        t),
                req("logs:DeleteLogGroup", "arn:aws:logs:" + R + ":" + A + ":log-group:/ecs/tutors-" + t + "-backend"),
                req(
                        "logs:GetLogEvents",
                        "arn:aws:logs:" + R + ":" + A + ":log-group:/aws/rds/instance/tutors-" + t
                                + "-postgres/postgresql:log-stream:x"),
                req(
                        "cloudwatch:DeleteAlarms",
                        "arn:aws:cloudwatch:" + R + ":" + A + ":alarm:tutors-" + t + "-backend-5xx"),
                req("sns:SetTopicAttributes", "arn:aws:sns:" + R + ":" + A + ":tutors-" + t + "-alarms"),
                req("wafv2:UpdateWebACL", "arn:aws:wafv2:us-east-1:" + A + ":global/webacl/tutors-" + t + "-waf/1"),
                req(
                        "scheduler:CreateSchedule",
                        "arn:aws:scheduler:" + R + ":" + A + ":schedule/default/tutors-" + t + "-db-stop"),
                req("rds:StopDBInstance", "arn:aws:rds:" + R + ":" + A + ":db:tutors-" + t + "-postgres"),
                req("rds:ModifyDBInstance", "arn:aws:rds:" + R + ":" + A + ":db:tutors-" + t + "-postgres"),
                req(
                        "elasticache:ModifyReplicationGroup",
                        "arn:aws:elasticache:" + R + ":" + A + ":replicationgroup:tutors-" + t + "-redis"),
                req("s3:DeleteObject", "arn:aws:s3:::tutors-" + t + "-media-" + A + "/media/avatar.jpg"),
                req("s3:PutBucketPolicy", "arn:aws:s3:::tutors-" + t + "-static-" + A),
                req(
                        "secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:" + R + ":" + A + ":secret:/tutors/" + t + "/db-url-AbCdEf"),
                req("ssm:PutParameter", "arn:aws:ssm:" + R + ":" + A + ":parameter/tutors/" + t + "/image-tag"),
                req("ecr:PutImage", "arn:aws:ecr:" + R + ":" + A + ":repository/tutors-" + t + "-backend"),
                req(
                        "kms:ScheduleKeyDeletion",
                        "arn:aws:kms:" + R + ":" + A + ":key/k-1",
                        "aws:ResourceTag/Environment",
                        t),
                req("ses:DeleteEmailIdentity", "arn:aws:ses:" + R + ":" + A + ":identity/" + domain(t)),
                req(
                        "iam:PassRole",
                        "arn:aws:iam::" + A + ":role/tutors-" + t + "-backend-task",
                        "iam:PassedToService",
                        "ecs-tasks.amazonaws.com"),
                req(
                        "iam:PutRolePolicy",
                        "arn:aws:iam::" + A + ":role/tutors-" + t + "-backend-task",
                        "iam:PermissionsBoundary",
                        AccessPolicies.boundaryArn(A)),
                req(
                        "route53:ChangeResourceRecordSets",
                        "arn:aws:route53:::hostedzone/Z1",
                        StackIsolation.RECORD_NAMES,
                        domain(t)),
                req(
                        "route53:ChangeResourceRecordSets",
                        "arn:aws:route53:::hostedzone/Z1",
                        StackIsolation.RECORD_NAMES,
                        "_abc." + domain(t)));
    }

    private static String domain(String stack) {
        return BootstrapSettingsTest.parse(BootstrapSettingsTest.committed())
                .domains()
                .get(com.tutors.infra.core.Environment.valueOf(stack.toUpperCase(Locale.ROOT)));
    }

    @Test
    void neitherDeployRoleReachesTheOtherStackDirectlyYetEachWorksOnItsOwn() {
        for (var pair : List.of(List.of("staging", "prod"), List.of("prod", "staging"))) {
            var docs = AccessPoliciesTest.policiesOf("tutors-ci-" + pair.get(0) + "-deploy");
            var own = direct(pair.get(0));
            var others = direct(pair.get(1));
            for (int i = 0; i < own.size(); i++) {
                assertTrue(Policies.allows(docs, own.get(i)), pair.get(0) + " on its own stack: " + own.get(i));
                assertFalse(
                        Policies.allows(docs, others.get(i)),
                        pair.get(0) + " on " + pair.get(1) + ": " + others.get(i));
            }
        }
    }

    @Test
    void taggingCannotMoveAResourceIntoTheOtherStack() {
        var staging = AccessPoliciesTest.policiesOf("tutors-ci-staging-deploy");
        var vpc = "arn:aws:ec2:" + R + ":" + A + ":vpc/vpc-2";
        assertTrue(Policies.allows(staging, req("ec2:CreateTags", vpc, "aws:RequestTag/Environment", "staging")));
        assertFalse(Policies.allows(staging, req("ec2:CreateTags", vpc, "aws:RequestTag/Environment", "prod")));
        assertFalse(Policies.allows(staging, req("ec2:CreateVpc", "*", "aws:RequestTag/Environment", "prod")));
        var role = "arn:aws:iam::" + A + ":role/tutors-staging-worker";
        var boundary = AccessPolicies.boundaryArn(A);
        assertTrue(Policies.allows(
                staging,
                req(
                        "iam:CreateRole",
                        role,
                        "iam:PermissionsBoundary",
                        boundary,
                        "aws:RequestTag/Environment",
                        "staging")));
        assertFalse(
                Policies.allows(
                        staging,
                        req(
                                "iam:CreateRole",
                                role,
                                "iam:PermissionsBoundary",
                                boundary,
                                "aws:RequestTag/Environment",
                                "prod")),
                "a staging-named role tagged as prod would read prod under the boundary");
        assertFalse(
                Policies.allows(staging, req("iam:CreateRole", role, "iam:PermissionsBoundary", boundary)),
                "an untagged role");
        assertFalse(Policies.allows(staging, req("iam:TagRole", role, "aws:RequestTag/Environment", "prod")));
        assertTrue(Policies.allows(staging, req("iam:TagRole", role, "aws:RequestTag/Owner", "team")));
        assertFalse(Policies.allows(staging, req("iam:UntagRole", role, "aws:TagKeys", "Environment")));
        assertTrue(Policies.allows(staging, req("iam:UntagRole", role, "aws:TagKeys", "Owner")));
    }

    @Test
    void aRoleTheStagingDeployCreatesReachesOnlyStaging() {
        var ceiling = List.of(AccessPoliciesTest.boundary());
        for (var stack : List.of("staging", "prod")) {
            var other = stack.equals("prod") ? "staging" : "prod";
            var tag = new String[] {"aws:PrincipalTag/Environment", stack};
            for (var form : List.of(
                    "secretsmanager:GetSecretValue arn:aws:secretsmanager:" + R + ":" + A
                            + ":secret:/tutors/%s/db-url-AbCdEf",
                    "s3:DeleteObject arn:aws:s3:::tutors-%s-media-" + A + "/media/a.jpg",
                    "rds:StopDBInstance arn:aws:rds:" + R + ":" + A + ":db:tutors-%s-postgres",
                    "ecr:BatchGetImage arn:aws:ecr:" + R + ":" + A + ":repository/tutors-%s-backend",
                    "logs:GetLogEvents arn:aws:logs:" + R + ":" + A
                            + ":log-group:/ecs/tutors-%s-backend:log-stream:x")) {
                var parts = form.split(" ");
                assertTrue(
                        Policies.allows(ceiling, req(parts[0], parts[1].formatted(stack), tag)), stack + ": " + form);
                assertFalse(
                        Policies.allows(ceiling, req(parts[0], parts[1].formatted(other), tag)),
                        stack + " role on " + other + ": " + form);
                assertFalse(
                        Policies.allows(ceiling, req(parts[0], parts[1].formatted(stack))),
                        "a role without the stack tag: " + form);
            }
            var mail = "arn:aws:ses:" + R + ":" + A + ":identity/";
            assertTrue(Policies.allows(ceiling, req("ses:SendRawEmail", mail + domain(stack), tag)));
            assertFalse(
                    Policies.allows(ceiling, req("ses:SendRawEmail", mail + domain(other), tag)),
                    stack + " sending as " + other);
        }
    }

    @Test
    void aScheduleTheStagingDeployCreatesRunsOnlyAsAStagingRole() {
        // A schedule acts with the role passed to it: only the stack's own roles pass, and they sit under the boundary
        // above.
        var staging = AccessPoliciesTest.policiesOf("tutors-ci-staging-deploy");
        var toScheduler = new String[] {"iam:PassedToService", "scheduler.amazonaws.com"};
        assertTrue(Policies.allows(
                staging, req("iam:PassRole", "arn:aws:iam::" + A + ":role/tutors-staging-db-schedule", toScheduler)));
        assertFalse(Policies.allows(
                staging, req("iam:PassRole", "arn:aws:iam::" + A + ":role/tutors-prod-db-schedule", toScheduler)));
        assertFalse(Policies.allows(
                staging, req("iam:PassRole", "arn:aws:iam::" + A + ":role/tutors-ci-prod-deploy", toScheduler)));
        assertFalse(Policies.allows(
                staging,
                req(
                        "scheduler:UpdateSchedule",
                        "arn:aws:scheduler:" + R + ":" + A + ":schedule/default/tutors-prod-db-start")));
        // Nor an alarm through CloudWatch's own role: stopping or terminating any instance is refused (the NAT alarms
        // reboot).
        var alarm = "arn:aws:cloudwatch:" + R + ":" + A + ":alarm:tutors-staging-x";
        assertFalse(Policies.allows(
                staging,
                req(
                        "cloudwatch:PutMetricAlarm",
                        alarm,
                        "cloudwatch:AlarmActions",
                        "arn:aws:automate:" + R + ":ec2:terminate")));
        assertTrue(Policies.allows(
                staging,
                req(
                        "cloudwatch:PutMetricAlarm",
                        alarm,
                        "cloudwatch:AlarmActions",
                        "arn:aws:automate:" + R + ":ec2:reboot")));
    }

    @Test
    void prodStillPromotesStagingsImagesAndTheZoneStays() {
        var prod = AccessPoliciesTest.policiesOf("tutors-ci-prod-deploy");
        var repo = "arn:aws:ecr:" + R + ":" + A + ":repository/tutors-staging-backend";
        for (var read : StackIsolation.PROMOTION_READS) {
            assertTrue(Policies.allows(prod, req(read, repo)), read);
        }
        assertFalse(Policies.allows(prod, req("ecr:DeleteRepository", repo)));
        for (var role : List.of("staging", "prod")) {
            var docs = AccessPoliciesTest.policiesOf("tutors-ci-" + role + "-deploy");
            assertFalse(
                    Policies.allows(docs, req("route53:DisableHostedZoneDNSSEC", "arn:aws:route53:::hostedzone/Z1")),
                    role);
            // Its private namespace's names are its own; the other stack's are not.
            var other = role.equals("prod") ? "staging" : "prod";
            assertTrue(
                    Policies.allows(
                            docs,
                            req(
                                    "route53:ChangeResourceRecordSets",
                                    "arn:aws:route53:::hostedzone/Z2",
                                    StackIsolation.RECORD_NAMES,
                                    "backend.tutors-" + role + ".internal")),
                    role);
            assertFalse(
                    Policies.allows(
                            docs,
                            req(
                                    "route53:ChangeResourceRecordSets",
                                    "arn:aws:route53:::hostedzone/Z2",
                                    StackIsolation.RECORD_NAMES,
                                    "backend.tutors-" + other + ".internal")),
                    role);
            assertTrue(Policies.allows(docs, req("route53:GetChange", "arn:aws:route53:::change/C1")), role);
            assertFalse(
                    Policies.allows(docs, req("ses:DeleteIdentity", "*", "ses:ApiVersion", "1")),
                    role + ": SES v1 has no resources");
            // A change touching records of both stacks is refused whole.
            assertFalse(
                    Policies.allows(
                            docs,
                            req(
                                    "route53:ChangeResourceRecordSets",
                                    "arn:aws:route53:::hostedzone/Z1",
                                    StackIsolation.RECORD_NAMES,
                                    domain("prod") + "," + domain("staging"))),
                    role);
        }
    }

    @Test
    void everyRecordEachStackPlansIsOneItsRoleMayChange() {
        for (var stack : List.of("prod", "staging")) {
            var docs = AccessPoliciesTest.policiesOf("tutors-ci-" + stack + "-deploy");
            var records = StackRuns.ofType(StackRuns.committed(stack), com.pulumi.aws.route53.Record.class);
            assertTrue(records.size() >= 8, stack + ": " + records.size());
            for (var record : records) {
                // Route 53 normalizes the names it conditions on: lowercase, no final dot.
                var name =
                        ((String) record.input("name")).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
                assertTrue(
                        Policies.allows(
                                docs,
                                req(
                                        "route53:ChangeResourceRecordSets",
                                        "arn:aws:route53:::hostedzone/Z1",
                                        StackIsolation.RECORD_NAMES,
                                        name)),
                        stack + " may not change its own record " + name);
            }
        }
    }

    @Test
    void theBootstrapsDomainsAreTheStacksDomains() {
        var settings = BootstrapSettingsTest.parse(BootstrapSettingsTest.committed());
        settings.domains()
                .forEach((stack, domain) -> assertEquals(
                        StackFile.read(Path.of("."), stack.id()).values().get("tutors:domain"),
                        domain,
                        "tutors-bootstrap:" + stack.id() + "Domain against Pulumi." + stack.id() + ".yaml"));
    }
}
