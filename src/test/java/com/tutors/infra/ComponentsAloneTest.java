package com.tutors.infra;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.core.Output;
import com.tutors.infra.compute.AppServices;
import com.tutors.infra.compute.Compute;
import com.tutors.infra.compute.ComputeArgs;
import com.tutors.infra.compute.ComputeSettings;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Route;
import com.tutors.infra.core.SecretValue;
import com.tutors.infra.data.DataLayer;
import com.tutors.infra.data.DataOutputs.AppSecret;
import com.tutors.infra.data.DataSettings;
import com.tutors.infra.edge.Edge;
import com.tutors.infra.edge.EdgeArgs;
import com.tutors.infra.edge.EdgeSettings;
import com.tutors.infra.optimization.Optimization;
import com.tutors.infra.optimization.OptimizationArgs;
import com.tutors.infra.optimization.OptimizationSettings;
import com.tutors.infra.storage.Storage;
import com.tutors.infra.storage.StorageSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Phases 2-6 each built alone from their args, with earlier phases' outputs as stubs ({@link Stubs}):
 * a component needs nothing but its args, and wires exactly those values into its resources.
 */
class ComponentsAloneTest {

    private static final Naming NAMES = new Naming(Environment.STAGING);

    @Test
    void dataLayerUsesTheGivenSubnetsAndGroups() {
        var settings = new DataSettings(
                "db.t4g.micro",
                false,
                20,
                0,
                1,
                new SecretValue("p".repeat(16)),
                "cache.t4g.micro",
                1,
                0,
                new SecretValue("t".repeat(16)),
                new SecretValue("d".repeat(50)),
                new SecretValue("n".repeat(32)),
                false,
                true,
                "valkey",
                Optional.empty(),
                "ROTATE",
                Optional.empty());
        var result = StackRuns.succeeded(
                Stubs.alone(o -> new DataLayer("data", new DataLayer.Args(NAMES, settings, Stubs.network(), 14), o)));
        var db = named(result, com.pulumi.aws.rds.Instance.class, "tutors-staging-postgres");
        assertEquals(List.of("sg-stub-rds"), db.input("vpcSecurityGroupIds"));
        assertEquals(
                List.of("subnet-priv-a", "subnet-priv-b"),
                named(result, com.pulumi.aws.rds.SubnetGroup.class, "tutors-staging-db")
                        .input("subnetIds"));
        var redis = named(result, ReplicationGroup.class, "tutors-staging-redis");
        assertEquals(List.of("sg-stub-redis"), redis.input("securityGroupIds"));
        assertEquals(2.0, redis.input("numCacheClusters"));
        assertEquals(
                List.of("valkey", "8.0", "default.valkey8"),
                List.of(redis.input("engine"), redis.input("engineVersion"), redis.input("parameterGroupName")));
        assertEquals(
                5, ofType(result, com.pulumi.aws.secretsmanager.Secret.class).size());
    }

    @Test
    void storageNeedsOnlyItsSettings() {
        var settings = new StorageSettings(Optional.of("x1"), List.of(), 7, true, false);
        var result = StackRuns.succeeded(Stubs.alone(o -> {
            var storage = new Storage("storage", new Storage.Args(NAMES, settings, true, Output.of("111122223333")), o);
            storage.declareBucketPolicies(Optional.empty());
            return storage;
        }));
        assertEquals(
                List.of("tutors-staging-media-x1", "tutors-staging-s3-logs-x1", "tutors-staging-static-x1"),
                ofType(result, BucketV2.class).stream()
                        .map(b -> (String) b.input("bucket"))
                        .sorted()
                        .toList());
        assertTrue(ofType(result, Repository.class).stream()
                .allMatch(r -> "IMMUTABLE".equals(r.input("imageTagMutability"))));
    }

    @Test
    void computeWiresTheStubbedSecretsBucketsAndNetwork() {
        var service = new ComputeSettings.Service(512, 1024, 1, 1, 2);
        var settings = new ComputeSettings(
                Optional.empty(),
                Optional.of("rel456"),
                service,
                service,
                "ARM64",
                0,
                14,
                false,
                0,
                4,
                false,
                Optional.empty(),
                Optional.empty(),
                true,
                600,
                Map.of(),
                Map.of());
        var result = StackRuns.succeeded(Stubs.alone(o -> new Compute(
                "compute",
                ComputeArgs.builder()
                        .names(NAMES)
                        .region(Stubs.REGION)
                        .accountId(Output.of("111122223333"))
                        .settings(settings)
                        .services(AppServices.describe(settings, 75, false))
                        .imageTag(Output.of("abc123"))
                        .keepAliveSeconds(75)
                        .network(Stubs.network())
                        .data(Stubs.data())
                        .storage(Stubs.storage())
                        .site(new ComputeArgs.Site(
                                Output.of("example.org"), Output.of("https://example.org"), Optional.empty(), false))
                        .build(),
                o)));
        var backend = Containers.container(named(result, TaskDefinition.class, "tutors-staging-backend"));
        assertEquals("111122223333.dkr.ecr.eu-west-1.amazonaws.com/be:abc123", backend.get("image"));
        assertEquals(
                "111122223333.dkr.ecr.eu-west-1.amazonaws.com/be:rel456",
                Containers.container(named(result, TaskDefinition.class, "tutors-staging-backend-migrate"))
                        .get("image"),
                "the release task runs the release tag");
        assertEquals(
                Stubs.secretArn(AppSecret.DB_URL) + ":::" + Stubs.secretVersion(AppSecret.DB_URL),
                Containers.pairs(backend, "secrets", "valueFrom").get("DATABASE_URL"),
                "the secret's version, so a new value rolls the service");
        assertEquals(
                "media-stub", Containers.pairs(backend, "environment", "value").get("AWS_STORAGE_BUCKET_NAME"));
        var s3 = (String) named(result, RolePolicy.class, "tutors-staging-backend-task-s3")
                .input("policy");
        assertTrue(s3.contains("arn:aws:s3:::media-stub/*") && s3.contains("arn:aws:s3:::static-stub/*"), s3);
    }

    @Test
    void edgeUsesThePublicSubnetsAndTheAlbGroup() {
        var settings = new EdgeSettings(
                Optional.empty(), Optional.empty(), false, 30, Optional.empty(), false, Optional.empty());
        var result = StackRuns.succeeded(Stubs.alone(o -> {
            var edge = new Edge(
                    "edge",
                    EdgeArgs.builder()
                            .names(NAMES)
                            .settings(settings)
                            .upstreams(List.of(
                                    new EdgeArgs.Upstream(
                                            "backend",
                                            8000,
                                            "/api/health/",
                                            List.of(new Route(10, List.of("/api/*"))),
                                            false),
                                    new EdgeArgs.Upstream("frontend", 3000, "/healthz", List.of(), true)))
                            .region(Stubs.REGION)
                            .accountId(Output.of("111122223333"))
                            .network(Stubs.network())
                            .staticBucketDomain(Output.of("static-stub.s3.eu-west-1.amazonaws.com"))
                            .serverAccessLogBucket(Output.of("s3-logs-stub"))
                            .build(),
                    o);
            edge.declareSiteRecords(Optional.empty());
            return edge;
        }));
        var alb = named(result, LoadBalancer.class, "tutors-staging-alb");
        assertEquals(List.of("subnet-pub-a", "subnet-pub-b"), alb.input("subnets"));
        assertEquals(List.of("sg-stub-alb"), alb.input("securityGroups"));
        assertEquals("dualstack", alb.input("ipAddressType"));
        assertEquals(30.0, alb.input("idleTimeout"));
    }

    @Test
    void optimizationWatchesTheStubbedResourcesAndFrontsTheStubbedOrigins() {
        var settings = new OptimizationSettings(
                true,
                true,
                true,
                true,
                true,
                Optional.empty(),
                500,
                List.of(),
                Optional.of(new SecretValue("o".repeat(32))),
                Optional.empty(),
                List.of("/api/uploads/"));
        var result = StackRuns.succeeded(Stubs.alone(o -> {
            var usEast1 = new com.pulumi.aws.Provider(
                    "us-east-1",
                    com.pulumi.aws.ProviderArgs.builder().region("us-east-1").build());
            return new Optimization(
                    "optimization",
                    OptimizationArgs.builder()
                            .names(NAMES)
                            .region(Stubs.REGION)
                            .settings(settings)
                            .accountId(Output.of("111122223333"))
                            .logRetentionDays(7)
                            .ipv6(true)
                            .usEast1(Optional.of(usEast1))
                            .originSecret(Output.of("o".repeat(32)))
                            .network(Stubs.network())
                            .data(Stubs.data())
                            .storage(Stubs.storage())
                            .compute(Stubs.compute())
                            .edge(Stubs.edge("example.org"))
                            .build(),
                    o);
        }));
        var cdn = named(result, Distribution.class, "tutors-staging-cdn");
        assertEquals(List.of("example.org"), cdn.input("aliases"));
        var origins = ((List<?>) cdn.input("origins"))
                .stream().map(m -> ((Map<?, ?>) m).get("domainName")).toList();
        assertTrue(
                origins.containsAll(List.of(
                        "origin.example.org",
                        "static-stub.s3.eu-west-1.amazonaws.com",
                        "media-stub.s3.eu-west-1.amazonaws.com")),
                origins::toString);
        assertEquals(
                "CLOUDFRONT", named(result, WebAcl.class, "tutors-staging-waf").input("scope"));
        assertEquals(
                List.of("203.0.113.10/32", "203.0.113.11/32"),
                named(result, com.pulumi.aws.wafv2.IpSet.class, "tutors-staging-waf-egress")
                        .input("addresses"),
                "the stubbed NAT addresses are exempt from the rate limit");
        var nodes = ofType(result, MetricAlarm.class).stream()
                .map(a -> ((Map<?, ?>) AlarmInputs.of(a, "dimensions")).get("CacheClusterId"))
                .filter(v -> v != null)
                .distinct()
                .sorted()
                .toList();
        assertEquals(
                List.of("redis-stub-a01", "redis-stub-b02"),
                nodes,
                "one pair of alarms per member cluster the group reports");
        var services = ofType(result, MetricAlarm.class).stream()
                .map(a -> ((Map<?, ?>) AlarmInputs.of(a, "dimensions")).get("ServiceName"))
                .filter(v -> v != null)
                .distinct()
                .sorted()
                .toList();
        assertEquals(List.of("backend-stub", "frontend-stub"), services);
    }

    @Test
    void aComponentsArgumentsNameWhatIsMissing() {
        // Built by name: a forgotten input is named at once, before anything is declared.
        var e = Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> EdgeArgs.builder().names(NAMES).region(Stubs.REGION).build());
        assertEquals(
                "EdgeArgs without settings, upstreams, accountId, network, staticBucketDomain, serverAccessLogBucket",
                e.getMessage());
        var c = Assertions.assertThrows(
                IllegalArgumentException.class, () -> ComputeArgs.builder().build());
        assertTrue(c.getMessage().startsWith("ComputeArgs without names, region, accountId"), c.getMessage());
    }
}
