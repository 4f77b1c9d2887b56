package com.tutors.infra;

import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.s3.BucketV2;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Config at its boundaries, with the whole message a user reads (BadConfigTest checks fragments). */
class ExactMessagesTest {

    /** Full keys and values over prod's valid secrets and domain; a null value removes the key. */
    private static String[] prod(String... keyValues) {
        return keyValues;
    }

    private static List<String> problems(String[] keyValues) {
        var problems = ParsedConfig.problems("prod", keyValues);
        assertTrue(!problems.isEmpty(), "refused");
        return problems;
    }

    @Test
    void aSubnetOutsideTheVpc() {
        assertEquals(
                List.of("tutors:privateSubnetCidrs: 10.9.20.0/24 is outside the VPC block 10.0.0.0/16; "
                        + "allowed: subnets inside tutors:vpcCidr"),
                problems(prod("tutors:privateSubnetCidrs", "[\"10.0.10.0/24\",\"10.9.20.0/24\"]")));
    }

    @Test
    void aSubnetAtTheVpcsFirstAddressIsFineAndTheWholeBlockOverlapsTheRest() {
        var atStart = ParsedConfig.parse("prod", "tutors:publicSubnetCidrs", "[\"10.0.0.0/24\",\"10.0.2.0/24\"]");
        assertEquals("10.0.0.0/24", atStart.network().publicSubnets().get(0).toString());
        assertEquals(
                List.of(
                        "tutors:publicSubnetCidrs: 10.0.0.0/16 and 10.0.2.0/24 overlap; allowed: disjoint subnets",
                        "tutors:privateSubnetCidrs / tutors:publicSubnetCidrs: 10.0.0.0/16 and 10.0.10.0/24 overlap; allowed: disjoint subnets",
                        "tutors:privateSubnetCidrs / tutors:publicSubnetCidrs: 10.0.0.0/16 and 10.0.20.0/24 overlap; allowed: disjoint subnets"),
                problems(prod("tutors:publicSubnetCidrs", "[\"10.0.0.0/16\",\"10.0.2.0/24\"]")));
    }

    @Test
    void moreSubnetsThanTheProgramSpreadsOverAzs() {
        var publics =
                "[\"10.0.1.0/24\",\"10.0.2.0/24\",\"10.0.3.0/24\",\"10.0.4.0/24\",\"10.0.5.0/24\",\"10.0.6.0/24\",\"10.0.7.0/24\"]";
        var privates = publics.replace("10.0.", "10.0.1");
        assertEquals(
                List.of(
                        "tutors:publicSubnetCidrs = '" + publics + "': 7 subnets; allowed: at most 6",
                        "tutors:privateSubnetCidrs = '" + privates + "': 7 subnets; allowed: at most 6"),
                problems(prod("tutors:publicSubnetCidrs", publics, "tutors:privateSubnetCidrs", privates)));
    }

    @Test
    void prodsEdgeWithoutADomain() {
        assertEquals(
                List.of("tutors:domain: missing; prod serves HTTPS on its own domain; allowed: a domain name such as "
                        + "tutors.example.com (pulumi config set tutors:domain <domain>)"),
                problems(prod("tutors:domain", null, "tutors:lastPhase", "5")));
    }

    @Test
    void secretLengthsAndCharactersWithoutShowingTheSecret() {
        assertEquals(
                List.of("tutors:dbPassword = [secret]: has 15 characters; allowed: 16 to 128"),
                problems(prod("tutors:dbPassword", "x".repeat(15))));
        assertEquals(
                List.of("tutors:dbPassword = [secret]: holds a character RDS refuses; allowed: printable ASCII except "
                        + "'/', '@', '\"' and space"),
                problems(prod("tutors:dbPassword", "pass/word@with\"quote")));
        assertEquals(
                List.of("tutors:redisAuthToken = [secret]: has 15 characters; allowed: 16 to 128"),
                problems(prod("tutors:redisAuthToken", "y".repeat(15))));
        assertEquals(
                List.of("tutors:djangoSecretKey = [secret]: has 49 characters; allowed: at least 50 "
                        + "(python -c 'import secrets; print(secrets.token_urlsafe(50))')"),
                problems(prod("tutors:djangoSecretKey", "z".repeat(49))));
        assertEquals(
                List.of(
                        "tutors:nextauthSecret = [secret]: has 31 characters; allowed: at least 32 (openssl rand -base64 32)"),
                problems(prod("tutors:nextauthSecret", "w".repeat(31))));
        // All at once, in key order of reading, never a value.
        var all = problems(prod("tutors:dbPassword", "short", "tutors:nextauthSecret", "short"));
        assertEquals(2, all.size());
        assertTrue(all.stream().noneMatch(p -> p.contains("short")), all::toString);
    }

    @Test
    void aBucketSuffixReachesEveryBucketName() {
        assertEquals(
                List.of("tutors:bucketSuffix = 'UPPER': allowed: lowercase letters, digits and dashes, starting and "
                        + "ending with a letter or digit"),
                problems(prod("tutors:bucketSuffix", "UPPER")));
        var result = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:bucketSuffix", "x1")));
        var buckets = ofType(result, BucketV2.class);
        assertEquals(4, buckets.size(), "media, static, access logs, ALB logs");
        for (var b : buckets) {
            assertEquals(b.name() + "-x1", b.input("bucket"), "no account id once a suffix is set");
        }
    }
}
