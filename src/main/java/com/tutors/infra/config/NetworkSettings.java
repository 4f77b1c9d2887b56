package com.tutors.infra.config;

import com.tutors.infra.network.Ipv4Cidr;

import java.util.List;

/**
 * Phase 1's validated inputs. Subnet {@code i} of each list sits in availability zone {@code i}.
 */
public record NetworkSettings(Ipv4Cidr vpcCidr,
                              List<Ipv4Cidr> publicSubnets,
                              List<Ipv4Cidr> privateSubnets,
                              NatMode natMode,
                              boolean ipv6) {

    public NetworkSettings {
        publicSubnets = List.copyOf(publicSubnets);
        privateSubnets = List.copyOf(privateSubnets);
    }

    public int azCount() {
        return publicSubnets.size();
    }
}
