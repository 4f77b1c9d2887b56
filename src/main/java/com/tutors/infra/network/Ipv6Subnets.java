package com.tutors.infra.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv6 subnet arithmetic (Terraform's {@code cidrsubnet}) for the /64 subnets carved from the /56
 * that AWS assigns to a VPC. The block is only known at deploy time, so this runs inside an apply.
 */
public final class Ipv6Subnets {
    private Ipv6Subnets() {}

    /** The {@code index}-th /64 of a VPC's /56, in RFC 5952 text form (what AWS returns, so no diff). */
    public static String slash64(String vpcBlock, int index) {
        var slash = vpcBlock.indexOf('/');
        if (slash <= 0) { // no slash, or nothing before it
            throw new IllegalArgumentException("not an IPv6 CIDR block: " + vpcBlock);
        }
        int prefix = Integer.parseInt(vpcBlock.substring(slash + 1));
        if (prefix > 64) {
            throw new IllegalArgumentException("a /" + prefix + " holds no /64");
        }
        int newBits = 64 - prefix;
        if (index < 0 || index >= (1L << newBits)) {
            throw new IllegalArgumentException(
                    "a /" + prefix + " holds " + (1L << newBits) + " /64 subnets, not " + (index + 1));
        }
        var base = new BigInteger(1, literal(vpcBlock.substring(0, slash)));
        var subnet = base.add(BigInteger.valueOf(index).shiftLeft(64));
        return format(subnet) + "/64";
    }

    private static byte[] literal(String address) {
        if (!address.contains(":")) {
            throw new IllegalArgumentException("not an IPv6 address: " + address);
        }
        try {
            // A literal never triggers a DNS lookup.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + address, e);
        }
    }

    /** RFC 5952: lowercase hex, no leading zeros, the longest run (>= 2) of zero groups as "::". */
    static String format(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = value.intValue() & 0xFFFF;
            value = value.shiftRight(16);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
