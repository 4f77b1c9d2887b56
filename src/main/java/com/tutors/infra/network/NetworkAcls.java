package com.tutors.infra.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The subnets' network ACL as data (Security Hub EC2.21: no ACL may admit SSH or RDP from anywhere).
 * An allow rule from 0.0.0.0/0 or ::/0 must not cover ports 22 or 3389 at all, so TCP and UDP from
 * anywhere are allowed in three ranges around them; everything inside the VPC, ICMP and all egress are
 * allowed; the rest falls to the ACL's implicit deny. Security groups still do the real filtering.
 *
 * <p>Return traffic of connections this VPC opens arrives on ephemeral ports: a NAT gateway picks its
 * source ports from 1024-65535, so a connection that happens to get port 3389 gets no answer and is
 * retried by the client (about one in 64,000).
 */
public final class NetworkAcls {
    private NetworkAcls() {}

    public record Entry(int ruleNo, String protocol, int fromPort, int toPort, String cidr, boolean ipv6) {
        public boolean icmp() {
            return protocol.equals("1") || protocol.equals("58");
        }
    }

    /** Ranges of TCP/UDP ports allowed from anywhere: all but 22 (SSH) and 3389 (RDP). */
    static final List<int[]> OPEN_RANGES = List.of(new int[] {0, 21}, new int[] {23, 3388}, new int[] {3390, 65535});

    public static List<Entry> ingress(String vpcCidr, boolean ipv6) {
        var out = new ArrayList<Entry>();
        out.add(new Entry(100, "-1", 0, 0, vpcCidr, false));
        int rule = 110;
        for (var protocol : List.of("6", "17")) {
            for (var range : OPEN_RANGES) {
                out.add(new Entry(rule++, protocol, range[0], range[1], SecurityRules.ANY_IPV4, false));
            }
        }
        out.add(new Entry(rule, "1", 0, 0, SecurityRules.ANY_IPV4, false)); // ICMP: path MTU discovery
        if (ipv6) {
            rule = 200;
            for (var protocol : List.of("6", "17")) {
                for (var range : OPEN_RANGES) {
                    out.add(new Entry(rule++, protocol, range[0], range[1], SecurityRules.ANY_IPV6, true));
                }
            }
            out.add(new Entry(rule, "58", 0, 0, SecurityRules.ANY_IPV6, true)); // ICMPv6
        }
        return List.copyOf(out);
    }

    public static List<Entry> egress(boolean ipv6) {
        var out = new ArrayList<Entry>();
        out.add(new Entry(100, "-1", 0, 0, SecurityRules.ANY_IPV4, false));
        if (ipv6) {
            out.add(new Entry(101, "-1", 0, 0, SecurityRules.ANY_IPV6, true));
        }
        return List.copyOf(out);
    }
}
