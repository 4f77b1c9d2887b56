package com.tutors.infra.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Ipv6SubnetsTest {

    @Test
    void carvesConsecutiveSlash64sFromTheVpcBlock() {
        assertEquals("2a05:d014:abc:de00::/64", Ipv6Subnets.slash64("2a05:d014:abc:de00::/56", 0));
        assertEquals("2a05:d014:abc:de01::/64", Ipv6Subnets.slash64("2a05:d014:abc:de00::/56", 1));
        assertEquals("2a05:d014:abc:deff::/64", Ipv6Subnets.slash64("2a05:d014:abc:de00::/56", 255));
    }

    @Test
    void aSlash56HoldsOnly256() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("2a05:d014:abc:de00::/56", 256));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Subnets.slash64("10.0.0.0/16", 0));
    }

    @Test
    void formatsLikeRfc5952() {
        assertEquals("::", Ipv6Subnets.format(BigInteger.ZERO));
        assertEquals("2001:db8::1", Ipv6Subnets.format(new BigInteger("20010db8000000000000000000000001", 16)));
        // The longest run of zeros is compressed, a single zero group is not.
        assertEquals("2001:0:0:1::1", Ipv6Subnets.format(new BigInteger("20010000000000010000000000000001", 16)));
        assertEquals(
                "2001:db8:0:1:1:1:1:1", Ipv6Subnets.format(new BigInteger("20010db8000000010001000100010001", 16)));
    }
}
