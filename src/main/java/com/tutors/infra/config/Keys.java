package com.tutors.infra.config;

import java.util.List;
import java.util.Optional;

/**
 * Every configuration key the program reads, with its per-environment default. Defaults are written
 * as the strings a user would type, and go through the same parser and validation as user input.
 */
public final class Keys {
    private Keys() {
    }

    public static final String PROJECT = "tutors";

    private static Key tutors(String name, String description, String prod, String staging) {
        return new Key(PROJECT, name, description, prod, staging, false);
    }

    public static final Key ENVIRONMENT = tutors("environment",
            "Environment name used in every resource name (tutors-<env>-<part>) and tag: one of "
                    + Environment.allowed() + ". Defaults to the stack name.",
            null, null);
    public static final Key LAST_PHASE = tutors("lastPhase",
            "Declare phases 1..N only (1 Foundation, 2 Data, 3 Storage, 4 Compute, 5 Edge, 6 Optimization).",
            "6", "6");
    public static final Key VPC_CIDR = tutors("vpcCidr",
            "IPv4 block of the VPC, /16 to /28.",
            "10.0.0.0/16", "10.0.0.0/16");
    public static final Key PUBLIC_SUBNET_CIDRS = tutors("publicSubnetCidrs",
            "Public subnets (ALB, NAT), one per availability zone, inside vpcCidr; a list of at least 2.",
            "[\"10.0.1.0/24\",\"10.0.2.0/24\"]", "[\"10.0.1.0/24\",\"10.0.2.0/24\"]");
    public static final Key PRIVATE_SUBNET_CIDRS = tutors("privateSubnetCidrs",
            "Private subnets (ECS tasks, RDS, Redis), one per availability zone, as many as the public ones.",
            "[\"10.0.10.0/24\",\"10.0.20.0/24\"]", "[\"10.0.10.0/24\",\"10.0.20.0/24\"]");
    public static final Key NAT_MODE = tutors("natMode",
            "Outbound internet for the private subnets: gateway-per-az (one NAT gateway per AZ, HA), "
                    + "gateway-single (one NAT gateway), instance (one t4g.nano NAT instance, cheapest).",
            "gateway-per-az", "instance");
    public static final Key IPV6 = tutors("ipv6",
            "Give the VPC an Amazon-provided IPv6 block and the public subnets a /64 each, so the ALB can be dual-stack.",
            "true", "true");

    public static final Key AWS_REGION = new Key("aws", "region",
            "AWS region of every regional resource.", "eu-central-1", "eu-central-1", false);
    public static final Key AWS_PROFILE = new Key("aws", "profile",
            "Optional named profile from ~/.aws/config for the program's AWS provider.", null, null, false);

    /** In the order the README documents them. */
    public static final List<Key> ALL = List.of(
            ENVIRONMENT, LAST_PHASE, VPC_CIDR, PUBLIC_SUBNET_CIDRS, PRIVATE_SUBNET_CIDRS, NAT_MODE, IPV6,
            AWS_REGION, AWS_PROFILE);

    public static Optional<Key> byFullName(String fullName) {
        return ALL.stream().filter(k -> k.fullName().equals(fullName)).findFirst();
    }
}
