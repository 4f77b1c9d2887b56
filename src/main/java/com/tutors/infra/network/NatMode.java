package com.tutors.infra.network;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the private subnets reach the internet (ECR, Secrets Manager, CloudWatch Logs, third-party APIs). */
public enum NatMode {
    /** One managed NAT gateway per AZ: an AZ outage does not cut the other AZ off. */
    GATEWAY_PER_AZ("gateway-per-az"),
    /** One managed NAT gateway in the first public subnet: the seed plan's default. */
    GATEWAY_SINGLE("gateway-single"),
    /** One t4g.nano NAT instance: about $5/month instead of about $35, no managed failover. */
    INSTANCE("instance"),
    /** One self-recovering t4g.nano NAT instance per AZ: two-AZ egress for about $9/month instead of $76. */
    INSTANCE_PER_AZ("instance-per-az");

    private final String id;

    NatMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<NatMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(NatMode::id).collect(Collectors.joining(", "));
    }
}
