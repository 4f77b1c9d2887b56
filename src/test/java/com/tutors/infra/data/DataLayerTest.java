package com.tutors.infra.data;

import static com.tutors.infra.StackRuns.FAKE_SECRETS;
import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.PlanFormats;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase 2 as both committed stacks declare it. */
class DataLayerTest {

    private static OfflineRun.Result run(String stack) {
        return StackRuns.succeeded(StackRuns.committed(stack));
    }

    private static Object secretValue(Object input) {
        return assertInstanceOf(PlannedResource.Secret.class, input, "must be marked secret")
                .value();
    }

    private static String rdsHost(OfflineRun.Result result, String env) {
        return StackRuns.value(
                ((com.pulumi.aws.rds.Instance) named(result, com.pulumi.aws.rds.Instance.class, env + "postgres")
                                .resource())
                        .address());
    }

    private static String redisHost(OfflineRun.Result result, String env) {
        return StackRuns.value(((com.pulumi.aws.elasticache.ReplicationGroup)
                        named(result, ReplicationGroup.class, env + "redis").resource())
                .primaryEndpointAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void postgresIsPrivateEncryptedBackedUpAndForcesTls(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var db = named(result, com.pulumi.aws.rds.Instance.class, env + "postgres");
        assertEquals(env + "postgres", db.input("identifier"));
        assertEquals("postgres", db.input("engine"));
        assertEquals("15", db.input("engineVersion"));
        assertEquals(StackRuns.fileValue(stack, "tutors:dbInstanceClass"), db.input("instanceClass"));
        assertEquals(Boolean.valueOf(StackRuns.fileValue(stack, "tutors:dbMultiAz")), db.input("multiAz"));
        assertEquals(20.0, db.input("allocatedStorage"));
        assertEquals(
                Double.valueOf(StackRuns.fileValue(stack, "tutors:dbMaxAllocatedStorage")),
                db.input("maxAllocatedStorage"));
        assertEquals("gp3", db.input("storageType"));
        assertEquals(true, db.input("storageEncrypted"));
        assertEquals(false, db.input("publiclyAccessible"));
        assertEquals(7.0, db.input("backupRetentionPeriod"));
        // Staging's database is stopped at night (office hours): its windows lie inside the hours, in UTC.
        assertEquals(stack.equals("prod") ? "02:00-02:30" : "16:20-16:50", db.input("backupWindow"));
        assertEquals(
                stack.equals("prod") ? "sun:03:00-sun:03:30" : "mon:17:00-mon:17:30", db.input("maintenanceWindow"));
        assertEquals(true, db.input("copyTagsToSnapshot"));
        assertEquals(true, db.input("autoMinorVersionUpgrade"));
        assertEquals(
                List.of("postgresql", "upgrade"),
                db.input("enabledCloudwatchLogsExports"),
                "Security Hub RDS.9 for PostgreSQL");
        assertEquals("tutors", db.input("username"));
        assertEquals("tutors", db.input("dbName"));
        assertEquals(FAKE_SECRETS.get("tutors:dbPassword"), secretValue(db.input("password")));
        assertTrue(db.secretOutputs().contains("password"));
        assertEquals(
                List.of(idOf(named(result, SecurityGroup.class, env + "sg-rds"))), db.input("vpcSecurityGroupIds"));

        var subnets = named(result, com.pulumi.aws.rds.SubnetGroup.class, env + "db");
        assertEquals(db.input("dbSubnetGroupName"), subnets.input("name"));
        assertEquals(result.outputs().get("privateSubnetIds"), subnets.input("subnetIds"), "private subnets only");

        var parameters = named(result, ParameterGroup.class, env + "postgres15");
        assertEquals(db.input("parameterGroupName"), parameters.input("name"));
        assertEquals("postgres15", parameters.input("family"));
        assertEquals(
                List.of(Map.of("name", "rds.force_ssl", "value", "1", "applyMethod", "immediate")),
                parameters.input("parameters"));
    }

    @Test
    void prodKeepsItsDatabaseAndStagingCanBeDestroyed() {
        var prod = named(run("prod"), com.pulumi.aws.rds.Instance.class, "tutors-prod-postgres");
        assertEquals(true, prod.input("deletionProtection"));
        assertEquals(false, prod.input("skipFinalSnapshot"));
        assertEquals("tutors-prod-postgres-final", prod.input("finalSnapshotIdentifier"));
        assertEquals(false, prod.input("deleteAutomatedBackups"));
        var staging = named(run("staging"), com.pulumi.aws.rds.Instance.class, "tutors-staging-postgres");
        assertEquals(false, staging.input("deletionProtection"));
        assertEquals(true, staging.input("skipFinalSnapshot"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void redisIsPrivateEncryptedAndAuthenticated(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var redis = named(result, ReplicationGroup.class, env + "redis");
        int replicas = Integer.parseInt(StackRuns.fileValue(stack, "tutors:redisReplicas"));
        assertEquals(env + "redis", redis.input("replicationGroupId"));
        // Both stacks run the seed's Redis 7, on its own default parameter group (Valkey is a lever)
        assertEquals("redis", redis.input("engine"));
        assertEquals("7.1", redis.input("engineVersion"));
        assertEquals("default.redis7", redis.input("parameterGroupName"));
        assertEquals(StackRuns.fileValue(stack, "tutors:redisNodeType"), redis.input("nodeType"));
        assertEquals(1.0 + replicas, redis.input("numCacheClusters"));
        assertEquals(replicas > 0, redis.input("automaticFailoverEnabled"));
        assertEquals(replicas > 0, redis.input("multiAzEnabled"));
        assertEquals(true, redis.input("atRestEncryptionEnabled"));
        assertEquals(true, redis.input("transitEncryptionEnabled"));
        assertEquals(6379.0, redis.input("port"));
        assertEquals(FAKE_SECRETS.get("tutors:redisAuthToken"), secretValue(redis.input("authToken")));
        assertTrue(redis.secretOutputs().contains("authToken"));
        assertEquals(
                Double.valueOf(StackRuns.fileValue(stack, "tutors:redisSnapshotRetentionDays")),
                redis.input("snapshotRetentionLimit"));
        assertEquals(
                List.of(idOf(named(result, SecurityGroup.class, env + "sg-redis"))), redis.input("securityGroupIds"));
        var subnets = named(result, com.pulumi.aws.elasticache.SubnetGroup.class, env + "redis");
        assertEquals(redis.input("subnetGroupName"), subnets.input("name"));
        assertEquals(result.outputs().get("privateSubnetIds"), subnets.input("subnetIds"), "private subnets only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    @SuppressWarnings("unchecked")
    void oneSecretPerContainerValueHoldingExactlyWhatTheAppNeeds(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var password = FAKE_SECRETS.get("tutors:dbPassword");
        var expected = Map.of(
                "db-url", ConnectionStrings.databaseUrl(password, rdsHost(result, env)),
                "redis-url",
                        ConnectionStrings.redisUrl(FAKE_SECRETS.get("tutors:redisAuthToken"), redisHost(result, env)),
                "django-secret-key", FAKE_SECRETS.get("tutors:djangoSecretKey"),
                "nextauth-secret", FAKE_SECRETS.get("tutors:nextauthSecret"));
        assertEquals(5, ofType(result, Secret.class).size());
        var arns = (Map<String, String>) result.outputs().get("secretArns");
        assertEquals(
                List.of("db-credentials", "db-url", "redis-url", "django-secret-key", "nextauth-secret"),
                List.copyOf(arns.keySet()));
        for (var part : arns.keySet()) {
            var secret = named(result, Secret.class, env + "secret-" + part);
            assertEquals("/tutors/" + stack + "/" + part, secret.input("name"));
            assertEquals(stack.equals("prod") ? 30.0 : 0.0, secret.input("recoveryWindowInDays"));
            assertEquals(idOf(secret), arns.get(part));
            var version = named(result, SecretVersion.class, env + "secret-" + part);
            assertEquals(idOf(secret), version.input("secretId"));
            var value = (String) secretValue(version.input("secretString"));
            if (part.equals("db-credentials")) {
                var json = new Gson().fromJson(value, Map.class);
                assertEquals(
                        Map.of(
                                "username",
                                "tutors",
                                "password",
                                password,
                                "engine",
                                "postgres",
                                "host",
                                rdsHost(result, env),
                                "port",
                                5432.0,
                                "dbname",
                                "tutors"),
                        json);
            } else {
                assertEquals(expected.get(part), value, part);
            }
            // The mock engine ignores additionalSecretOutputs; the real engine keeps the stored value secret.
            assertTrue(version.secretOutputs().contains("secretString"), "the engine keeps " + part + " secret");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void outputsNameTheEndpointsAndNoSecretLeaksAnywhere(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        assertEquals(rdsHost(result, env), result.outputs().get("rdsEndpoint"));
        assertEquals(5432, ((Number) result.outputs().get("rdsPort")).intValue());
        assertEquals(redisHost(result, env), result.outputs().get("redisEndpoint"));
        assertEquals(6379, ((Number) result.outputs().get("redisPort")).intValue());
        var estimate = com.tutors.infra.plan.PlanCommand.estimate(result, com.tutors.infra.plan.cost.Usage.defaults());
        var json = PlanFormats.json(result, estimate) + PlanFormats.text(result, estimate);
        for (var secret : FAKE_SECRETS.values()) {
            assertFalse(json.contains(secret), "the plan shows a secret value");
            assertFalse(json.contains(ConnectionStrings.encode(secret)), "the plan shows an encoded secret value");
        }
        assertFalse(
                result.config().keySet().stream().anyMatch(FAKE_SECRETS::containsKey),
                "secret keys are not listed in config");
    }
}
