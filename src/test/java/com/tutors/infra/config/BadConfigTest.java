package com.tutors.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input, run through the whole program under the mock engine: it fails with a message that
 * names the key, the bad value and what is allowed, and registers nothing.
 */
class BadConfigTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("tutors:environment", "dev", "'dev'", "unknown environment", "allowed: prod, staging"),
                bad(
                        "tutors:environment",
                        "Prod_1",
                        "'Prod_1'",
                        "lowercase letters, digits and dashes",
                        "allowed: prod, staging"),
                bad("tutors:vpcCidr", "10.0.0/16", "'10.0.0/16'", "not an IPv4 CIDR block", "10.0.0.0/16"),
                bad("tutors:vpcCidr", "10.0.0.300/16", "'10.0.0.300/16'", "octet 300 is over 255"),
                bad("tutors:vpcCidr", "10.0.0.0/8", "'10.0.0.0/8'", "prefix /8 out of range", "allowed: /16 to /28"),
                bad(
                        "tutors:publicSubnetCidrs",
                        "[\"10.0.1.5/24\",\"10.0.2.0/24\"]",
                        "'10.0.1.5/24'",
                        "host bits are set",
                        "10.0.1.0/24"),
                bad(
                        "tutors:publicSubnetCidrs",
                        "[\"10.0.1.0/24\",\"10.0.1.128/25\"]",
                        "10.0.1.0/24 and 10.0.1.128/25 overlap"),
                bad(
                        "tutors:privateSubnetCidrs",
                        "[\"10.0.10.0/24\",\"10.0.2.0/24\"]",
                        "10.0.2.0/24 and 10.0.2.0/24 overlap"),
                bad(
                        "tutors:privateSubnetCidrs",
                        "[\"10.0.10.0/24\",\"10.9.20.0/24\"]",
                        "10.9.20.0/24 is outside the VPC block 10.0.0.0/16"),
                bad(
                        "tutors:publicSubnetCidrs",
                        "[\"10.0.1.0/24\"]",
                        "10.0.1.0/24",
                        "1 subnet(s)",
                        "allowed: at least 2"),
                bad(
                        "tutors:privateSubnetCidrs",
                        "[\"10.0.10.0/24\",\"10.0.20.0/24\",\"10.0.30.0/24\"]",
                        "3 subnets for 2 public ones"),
                bad("tutors:publicSubnetCidrs", "10.0.1.0/24", "'10.0.1.0/24'", "not a list", "allowed: a list"),
                bad("tutors:lastPhase", "7", "'7'", "out of range", "allowed: 1 to 6"),
                bad("tutors:lastPhase", "0", "'0'", "out of range", "allowed: 1 to 6"),
                bad("tutors:lastPhase", "two", "'two'", "not a whole number"),
                bad(
                        "tutors:natMode",
                        "nat-gateway",
                        "'nat-gateway'",
                        "unknown NAT mode",
                        "allowed: gateway-per-az, gateway-single, instance, instance-per-az"),
                bad("tutors:ipv6", "yes", "'yes'", "not a boolean", "allowed: true, false"),
                bad(
                        "tutors:vpcCdir",
                        "10.0.0.0/16",
                        "not a known key (did you mean tutors:vpcCidr?)",
                        "closest keys: tutors:vpcCidr,"),
                bad(
                        "aws:defaultTags",
                        "{}",
                        "not passed to this program's AWS provider",
                        "allowed aws keys: aws:region, aws:profile"),
                bad(
                        "aws:region",
                        "eu-centrl-1",
                        "'eu-centrl-1'",
                        "not a commercial AWS region",
                        "did you mean eu-central-1?"),
                bad("aws:region", "us-gov-west-1", "'us-gov-west-1'", "not a commercial AWS region", "us-east-1"),
                bad("aws:region", "cn-north-1", "'cn-north-1'", "not a commercial AWS region"),
                bad(
                        "tutors:dbInstanceClass",
                        "db.t4g.huge",
                        "'db.t4g.huge'",
                        "db.t4g has no size 'huge'",
                        "db.t4g.micro"),
                bad(
                        "tutors:dbInstanceClass",
                        "db.x9.large",
                        "'db.x9.large'",
                        "no RDS PostgreSQL family 'db.x9'",
                        "db.r6g"),
                bad(
                        "tutors:redisNodeType",
                        "cache.t4g.large",
                        "'cache.t4g.large'",
                        "cache.t4g has no size 'large'",
                        "cache.t4g.medium"),
                bad(
                        "tutors:redisNodeType",
                        "cache.q1.micro",
                        "'cache.q1.micro'",
                        "no ElastiCache node family 'cache.q1'"),
                bad(
                        "tutors:redisAuthToken",
                        "token+with=bad:chars0",
                        "[secret]",
                        "ElastiCache refuses",
                        "letters, digits"),
                bad("tutors:redisAuthToken", "has a space in it 0123", "[secret]", "ElastiCache refuses"),
                bad("tutors:originSecret", "o".repeat(129), "[secret]", "32 to 128 characters", "at most 128"),
                bad("tutors:domain", "a".repeat(61) + ".com", "65 characters", "at most 64", "ACM"),
                bad(
                        "tutors:publicSubnetCidrs",
                        "[\"10.0.1.0/28\",\"10.0.2.0/28\"]",
                        "'10.0.1.0/28' is smaller than /27",
                        "load balancer"),
                bad(
                        "tutor:natMode",
                        "instance",
                        "namespace 'tutor' is not read",
                        "did you mean tutors:natMode?",
                        "allowed namespaces"),
                bad("Tutors:natMode", "instance", "namespace 'Tutors' is not read", "did you mean tutors:natMode?"),
                bad(":natMode", "instance", "namespace '' is not read", "did you mean tutors:natMode?"),
                bad("tutors:imageTag", "", "''", "empty", "remove the key"),
                bad("tutors:bucketSuffix", "", "''", "empty", "no default"),
                bad("tutors:backendCpu", " ", "' '", "empty"),
                bad("tutors:alarms", "yes", "'yes'", "not a boolean", "allowed: true, false"),
                bad("tutors:protectData", "no", "'no'", "not a boolean"),
                bad(
                        "tutors:environment",
                        "staging",
                        "'staging'",
                        "differs from the stack name 'prod'",
                        "tutors:environmentOverride"),
                bad("tutors:environmentOverride", "maybe", "'maybe'", "not a boolean"),
                bad("tutors:backendWorkers", "65", "'65'", "out of range", "allowed: 0 to 64"),
                bad("tutors:backendThreads", "0", "'0'", "out of range", "allowed: 1 to 32"),
                bad("tutors:applyImmediately", "soon", "'soon'", "not a boolean"),
                bad("tutors:originLock", "1", "'1'", "not a boolean"),
                bad("tutors:lastPhase", "99999999999", "'99999999999'", "out of range", "allowed: 1 to 6"),
                bad("tutors:containerUser", "root", "'root'", "not a non-root user", "1000:1000"),
                bad("tutors:containerUser", "0:0", "'0:0'", "not a non-root user"),
                bad("tutors:readOnlyRootFilesystem", "on", "'on'", "not a boolean"),
                bad("tutors:logRetentionDays", "0", "'0'", "not a CloudWatch Logs retention", "never 0"),
                bad("aws:region", "europe", "'europe'", "not a commercial AWS region", "eu-central-1"),
                bad("tutors:domain", "Tutors.Example", "'Tutors.Example'", "not a domain name", "tutors.example.com"),
                bad("tutors:protectData", "maybe", "'maybe'", "not a boolean"),
                bad("tutors:dbPassword", null, "missing", "pulumi config set --secret tutors:dbPassword <value>"),
                bad("tutors:dbPassword", "short-pw-123456", "[secret]", "has 15 characters", "allowed: 16 to 128"),
                bad("tutors:dbPassword", "has@sign-long-enough", "[secret]", "RDS refuses", "'@'"),
                bad(
                        "tutors:redisAuthToken",
                        "slash/in-the-token-x",
                        "[secret]",
                        "ElastiCache refuses",
                        "! & # $ ^ < > -"),
                bad("tutors:redisAuthToken", "too-short", "[secret]", "allowed: 16 to 128"),
                bad("tutors:redisAuthToken", null, "missing", "pulumi config set --secret tutors:redisAuthToken"),
                bad("tutors:djangoSecretKey", "only-thirty-characters-long-xx", "[secret]", "allowed: at least 50"),
                bad("tutors:nextauthSecret", null, "missing", "pulumi config set --secret tutors:nextauthSecret"),
                bad("tutors:redisReplicas", "-1", "'-1'", "out of range", "allowed: 0 to 5"),
                bad("tutors:dbInstanceClass", "t3.micro", "'t3.micro'", "not an RDS instance class", "db.t4g.micro"),
                bad(
                        "tutors:redisNodeType",
                        "t3.micro",
                        "'t3.micro'",
                        "not an ElastiCache node type",
                        "cache.t4g.micro"),
                bad(
                        "tutors:dbMaxAllocatedStorage",
                        "21",
                        "'21'",
                        "below 110% of tutors:dbAllocatedStorage",
                        "at least 22"),
                bad("tutors:dbBackupRetentionDays", "0", "'0'", "allowed: 1 to 35"),
                bad("tutors:bucketSuffix", "Acme_Co", "'Acme_Co'", "lowercase letters, digits and dashes"),
                bad("tutors:bucketSuffix", "a".repeat(50), "has 68 characters; S3 allows 3 to 63"),
                bad(
                        "tutors:corsOrigins",
                        "[\"https://tutors.example.com/\"]",
                        "'https://tutors.example.com/' is not an origin",
                        "no path or trailing slash"),
                bad(
                        "tutors:backendMemory",
                        "4096",
                        "'4096'",
                        "not a Fargate pair with tutors:backendCpu=256",
                        "allowed with 256: [512, 1024, 2048]"),
                bad("tutors:frontendCpu", "300", "'300'", "not a Fargate CPU value", "[256, 512, 1024"),
                bad("tutors:backendMinCount", "5", "'5'", "above tutors:backendMaxCount (4)", "min <= max"),
                bad(
                        "tutors:frontendDesiredCount",
                        "9",
                        "'9'",
                        "outside tutors:frontendMinCount..tutors:frontendMaxCount",
                        "allowed: 1 to 4"),
                bad("tutors:cpuArchitecture", "ARM", "'ARM'", "unknown CPU architecture", "X86_64, ARM64"),
                bad("tutors:logRetentionDays", "-1", "'-1'", "not a CloudWatch Logs retention", "never 0"),
                bad("tutors:lastPhase", "99999999999", "'99999999999'", "out of range", "allowed: 1 to 6"),
                bad("tutors:containerUser", "root", "'root'", "not a non-root user", "1000:1000"),
                bad("tutors:containerUser", "0:0", "'0:0'", "not a non-root user"),
                bad("tutors:readOnlyRootFilesystem", "on", "'on'", "not a boolean"),
                bad("tutors:logRetentionDays", "0", "'0'", "never 0"),
                bad("tutors:imageTag", "-bad tag", "'-bad tag'", "not a Docker image tag"),
                bad("tutors:fargateSpotPercent", "101", "'101'", "allowed: 0 to 100"),
                bad("tutors:albIdleTimeout", "0", "'0'", "allowed: 1 to 4000"),
                bad(
                        "tutors:hostedZone",
                        "example.org",
                        "'example.org'",
                        "cannot hold tutors:domain 'tutors.example.com'",
                        "a parent of it, or a zone id"),
                bad(
                        "tutors:domain",
                        null,
                        "missing",
                        "prod serves HTTPS on its own domain",
                        "pulumi config set tutors:domain"),
                bad("tutors:alarmEmail", "ops-at-example", "'ops-at-example'", "not an email address"),
                bad("tutors:wafBlockedCountries", "[\"XX\"]", "'XX' is not a country code", "ISO 3166-1 alpha-2"),
                bad("tutors:wafBlockedCountries", "[\"de\"]", "'de' is not a country code", "in capitals"),
                bad("tutors:wafRateLimit", "5", "'5'", "allowed: 10 to 2000000000"),
                bad("tutors:originSecret", null, "missing", "pulumi config set --secret tutors:originSecret"),
                bad("tutors:originSecret", "short", "[secret]", "32 to 128 characters"),
                bad("tutors:cdn", "on", "'on'", "not a boolean"),
                bad(
                        "tutors:officeHours",
                        "MON-FRI 08:00-20:00 Europe/Berlin",
                        "'MON-FRI 08:00-20:00 Europe/Berlin'",
                        "would stop the production database",
                        "allowed: staging only"),
                bad(
                        "tutors:officeHours",
                        "MON-FRI 8-20 Berlin",
                        "'MON-FRI 8-20 Berlin'",
                        "not office hours",
                        "allowed: DAYS HH:MM-HH:MM ZONE, e.g. MON-FRI 08:00-20:00 Europe/Berlin"),
                bad(
                        "tutors:officeHours",
                        "MON-FRI 20:00-08:00 UTC",
                        "opens at 20:00 but closes at 08:00",
                        "across midnight"),
                bad(
                        "tutors:officeHours",
                        "MON-FRI 08:00-20:00 Mars/Base",
                        "'Mars/Base' is not a time zone",
                        "Europe/Berlin or UTC"),
                bad("tutors:officeHours", "MO-FR 08:00-20:00 UTC", "'MO-FR' is not a set of days", "MON, TUE, WED"),
                bad("tutors:officeHours", "FRI-MON 08:00-20:00 UTC", "'FRI-MON' runs backwards"),
                bad("tutors:officeHours", "MON,TUE,MON 08:00-20:00 UTC", "names MON twice", "each day once"),
                bad("tutors:officeHours", "MON-FRI 00:10-20:00 UTC", "opens at 00:10", "allowed: 00:20 or later"),
                bad(
                        "tutors:permissionsBoundary",
                        "tutors-boundary",
                        "'tutors-boundary'",
                        "not an IAM policy ARN",
                        "arn:aws:iam::<12-digit account>:policy/<name>"),
                bad(
                        "tutors:permissionsBoundary",
                        "arn:aws:iam::12345:policy/b",
                        "'arn:aws:iam::12345:policy/b'",
                        "not an IAM policy ARN"),
                bad(
                        "tutors:officeHours",
                        "MON-FRI 08:00-24:00 UTC",
                        "'08:00-24:00' is not a time range",
                        "00:00 to 23:59"));
    }

    private static Arguments bad(String key, String value, String... expected) {
        return Arguments.of(key, value, List.of(expected));
    }

    @org.junit.jupiter.api.Test
    void phaseOneAloneNeedsNoSecretsYet() {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put("tutors:lastPhase", "1");
        Keys.ALL.stream().filter(Key::secret).forEach(k -> overrides.put(k.fullName(), null));
        StackRuns.succeeded(StackRuns.with("prod", overrides));
    }

    @org.junit.jupiter.api.Test
    void armTasksRunOnSpotToo() {
        // Fargate Spot runs ARM64 on platform 1.4.0 and later (ECS API reference, CapacityProviderStrategyItem).
        var result = StackRuns.with("prod", StackRuns.override("tutors:fargateSpotPercent", "50"));
        assertTrue(result.succeeded(), result.problems()::toString);
    }

    @org.junit.jupiter.api.Test
    void theCdnNeedsADomain() {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put("tutors:domain", null);
        overrides.put("tutors:hostedZone", null);
        overrides.put("tutors:cdn", "true");
        var result = StackRuns.with("staging", overrides);
        assertTrue(
                result.problems().stream()
                        .anyMatch(p -> p.startsWith("tutors:cdn = 'true': CloudFront serves the site's domain")),
                result.problems()::toString);
    }

    @org.junit.jupiter.api.Test
    void aZoneWithoutADomainIsRejected() {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put("tutors:domain", null);
        var result = StackRuns.with("staging", overrides);
        assertTrue(
                result.problems().stream()
                        .anyMatch(p ->
                                p.startsWith("tutors:hostedZone = 'tutors.example.com': set without tutors:domain")),
                result.problems()::toString);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInputs")
    void failsClearlyAndRegistersNothing(String key, String value, List<String> expected) {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put(key, value); // null: the key is not set
        var result = StackRuns.with("prod", overrides);
        assertFalse(result.succeeded(), key + "=" + value + " was accepted");
        var problem = result.problems().stream()
                .filter(p -> p.startsWith(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem names " + key + ": " + result.problems()));
        for (var fragment : expected) {
            assertTrue(problem.contains(fragment), () -> "'" + problem + "' lacks '" + fragment + "'");
        }
        if (value != null
                && key.startsWith("tutors:")
                && Keys.byFullName(key).map(Key::secret).orElse(false)) {
            assertTrue(result.problems().stream().noneMatch(p -> p.contains(value)), "an error message shows a secret");
        }
        assertEquals(result.problems().size(), new java.util.HashSet<>(result.problems()).size(), "each problem once");
        assertEquals(
                List.of("pulumi:pulumi:Stack"),
                result.resources().stream().map(PlannedResource::type).toList(),
                "nothing but the root stack may be registered");
    }
}
