package com.tutors.infra.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tutors.infra.network.NetworkAcls.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The subnets' ACL, entry by entry, written out here: everything from the VPC; from anywhere every
 * TCP/UDP port but SSH (22) and RDP (3389), and ICMP; every egress. Rule numbers are part of each
 * entry's identity on a running stack, so they are pinned too.
 */
class NetworkAclsTest {
    private static final String V4 = "0.0.0.0/0";
    private static final String V6 = "::/0";

    @Test
    void ingressAdmitsTheVpcAndEverythingButSshAndRdpFromAnywhere() {
        var v4 = List.of(
                new Entry(100, "-1", 0, 0, "10.0.0.0/16", false),
                new Entry(110, "6", 0, 21, V4, false),
                new Entry(111, "6", 23, 3388, V4, false),
                new Entry(112, "6", 3390, 65535, V4, false),
                new Entry(113, "17", 0, 21, V4, false),
                new Entry(114, "17", 23, 3388, V4, false),
                new Entry(115, "17", 3390, 65535, V4, false),
                new Entry(116, "1", 0, 0, V4, false));
        assertEquals(v4, NetworkAcls.ingress("10.0.0.0/16", false));
        var v6 = new java.util.ArrayList<>(v4);
        v6.addAll(List.of(
                new Entry(200, "6", 0, 21, V6, true),
                new Entry(201, "6", 23, 3388, V6, true),
                new Entry(202, "6", 3390, 65535, V6, true),
                new Entry(203, "17", 0, 21, V6, true),
                new Entry(204, "17", 23, 3388, V6, true),
                new Entry(205, "17", 3390, 65535, V6, true),
                new Entry(206, "58", 0, 0, V6, true)));
        assertEquals(v6, NetworkAcls.ingress("10.0.0.0/16", true));
    }

    @Test
    void onlyIcmpAndIcmpv6EntriesAreIcmp() {
        // The component gives these a type and code of -1 (all), and ports to the others.
        for (var protocol : List.of("1", "58")) {
            assertEquals(true, new Entry(1, protocol, 0, 0, V4, false).icmp(), protocol);
        }
        for (var protocol : List.of("6", "17", "-1")) {
            assertEquals(false, new Entry(1, protocol, 0, 0, V4, false).icmp(), protocol);
        }
    }

    @Test
    void egressIsOpenInEachFamilyTheVpcHas() {
        assertEquals(List.of(new Entry(100, "-1", 0, 0, V4, false)), NetworkAcls.egress(false));
        assertEquals(
                List.of(new Entry(100, "-1", 0, 0, V4, false), new Entry(101, "-1", 0, 0, V6, true)),
                NetworkAcls.egress(true));
    }
}
