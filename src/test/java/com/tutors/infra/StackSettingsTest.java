package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.compute.ComputeSettings;
import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.config.Keys;
import com.tutors.infra.config.SettingsException;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Ipv4Cidr;
import com.tutors.infra.core.Phase;
import com.tutors.infra.network.NatMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure parser, without the engine: defaults per environment and how problems are reported. */
class StackSettingsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "tutors:dbPassword",
            "x".repeat(16),
            "tutors:redisAuthToken",
            "y".repeat(16),
            "tutors:djangoSecretKey",
            "z".repeat(50),
            "tutors:nextauthSecret",
            "w".repeat(32),
            "tutors:originSecret",
            "o".repeat(32));

    private static StackSettings parse(String stack, Map<String, String> config) {
        var all = new java.util.HashMap<>(SECRETS);
        if (stack.equals("prod")) {
            all.put("tutors:domain", "tutors.example.com"); // prod requires one once phase 5 is declared
        } else {
            all.put("tutors:cdn", "false"); // as staging's file says: its cases run without a domain
        }
        all.putAll(config);
        return StackSettings.parse(ConfigSource.of(all, stack));
    }

    @Test
    void prodDefaultsAreTheSeedPlanWithHaNat() {
        var s = parse("prod", Map.of());
        assertEquals(Environment.PROD, s.environment());
        assertEquals("eu-central-1", s.region());
        assertEquals(6, s.lastPhase());
        assertEquals(Ipv4Cidr.parse("10.0.0.0/16"), s.network().vpcCidr());
        assertEquals(
                List.of(Ipv4Cidr.parse("10.0.1.0/24"), Ipv4Cidr.parse("10.0.2.0/24")),
                s.network().publicSubnets());
        assertEquals(
                List.of(Ipv4Cidr.parse("10.0.10.0/24"), Ipv4Cidr.parse("10.0.20.0/24")),
                s.network().privateSubnets());
        assertEquals(NatMode.GATEWAY_PER_AZ, s.network().natMode());
        assertTrue(s.network().ipv6());
        assertTrue(s.awsProfile().isEmpty());
    }

    @Test
    void everyStackHasTheSameDefaultsWhatDiffersIsInItsFile() {
        // One default per key: a key staging runs differently is written in Pulumi.staging.yaml.
        assertEquals(
                NatMode.GATEWAY_PER_AZ, parse("staging", Map.of()).network().natMode());
        assertEquals("instance", StackRuns.fileValue("staging", "tutors:natMode"));
    }

    @Test
    void environmentDefaultsToTheStackNameAndCanBeSetForAnyStackName() {
        var s = parse("staging-eu", Map.of("tutors:environment", "staging", "tutors:environmentOverride", "true"));
        assertEquals(Environment.STAGING, s.environment());
        assertEquals("tutors-staging-cluster", s.naming().name("cluster"));
        assertEquals("staging-eu", s.stackName());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var e = assertThrows(
                SettingsException.class,
                () -> parse(
                        "prod",
                        Map.of("tutors:vpcCidr", "10.0.0.0/8", "tutors:natMode", "none", "tutors:lastPhase", "9")));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid configuration for stack 'prod':"));
    }

    @Test
    void anUnknownEnvironmentStopsBeforeDefaultsAreNeeded() {
        var e = assertThrows(SettingsException.class, () -> parse("dev", Map.of()));
        assertEquals(
                List.of(
                        "tutors:environment = 'dev': unknown environment (defaults to the stack name); allowed: prod, staging"),
                e.problems());
    }

    @Test
    void phasesAreDeclaredUpToLastPhase() {
        var s = parse("prod", Map.of("tutors:lastPhase", "3"));
        assertTrue(s.declares(Phase.FOUNDATION));
        assertTrue(s.declares(Phase.STORAGE));
        assertTrue(!s.declares(Phase.COMPUTE));
    }

    @Test
    void prodDefaultsProtectTheDataAndStagingDoesNot() {
        var prod = parse("prod", Map.of());
        assertTrue(prod.data().orElseThrow().protectData() && prod.storage().protectData());
        assertEquals("db.t4g.small", prod.data().orElseThrow().dbInstanceClass());
        assertTrue(prod.data().orElseThrow().dbMultiAz());
        assertEquals(1, prod.data().orElseThrow().redisReplicas());
        var staging = parse("staging", Map.of("tutors:protectData", "false", "tutors:redisReplicas", "0"));
        assertTrue(!staging.data().orElseThrow().protectData()
                && !staging.storage().protectData());
        assertEquals(0, staging.data().orElseThrow().redisReplicas());
        assertEquals("[secret]", staging.data().orElseThrow().dbPassword().toString(), "settings never print a secret");
        assertEquals("false", StackRuns.fileValue("staging", "tutors:protectData"), "staging's file says so");
    }

    @Test
    void corsDefaultsToTheDomainAndBucketsToTheNamingScheme() {
        var s = parse("prod", Map.of("tutors:domain", "tutors.example.com"));
        assertEquals(List.of("https://tutors.example.com"), s.storage().corsOrigins());
        assertEquals(
                java.util.Optional.empty(),
                s.storage().bucketSuffix(),
                "the buckets end in the account id (Buckets.name)");
        assertEquals(List.of(), parse("staging", Map.of()).storage().corsOrigins());
        assertEquals(
                "tutors-staging-static-x1",
                parse("staging", Map.of("tutors:bucketSuffix", "x1"))
                        .naming()
                        .bucketName(
                                "static",
                                parse("staging", Map.of("tutors:bucketSuffix", "x1"))
                                        .storage()
                                        .bucketSuffix()));
    }

    @Test
    void storageCeilingMayBeOffOrAtLeastTenPercentAbove() {
        assertEquals(
                0,
                parse("prod", Map.of("tutors:dbMaxAllocatedStorage", "0"))
                        .data()
                        .orElseThrow()
                        .dbMaxAllocatedStorageGb());
        assertEquals(
                22,
                parse("prod", Map.of("tutors:dbMaxAllocatedStorage", "22"))
                        .data()
                        .orElseThrow()
                        .dbMaxAllocatedStorageGb());
    }

    @Test
    void prodNeedsADomainOnlyOncePhaseFiveIsDeclared() {
        var withoutDomain = new java.util.HashMap<>(SECRETS);
        withoutDomain.put("tutors:cdn", "false");
        var e = assertThrows(
                SettingsException.class, () -> StackSettings.parse(ConfigSource.of(withoutDomain, "prod")));
        assertTrue(e.problems().get(0).startsWith("tutors:domain: missing; prod serves HTTPS"), e.getMessage());
        var upToCompute = new java.util.HashMap<>(withoutDomain);
        upToCompute.put("tutors:lastPhase", "4");
        assertEquals(
                4, StackSettings.parse(ConfigSource.of(upToCompute, "prod")).lastPhase());
    }

    @Test
    void hostedZoneDefaultsToTheDomainAndKeepAliveOutlastsTheAlb() {
        var s = parse("prod", Map.of());
        assertEquals("tutors.example.com", s.edge().hostedZone().orElseThrow());
        assertEquals(75, s.edge().keepAliveSeconds());
        assertTrue(parse("staging", Map.of()).edge().hostedZone().isEmpty(), "no domain, no zone");
    }

    @Test
    void computeDefaultsFollowThePlan() {
        var prod = parse("prod", Map.of()).compute();
        assertEquals(new ComputeSettings.Service(256, 512, 2, 1, 4), prod.backend());
        assertEquals(new ComputeSettings.Service(256, 512, 2, 1, 4), prod.frontend());
        assertEquals(Optional.empty(), prod.imageTag(), "no tag in the stack file: the recorded one is planned");
        assertEquals(Optional.empty(), prod.releaseImageTag());
        assertEquals(0, prod.spotPercent());
        assertEquals(30, prod.logRetentionDays());
        // Staging runs differently because its file says so; the defaults are the same for every stack.
        var staging = parse(
                        "staging",
                        com.tutors.infra.plan.StackFile.read(StackRuns.PROJECT_DIR, "staging")
                                .values())
                .compute();
        assertEquals(100, staging.spotPercent());
        assertEquals(7, staging.logRetentionDays());
        assertTrue(staging.ecsExec());
        assertEquals(0, parse("staging", Map.of()).compute().spotPercent(), "the one default");
    }

    @Test
    void profileIsPassedThrough() {
        assertEquals(
                "tutors-admin",
                parse("prod", Map.of("aws:profile", "tutors-admin"))
                        .awsProfile()
                        .orElseThrow());
    }

    @Test
    void everyKeyHasADefaultForEveryEnvironmentOrIsOptional() {
        for (var key : Keys.ALL) {
            for (var env : Environment.values()) {
                var optional = List.of(
                                        Keys.ENVIRONMENT,
                                        Keys.AWS_PROFILE,
                                        Keys.DOMAIN,
                                        Keys.BUCKET_SUFFIX,
                                        Keys.CORS_ORIGINS,
                                        Keys.HOSTED_ZONE,
                                        Keys.ALARM_EMAIL,
                                        Keys.CONTAINER_USER,
                                        Keys.OFFICE_HOURS,
                                        Keys.PERMISSIONS_BOUNDARY,
                                        Keys.IMAGE_TAG,
                                        Keys.RELEASE_IMAGE_TAG,
                                        Keys.DMARC_REPORT_EMAIL,
                                        Keys.NAT_AMI,
                                        Keys.WORKERS,
                                        Keys.SCHEDULED_JOBS)
                                .contains(key)
                        || key.secret();
                assertTrue(optional || key.defaultValue() != null, key + " has no default for " + env);
            }
        }
    }
}
