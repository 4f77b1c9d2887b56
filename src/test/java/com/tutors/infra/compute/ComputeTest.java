package com.tutors.infra.compute;

import static com.tutors.infra.Containers.container;
import static com.tutors.infra.Containers.pairs;
import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.TargetGroup;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase 4 as both committed stacks declare it. */
class ComputeTest {

    private static OfflineRun.Result run(String stack) {
        return StackRuns.succeeded(StackRuns.committed(stack));
    }

    /** ARN:::version id of each secret, from the Secret and SecretVersion resources themselves. */
    private static Map<String, String> secretReferences(OfflineRun.Result result) {
        var arns = secretArns(result);
        var refs = new java.util.HashMap<String, String>();
        for (var version : ofType(result, com.pulumi.aws.secretsmanager.SecretVersion.class)) {
            var part = version.name().substring(version.name().indexOf("-secret-") + "-secret-".length());
            var id = StackRuns.value(((com.pulumi.aws.secretsmanager.SecretVersion) version.resource()).versionId());
            assertTrue(id != null && !id.isEmpty(), "a version id");
            refs.put(part, arns.get(part) + ":::" + id);
        }
        return refs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> secretArns(OfflineRun.Result result) {
        return (Map<String, String>) result.outputs().get("secretArns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void clusterHasInsightsAndBothFargateProviders(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var cluster = named(result, Cluster.class, env + "cluster");
        assertEquals(env + "cluster", cluster.input("name"));
        // Staging turns Container Insights off (its file): $9 a month for per-task metrics nobody watches there.
        assertEquals(
                List.of(Map.of("name", "containerInsights", "value", stack.equals("prod") ? "enabled" : "disabled")),
                cluster.input("settings"));
        var capacity = named(result, ClusterCapacityProviders.class, env + "cluster");
        assertEquals(List.of("FARGATE", "FARGATE_SPOT"), capacity.input("capacityProviders"));
        var expected = stack.equals("prod")
                ? List.of(Map.of("capacityProvider", "FARGATE", "base", 1.0, "weight", 1.0))
                : List.of(Map.of("capacityProvider", "FARGATE_SPOT", "base", 0.0, "weight", 1.0));
        assertEquals(expected, capacity.input("defaultCapacityProviderStrategies"));
        assertEquals(env + "cluster", result.outputs().get("ecsClusterName"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void backendRunsGunicornWithItsSecretsByArnAndLogs(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var domain = StackRuns.fileValue(stack, "tutors:domain");
        var task = named(result, TaskDefinition.class, env + "backend");
        assertEquals(env + "backend", task.input("family"));
        assertEquals(List.of("FARGATE"), task.input("requiresCompatibilities"));
        assertEquals("awsvpc", task.input("networkMode"));
        assertEquals("256", task.input("cpu"));
        assertEquals("512", task.input("memory"));
        // Both run on Graviton: staging on Fargate Spot, which runs ARM64 since platform 1.4.0, so it runs prod's image
        // variant
        assertEquals(
                Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "ARM64"), task.input("runtimePlatform"));
        assertEquals("arn:aws:iam::123456789012:role/" + env + "ecs-execution", task.input("executionRoleArn"));
        assertEquals("arn:aws:iam::123456789012:role/" + env + "backend-task", task.input("taskRoleArn"));

        var c = container(task);
        assertEquals("backend", c.get("name"));
        assertEquals(result.outputs().get("backendEcrUrl") + ":latest", c.get("image"));
        assertEquals(true, c.get("essential"));
        var idle = ((Number) named(result, LoadBalancer.class, env + "alb").input("idleTimeout")).intValue();
        var command = (List<?>) c.get("command");
        assertEquals(List.of("gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"), command.subList(0, 4));
        assertEquals(
                "gthread", command.get(command.indexOf("--worker-class") + 1), "the sync worker ignores keep-alive");
        assertEquals("2", command.get(command.indexOf("--workers") + 1), "0.25 vCPU / 512 MiB: two workers");
        assertEquals("4", command.get(command.indexOf("--threads") + 1));
        int keepAlive = Integer.parseInt((String) command.get(command.indexOf("--keep-alive") + 1));
        assertTrue(
                keepAlive > idle, "gunicorn keep-alive " + keepAlive + " must outlast the ALB's idle timeout " + idle);
        assertEquals(
                List.of(Map.of("containerPort", 8000.0, "protocol", "tcp", "name", "backend-http")),
                c.get("portMappings"));
        // prod serves files through CloudFront on its domain; staging (no CDN) from the public static bucket,
        // and media with presigned URLs.
        boolean cdn = stack.equals("prod");
        var expected = new java.util.HashMap<String, String>(Map.of(
                "DJANGO_SETTINGS_MODULE",
                "config.settings.production",
                "ALLOWED_HOSTS",
                domain,
                "CSRF_TRUSTED_ORIGINS",
                "https://" + domain,
                "AWS_STORAGE_BUCKET_NAME",
                StackRuns.bucket(stack, "media"),
                "AWS_STATIC_BUCKET_NAME",
                StackRuns.bucket(stack, "static"),
                "AWS_S3_REGION_NAME",
                "eu-central-1",
                "AWS_STATIC_LOCATION",
                "static",
                "AWS_MEDIA_LOCATION",
                "media"));
        expected.put(
                "AWS_STATIC_CUSTOM_DOMAIN",
                cdn ? domain : StackRuns.bucket(stack, "static") + ".s3.eu-central-1.amazonaws.com");
        expected.put("AWS_MEDIA_CUSTOM_DOMAIN", cdn ? domain : "");
        expected.put("AWS_MEDIA_QUERYSTRING_AUTH", cdn ? "false" : "true");
        // The domain sends mail through SES's API (django-ses), as its identity and configuration set.
        expected.put("EMAIL_BACKEND", "django_ses.SESBackend");
        expected.put("AWS_SES_REGION_NAME", "eu-central-1");
        expected.put("AWS_SES_CONFIGURATION_SET", "tutors-" + stack + "-mail");
        expected.put("DEFAULT_FROM_EMAIL", "no-reply@" + domain);
        expected.put("INTERNAL_API_HOST", "backend.tutors-" + stack + ".internal");
        assertEquals(expected, pairs(c, "environment", "value"));
        var check = (Map<?, ?>) c.get("healthCheck");
        assertEquals(
                List.of(
                        "CMD",
                        "python",
                        "-c",
                        "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health/', timeout=4)"),
                check.get("command"));
        assertEquals(60.0, check.get("startPeriod"));
        var refs = secretReferences(result);
        assertEquals(
                Map.of(
                        "DATABASE_URL",
                        refs.get("db-url"),
                        "REDIS_URL",
                        refs.get("redis-url"),
                        "DJANGO_SECRET_KEY",
                        refs.get("django-secret-key")),
                pairs(c, "secrets", "valueFrom"));
        assertEquals(
                Map.of(
                        "logDriver",
                        "awslogs",
                        "options",
                        Map.of(
                                "awslogs-group",
                                "/ecs/" + env + "backend",
                                "awslogs-region",
                                "eu-central-1",
                                "awslogs-stream-prefix",
                                "backend")),
                c.get("logConfiguration"));
        var json = (String) task.input("containerDefinitions");
        StackRuns.FAKE_SECRETS
                .values()
                .forEach(secret -> assertFalse(json.contains(secret), "a secret value in plain environment"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void frontendRunsNextWithItsPublicUrls(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var domain = StackRuns.fileValue(stack, "tutors:domain");
        var task = named(result, TaskDefinition.class, env + "frontend");
        assertEquals("arn:aws:iam::123456789012:role/" + env + "frontend-task", task.input("taskRoleArn"));
        var c = container(task);
        // Node's 5-second keep-alive would close connections the ALB (60 s idle) still reuses: 502s.
        int idle = Integer.parseInt(
                StackRuns.fileValue(stack, "tutors:albIdleTimeout") == null
                        ? "60"
                        : StackRuns.fileValue(stack, "tutors:albIdleTimeout"));
        assertEquals(List.of("npm", "start", "--", "--keepAliveTimeout", "75000"), c.get("command"));
        assertTrue(
                Integer.parseInt((String) ((List<?>) c.get("command")).get(4)) > idle * 1000,
                "the frontend keeps connections longer than the ALB");
        assertEquals(result.outputs().get("frontendEcrUrl") + ":latest", c.get("image"));
        assertEquals(
                List.of(Map.of("containerPort", 3000.0, "protocol", "tcp", "name", "frontend-http")),
                c.get("portMappings"));
        assertEquals(
                Map.of(
                        "API_URL",
                        "https://" + domain + "/api",
                        "NEXTAUTH_URL",
                        "https://" + domain,
                        "HOSTNAME",
                        "0.0.0.0",
                        "PORT",
                        "3000",
                        "KEEP_ALIVE_TIMEOUT",
                        "75000",
                        // Server-side calls stay in the VPC: the backend's private name, which its own tasks register.
                        "API_INTERNAL_URL",
                        "http://backend.tutors-" + stack + ".internal:8000/api"),
                pairs(c, "environment", "value"));
        assertEquals(
                Map.of("NEXTAUTH_SECRET", secretReferences(result).get("nextauth-secret")),
                pairs(c, "secrets", "valueFrom"));
        assertEquals(
                "/ecs/" + env + "frontend",
                ((Map<?, ?>) ((Map<?, ?>) c.get("logConfiguration")).get("options")).get("awslogs-group"));
        assertEquals(stack.equals("staging"), c.containsKey("linuxParameters"), "init process only with ECS Exec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void migrationTaskIsTheBackendRunningMigrate(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var backend = container(named(result, TaskDefinition.class, env + "backend"));
        var migrate = named(result, TaskDefinition.class, env + "backend-migrate");
        var c = container(migrate);
        assertEquals(List.of("python", "manage.py", "migrate", "--noinput"), c.get("command"));
        assertEquals(backend.get("image"), c.get("image"));
        assertEquals(backend.get("secrets"), c.get("secrets"));
        assertEquals(backend.get("environment"), c.get("environment"));
        assertNull(c.get("portMappings"));
        assertEquals(
                named(result, TaskDefinition.class, env + "backend").input("taskRoleArn"),
                migrate.input("taskRoleArn"));
        assertTrue(
                ofType(result, com.pulumi.aws.ecs.Service.class).stream()
                        .noneMatch(s -> s.name().contains("migrate")),
                "no service runs it");
        var subnets = (List<?>) result.outputs().get("privateSubnetIds");
        var sg = ((Map<?, ?>) result.outputs().get("securityGroupIds")).get("ecs");
        assertEquals(
                "aws ecs run-task --region eu-central-1 --cluster " + env + "cluster --task-definition " + env
                        + "backend-migrate --launch-type FARGATE --count 1 --network-configuration 'awsvpcConfiguration={subnets=["
                        + subnets.get(0) + "," + subnets.get(1) + "],securityGroups=[" + sg
                        + "],assignPublicIp=DISABLED}'",
                result.outputs().get("migrateCommand"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void servicesRollWithoutLosingCapacityBehindTheAlb(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        for (var part : List.of("backend", "frontend")) {
            var service = named(result, com.pulumi.aws.ecs.Service.class, env + part);
            assertEquals(env + part, service.input("name"));
            assertEquals(
                    Double.valueOf(StackRuns.fileValue(stack, "tutors:" + part + "DesiredCount")),
                    service.input("desiredCount"));
            assertEquals("arn:aws:ecs:eu-central-1:123456789012:cluster/" + env + "cluster", service.input("cluster"));
            assertEquals(
                    "arn:aws:ecs:eu-central-1:123456789012:task-definition/" + env + part + ":1",
                    service.input("taskDefinition"));
            assertEquals(
                    Map.of(
                            "subnets",
                            result.outputs().get("privateSubnetIds"),
                            "securityGroups",
                            List.of(((Map<?, ?>) result.outputs().get("securityGroupIds")).get("ecs")),
                            "assignPublicIp",
                            false),
                    service.input("networkConfiguration"));
            assertEquals(100.0, service.input("deploymentMinimumHealthyPercent"));
            assertEquals(200.0, service.input("deploymentMaximumPercent"));
            assertEquals(Map.of("enable", true, "rollback", true), service.input("deploymentCircuitBreaker"));
            assertEquals(stack.equals("staging"), service.input("enableExecuteCommand"));
            assertEquals(60.0, service.input("healthCheckGracePeriodSeconds"));
            var tg = named(result, TargetGroup.class, env + part);
            assertEquals(
                    List.of(Map.of(
                            "targetGroupArn",
                            idOf(tg),
                            "containerName",
                            part,
                            "containerPort",
                            part.equals("backend") ? 8000.0 : 3000.0)),
                    service.input("loadBalancers"));
            assertTrue(service.ignoreChanges().contains("desiredCount"), "autoscaling owns the count");
            var capacity = named(result, ClusterCapacityProviders.class, env + "cluster");
            assertTrue(service.dependencies().contains(capacity.urn()));
            for (var listener : ofType(result, ListenerRule.class)) {
                assertTrue(service.dependencies().contains(listener.urn()), "waits for " + listener.name());
            }
            var serving = named(result, Listener.class, env + "https");
            assertTrue(service.dependencies().contains(serving.urn()));
            assertEquals(env + part, result.outputs().get(part + "ServiceName"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void eachServiceScalesOnCpuWithinItsBounds(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        for (var part : List.of("backend", "frontend")) {
            var target = named(result, com.pulumi.aws.appautoscaling.Target.class, env + part);
            assertEquals("service/" + env + "cluster/" + env + part, target.input("resourceId"));
            assertEquals("ecs:service:DesiredCount", target.input("scalableDimension"));
            assertEquals(
                    Double.valueOf(StackRuns.fileValue(stack, "tutors:" + part + "MinCount")),
                    target.input("minCapacity"));
            assertEquals(
                    Double.valueOf(StackRuns.fileValue(stack, "tutors:" + part + "MaxCount")),
                    target.input("maxCapacity"));
            var policy = named(result, com.pulumi.aws.appautoscaling.Policy.class, env + part + "-cpu");
            assertEquals("TargetTrackingScaling", policy.input("policyType"));
            assertEquals(target.input("resourceId"), policy.input("resourceId"));
            assertEquals(
                    Map.of(
                            "targetValue",
                            70.0,
                            "predefinedMetricSpecification",
                            Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"),
                            "scaleOutCooldown",
                            60.0,
                            "scaleInCooldown",
                            300.0),
                    policy.input("targetTrackingScalingPolicyConfiguration"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    @SuppressWarnings("unchecked")
    void iamIsLeastPrivilege(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var gson = new Gson();
        for (var role : List.of("ecs-execution", "backend-task", "frontend-task")) {
            var trust =
                    gson.fromJson((String) named(result, Role.class, env + role).input("assumeRolePolicy"), Map.class);
            var statement = ((List<Map<String, Object>>) trust.get("Statement")).get(0);
            assertEquals(Map.of("Service", "ecs-tasks.amazonaws.com"), statement.get("Principal"));
            assertEquals(List.of("sts:AssumeRole"), statement.get("Action"));
            assertEquals(
                    Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), statement.get("Condition"));
        }
        assertEquals(
                "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                named(result, RolePolicyAttachment.class, env + "ecs-execution").input("policyArn"));
        var arns = secretArns(result);
        var secrets = statements(named(result, RolePolicy.class, env + "ecs-execution-secrets"));
        assertEquals(1, secrets.size());
        assertEquals(List.of("secretsmanager:GetSecretValue"), secrets.get(0).get("Action"));
        assertEquals(
                Set.of(
                        arns.get("db-url"),
                        arns.get("redis-url"),
                        arns.get("django-secret-key"),
                        arns.get("nextauth-secret")),
                Set.copyOf((List<String>) secrets.get(0).get("Resource")),
                "exactly the secrets the containers use");

        var s3 = statements(named(result, RolePolicy.class, env + "backend-task-s3"));
        assertEquals(
                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                s3.get(0).get("Action"));
        assertEquals(
                List.of(
                        "arn:aws:s3:::" + StackRuns.bucket(stack, "media") + "/*",
                        "arn:aws:s3:::" + StackRuns.bucket(stack, "static") + "/*"),
                s3.get(0).get("Resource"));
        assertEquals(List.of("s3:ListBucket"), s3.get(1).get("Action"));
        assertEquals(
                List.of(
                        "arn:aws:s3:::" + StackRuns.bucket(stack, "media"),
                        "arn:aws:s3:::" + StackRuns.bucket(stack, "static")),
                s3.get(1).get("Resource"));

        var byRole = new HashMap<Object, List<PlannedResource>>();
        ofType(result, RolePolicy.class)
                .forEach(p -> byRole.computeIfAbsent(p.input("role"), k -> new java.util.ArrayList<>())
                        .add(p));
        var frontendPolicies = byRole.getOrDefault(env + "frontend-task", List.of());
        // staging has ECS Exec (PositiveChecksTest checks it is granted), prod does not
        assertEquals(
                Map.of("prod", 0, "staging", 1).get(stack),
                frontendPolicies.size(),
                "the frontend gets nothing but ECS Exec");
        var wildcard = com.tutors.infra.PositiveChecksTest.ECS_EXEC;
        for (var policy : ofType(result, RolePolicy.class)) {
            for (var st : statements(policy)) {
                var resources = (List<String>) st.get("Resource");
                if (resources.contains("*")) {
                    assertEquals(wildcard, st.get("Action"), "only ssmmessages may use Resource *");
                    assertEquals("staging", stack, "and only where ECS Exec is on");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void logGroupsKeepLogsForTheStacksRetention(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        for (var part : List.of("backend", "frontend")) {
            var group = named(result, LogGroup.class, env + part + "-logs");
            assertEquals("/ecs/" + env + part, group.input("name"));
            assertEquals(
                    Double.valueOf(StackRuns.fileValue(stack, "tutors:logRetentionDays")),
                    group.input("retentionInDays"));
        }
    }

    @Test
    void phaseFourAloneRegistersTheTasksAndTheMigrationButNoServiceAndPhaseFiveCreatesThem() {
        var four = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:lastPhase", "4")));
        var five = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:lastPhase", "5")));
        assertTrue(
                ofType(four, com.pulumi.aws.ecs.Service.class).isEmpty(), "no service before its target group exists");
        assertTrue(ofType(four, com.pulumi.aws.appautoscaling.Target.class).isEmpty());
        assertEquals(3, ofType(four, TaskDefinition.class).size(), "backend, frontend and migrate are registered");
        assertTrue(four.outputs().containsKey("migrateCommand"), "migrations can run before the site is served");
        assertFalse(four.outputs().containsKey("backendServiceName"));
        for (var part : List.of("backend", "frontend")) {
            var behind = named(five, com.pulumi.aws.ecs.Service.class, "tutors-prod-" + part);
            assertEquals(1, ((List<?>) behind.input("loadBalancers")).size());
            assertEquals(60.0, behind.input("healthCheckGracePeriodSeconds"), "created with both: one CreateService");
        }
        assertTrue(ofType(four, LoadBalancer.class).isEmpty());
        var env = pairs(container(named(four, TaskDefinition.class, "tutors-prod-backend")), "environment", "value");
        assertEquals("tutors.example.com", env.get("ALLOWED_HOSTS"), "the configured domain, before the ALB exists");
    }

    @Test
    void armTasksUseTheGravitonPlatform() {
        var result = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:cpuArchitecture", "ARM64")));
        assertEquals(
                "ARM64",
                named(result, TaskDefinition.class, "tutors-prod-backend").input("runtimePlatform.cpuArchitecture"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(PlannedResource policy) {
        return (List<Map<String, Object>>)
                new Gson().fromJson((String) policy.input("policy"), Map.class).get("Statement");
    }

    @Test
    void withoutADomainTheAppIsServedOnTheLoadBalancersNameAndFilesFromTheBuckets() {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put("tutors:domain", null);
        overrides.put("tutors:hostedZone", null);
        var result = StackRuns.succeeded(StackRuns.with("staging", overrides));
        var albDns = StackRuns.value(((LoadBalancer)
                        named(result, LoadBalancer.class, "tutors-staging-alb").resource())
                .dnsName());
        var backend =
                pairs(container(named(result, TaskDefinition.class, "tutors-staging-backend")), "environment", "value");
        assertEquals(albDns, backend.get("ALLOWED_HOSTS"));
        assertEquals("http://" + albDns, backend.get("CSRF_TRUSTED_ORIGINS"));
        assertEquals(
                StackRuns.bucket("staging", "static") + ".s3.eu-central-1.amazonaws.com",
                backend.get("AWS_STATIC_CUSTOM_DOMAIN"));
        assertEquals("true", backend.get("AWS_MEDIA_QUERYSTRING_AUTH"), "media stays private: presigned links");
        var frontend = pairs(
                container(named(result, TaskDefinition.class, "tutors-staging-frontend")), "environment", "value");
        assertEquals("http://" + albDns, frontend.get("NEXTAUTH_URL"));
        assertEquals("http://" + albDns + "/api", frontend.get("API_URL"));
    }
}
