package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.core.Ipv4Cidr;
import com.tutors.infra.network.Ipv6Subnets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values exactly at each limit, and one step past it (the mutation report showed the limits were
 * only tested from afar: a {@code <} for a {@code <=} went unnoticed).
 */
class BoundariesTest {

    private static List<String> problems(String stack, String... keyValues) {
        return ParsedConfig.problems(stack, keyValues);
    }

    @Test
    void aRegionTypoIsNamedUpToThreeEditsAway() {
        assertEquals(
                java.util.Optional.of("eu-central-1"),
                com.tutors.infra.config.Regions.nearest("eu-cxxxral-1"),
                "three edits");
        assertEquals(
                java.util.Optional.empty(), com.tutors.infra.config.Regions.nearest("eu-cxxxxal-1"), "four: no guess");
        assertEquals(java.util.Optional.empty(), com.tutors.infra.config.Regions.nearest("mars-north-1"));
    }

    @Test
    void atMostOneHundredBlockedCountries() {
        var codes = java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .sorted()
                .limit(101)
                .toList();
        var json = (java.util.function.Function<List<String>, String>) l -> new com.google.gson.Gson().toJson(l);
        assertEquals(
                List.of(),
                problems("prod", "tutors:wafBlockedCountries", json.apply(codes.subList(0, 100))),
                "100 is allowed");
        assertEquals(
                List.of("tutors:wafBlockedCountries = '" + json.apply(codes)
                        + "': 101 countries; allowed: at most 100"),
                problems("prod", "tutors:wafBlockedCountries", json.apply(codes)));
    }

    @Test
    void anInvalidFargatePairListsTheAllowedOnes() {
        assertEquals(
                List.of(
                        "tutors:backendMemory = '4096': not a Fargate pair with tutors:backendCpu=256; allowed with 256: "
                                + "[512, 1024, 2048] (all pairs: 256 CPU: 512, 1024 or 2048 MiB; 512: 1024-4096 by 1024; 1024: 2048-8192 "
                                + "by 1024; 2048: 4096-16384 by 1024; 4096: 8192-30720 by 1024; 8192: 16384-61440 by 4096; 16384: "
                                + "32768-122880 by 8192)"),
                problems("prod", "tutors:backendCpu", "256", "tutors:backendMemory", "4096"));
    }

    @Test
    void ipv4BlocksAtTheirEdges() {
        assertEquals(
                "255.255.255.255/32", Ipv4Cidr.parse("255.255.255.255/32").toString(), "octet 255 and /32 are valid");
        assertEquals(1, Ipv4Cidr.parse("10.0.0.1/32").size());
        assertThrows(IllegalArgumentException.class, () -> new Ipv4Cidr(0, 33));
        assertThrows(IllegalArgumentException.class, () -> new Ipv4Cidr(0, -1));
        assertDoesNotThrow(() -> new Ipv4Cidr(0, 0));
        var vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertTrue(vpc.contains(vpc), "a block contains itself");
        assertTrue(vpc.contains(Ipv4Cidr.parse("10.0.0.0/24")), "same first address");
        assertTrue(vpc.contains(Ipv4Cidr.parse("10.0.255.255/32")), "same last address");
        assertFalse(vpc.contains(Ipv4Cidr.parse("9.255.255.255/32")), "one below the first");
        assertFalse(vpc.contains(Ipv4Cidr.parse("10.1.0.0/32")), "one above the last");
        var block = Ipv4Cidr.parse("10.0.1.0/24");
        assertTrue(block.overlaps(Ipv4Cidr.parse("10.0.1.255/32")), "sharing only the last address");
        assertTrue(Ipv4Cidr.parse("10.0.1.255/32").overlaps(block), "and the other way round");
        assertTrue(block.overlaps(Ipv4Cidr.parse("10.0.1.0/32")), "sharing only the first address");
        assertFalse(block.overlaps(Ipv4Cidr.parse("10.0.2.0/32")), "adjacent, not overlapping");
        assertFalse(Ipv4Cidr.parse("10.0.0.255/32").overlaps(block), "adjacent below");
    }

    @Test
    void ipv6SubnetsOfAVpcBlock() {
        assertEquals("2600:1f18:abc:de00::/64", Ipv6Subnets.slash64("2600:1f18:abc:de00::/56", 0));
        assertEquals("2600:1f18:abc:de01::/64", Ipv6Subnets.slash64("2600:1f18:abc:de00::/56", 1));
        assertEquals("2600:1f18:abc:deff::/64", Ipv6Subnets.slash64("2600:1f18:abc:de00::/56", 255), "the last of 256");
        assertEquals(
                "a /56 holds 256 /64 subnets, not 257",
                assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("2600:1f18:abc:de00::/56", 256))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("2600:1f18:abc:de00::/56", -1));
        assertEquals("2600:1f18:abc:de00::/64", Ipv6Subnets.slash64("2600:1f18:abc:de00::/64", 0), "a /64 holds one");
        assertEquals(
                "a /65 holds no /64",
                assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("2600:1f18:abc:de00::/65", 0))
                        .getMessage());
        assertEquals(
                "not an IPv6 CIDR block: 2600:1f18::",
                assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("2600:1f18::", 0))
                        .getMessage());
    }

    @Test
    void subnetCountsAndPrefixes() {
        assertEquals(List.of(), problems("prod", "tutors:vpcCidr", "10.0.0.0/16"), "/16 is the largest VPC");
        assertTrue(problems("prod", "tutors:vpcCidr", "10.0.0.0/15").get(0).contains("prefix /15 out of range"));
        var six = "[\"10.0.1.0/24\",\"10.0.2.0/24\",\"10.0.3.0/24\",\"10.0.4.0/24\",\"10.0.5.0/24\",\"10.0.6.0/24\"]";
        // Six subnets parse; the region has three zones, which the engine run would refuse, not the parser.
        assertEquals(
                List.of(),
                problems(
                        "prod",
                        "tutors:publicSubnetCidrs",
                        six,
                        "tutors:privateSubnetCidrs",
                        six.replace("10.0.", "10.0.1")));
        assertEquals(
                List.of("tutors:privateSubnetCidrs = '[\"10.0.10.0/24\"]': 1 subnet(s); allowed: at least 2 (one per "
                        + "availability zone, for the ALB and RDS subnet groups)"),
                problems("prod", "tutors:privateSubnetCidrs", "[\"10.0.10.0/24\"]"));
        assertEquals(
                List.of(),
                problems("prod", "tutors:publicSubnetCidrs", "[\"10.0.1.0/27\",\"10.0.2.0/27\"]"),
                "/27 fits an ALB");
        assertEquals(
                List.of(),
                problems("prod", "tutors:privateSubnetCidrs", "[\"10.0.10.0/28\",\"10.0.20.0/28\"]"),
                "/28 is AWS's smallest");
        assertTrue(problems("prod", "tutors:privateSubnetCidrs", "[\"10.0.10.0/29\",\"10.0.20.0/29\"]")
                .get(0)
                .contains("prefix /29 out of range; allowed: /16 to /28"));
        // Overlap between the second and third entries of the combined list names both keys.
        assertEquals(
                List.of("tutors:privateSubnetCidrs / tutors:publicSubnetCidrs: 10.0.2.0/24 and 10.0.2.0/25 overlap; "
                        + "allowed: disjoint subnets"),
                problems("prod", "tutors:privateSubnetCidrs", "[\"10.0.2.0/25\",\"10.0.20.0/24\"]"));
        assertEquals(
                List.of("tutors:privateSubnetCidrs: 10.0.10.0/24 and 10.0.10.0/25 overlap; allowed: disjoint subnets"),
                problems("prod", "tutors:privateSubnetCidrs", "[\"10.0.10.0/24\",\"10.0.10.0/25\"]"));
    }

    @Test
    void databaseLimits() {
        assertEquals(
                List.of(),
                problems("prod", "tutors:dbAllocatedStorage", "20", "tutors:dbMaxAllocatedStorage", "22"),
                "exactly 110%");
        assertEquals(
                List.of("tutors:dbMaxAllocatedStorage = '21': below 110% of tutors:dbAllocatedStorage (20); allowed: 0 "
                        + "(no autoscaling) or at least 22"),
                problems("prod", "tutors:dbAllocatedStorage", "20", "tutors:dbMaxAllocatedStorage", "21"));
        assertEquals(
                List.of(), problems("prod", "tutors:dbAllocatedStorage", "25", "tutors:dbMaxAllocatedStorage", "0"));
        assertEquals(List.of(), problems("prod", "tutors:dbBackupRetentionDays", "35"));
        assertEquals(List.of(), problems("prod", "tutors:dbBackupRetentionDays", "1"));
        assertEquals(1, problems("prod", "tutors:dbBackupRetentionDays", "36").size());
        assertEquals(1, problems("prod", "tutors:dbBackupRetentionDays", "0").size());
        assertEquals(List.of(), problems("prod", "tutors:dbPassword", "p".repeat(128)), "128 characters is the most");
        assertEquals(
                List.of("tutors:dbPassword = [secret]: has 129 characters; allowed: 16 to 128"),
                problems("prod", "tutors:dbPassword", "p".repeat(129)));
        assertEquals(
                List.of(),
                problems("prod", "tutors:dbPassword", "!~" + "p".repeat(14)),
                "'!' and '~' are the printable ends");
        assertEquals(
                1,
                problems("prod", "tutors:dbPassword", "p".repeat(15) + "\u007f").size(),
                "DEL is not printable");
        assertEquals(List.of(), problems("prod", "tutors:redisAuthToken", "t".repeat(128)));
        assertEquals(
                1, problems("prod", "tutors:redisAuthToken", "t".repeat(129)).size());
        assertEquals(
                List.of(),
                problems("prod", "tutors:redisAuthToken", "!&#$^<>-" + "t".repeat(8)),
                "every allowed symbol");
        assertEquals(
                1,
                problems("prod", "tutors:redisAuthToken", "é" + "t".repeat(15)).size(),
                "letters are ASCII letters");
        assertEquals(List.of(), problems("prod", "tutors:redisReplicas", "5"));
        assertEquals(1, problems("prod", "tutors:redisReplicas", "6").size());
    }

    @Test
    void serviceCountLimits() {
        assertEquals(
                List.of(),
                problems("prod", "tutors:backendMinCount", "4", "tutors:backendDesiredCount", "4"),
                "min = max = desired");
        assertEquals(
                List.of(),
                problems("prod", "tutors:backendMinCount", "1", "tutors:backendDesiredCount", "1"),
                "desired at min");
        assertEquals(List.of(), problems("prod", "tutors:backendDesiredCount", "4"), "desired at max");
        assertEquals(
                List.of(
                        "tutors:backendDesiredCount = '0': outside tutors:backendMinCount..tutors:backendMaxCount (1..4); "
                                + "allowed: 1 to 4"),
                problems("prod", "tutors:backendDesiredCount", "0"));
        assertEquals(
                List.of(
                        "tutors:backendDesiredCount = '5': outside tutors:backendMinCount..tutors:backendMaxCount (1..4); "
                                + "allowed: 1 to 4"),
                problems("prod", "tutors:backendDesiredCount", "5"));
    }

    @Test
    void connectionStringsEncodeEveryCharacterButTheUnreservedOnes() {
        assertEquals("azAZ09-._~", com.tutors.infra.data.ConnectionStringsAccess.encode("azAZ09-._~"));
        // The neighbours of each unreserved range: ` { @ [ / : and the rest
        assertEquals(
                "%60%7B%40%5B%2F%3A%2C%20%25%C3%A9",
                com.tutors.infra.data.ConnectionStringsAccess.encode("`{@[/:, %é"));
    }

    @Test
    void moreEdgesTheMutationReportFound() {
        assertEquals(
                List.of(
                        "tutors:dbPassword = [secret]: holds a character RDS refuses; allowed: printable ASCII except '/', "
                                + "'@', '\"' and space"),
                problems("prod", "tutors:dbPassword", "with a space 0123456"),
                "a space");
        assertEquals(
                List.of("tutors:redisEngine = 'memcached': unknown cache engine; allowed: redis, valkey"),
                problems("prod", "tutors:redisEngine", "memcached"));
        assertEquals(
                List.of(
                        "tutors:publicSubnetCidrs: 10.9.1.0/24 is outside the VPC block 10.0.0.0/16; allowed: subnets inside "
                                + "tutors:vpcCidr"),
                problems("prod", "tutors:publicSubnetCidrs", "[\"10.9.1.0/24\",\"10.0.2.0/24\"]"));
        assertEquals(
                List.of("tutors:publicSubnetCidrs = '[1,2]': list items must be strings like \"10.0.1.0/24\""),
                problems("prod", "tutors:publicSubnetCidrs", "[1,2]"));
        assertEquals(
                List.of("tutors:wafBlockedCountries = 'KP': not a list; allowed: a list such as [\"KP\", \"IR\"]"),
                problems("prod", "tutors:wafBlockedCountries", "KP"));
        // A key that failed is not checked against another: only its own problem, not a second one made
        // from the default it falls back to (20 GB, against which 21 would be below 110%).
        assertEquals(
                List.of("tutors:dbAllocatedStorage = 'lots': not a whole number"),
                problems("prod", "tutors:dbAllocatedStorage", "lots", "tutors:dbMaxAllocatedStorage", "21"));
        assertEquals(
                "not an IPv6 CIDR block: /56",
                assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("/56", 0))
                        .getMessage());
    }
}
