package com.tutors.infra.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv4CidrTest {

    @Test
    void parsesAndPrintsTheSameBlock() {
        var cidr = Ipv4Cidr.parse("10.0.10.0/24");
        assertEquals("10.0.10.0/24", cidr.toString());
        assertEquals(256, cidr.size());
        assertEquals(Ipv4Cidr.parse("0.0.0.0/0").size(), 1L << 32);
    }

    @Test
    void containmentAndOverlap() {
        var vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertTrue(vpc.contains(Ipv4Cidr.parse("10.0.255.0/24")));
        assertFalse(vpc.contains(Ipv4Cidr.parse("10.1.0.0/24")));
        assertFalse(vpc.contains(Ipv4Cidr.parse("10.0.0.0/15")));
        assertTrue(Ipv4Cidr.parse("10.0.1.0/24").overlaps(Ipv4Cidr.parse("10.0.1.128/25")));
        assertFalse(Ipv4Cidr.parse("10.0.1.0/24").overlaps(Ipv4Cidr.parse("10.0.2.0/24")));
    }

    @Test
    void rejectsWhatAwsWouldRejectOrRewrite() {
        assertEquals(
                "host bits are set; the network address is 10.0.1.0/24",
                assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.0.1.7/24"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.0.1.0"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.0.1.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("256.0.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse(" "));
    }
}
