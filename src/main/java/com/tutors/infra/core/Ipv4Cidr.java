package com.tutors.infra.core;

import java.util.regex.Pattern;

/**
 * An IPv4 network in CIDR notation. Pure value type: parsing rejects anything AWS would reject or
 * silently rewrite (bad octets, a prefix out of range, host bits set).
 */
public record Ipv4Cidr(long network, int prefix) {

    private static final Pattern SHAPE =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32");
        }
        if ((network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("host bits set");
        }
    }

    /**
     * @return the parsed block
     * @throws IllegalArgumentException with a message that says what is wrong with {@code text}
     */
    public static Ipv4Cidr parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 CIDR block like 10.0.0.0/16");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " is over 255");
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("prefix /" + prefix + " is over /32");
        }
        long networkPart = address & mask(prefix);
        if (networkPart != address) {
            throw new IllegalArgumentException(
                    "host bits are set; the network address is " + new Ipv4Cidr(networkPart, prefix));
        }
        return new Ipv4Cidr(address, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return network + size() - 1;
    }

    public boolean contains(Ipv4Cidr other) {
        return other.network >= network && other.last() <= last();
    }

    public boolean overlaps(Ipv4Cidr other) {
        return network <= other.last() && other.network <= last();
    }

    @Override
    public String toString() {
        return ((network >> 24) & 0xFF) + "." + ((network >> 16) & 0xFF) + "." + ((network >> 8) & 0xFF) + "."
                + (network & 0xFF) + "/" + prefix;
    }
}
