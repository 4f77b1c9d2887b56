package com.tutors.infra.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan's security-group matrix as data: who may talk to whom, on which TCP port. Everything not
 * listed is closed, including egress (Pulumi's SecurityGroup drops AWS's default allow-all egress).
 */
public final class SecurityRules {
    private SecurityRules() {
    }

    /** The four groups, by the keys of the {@code securityGroupIds} output. */
    public static final String ALB = "alb";
    public static final String ECS = "ecs";
    public static final String RDS = "rds";
    public static final String REDIS = "redis";
    public static final List<String> GROUPS = List.of(ALB, ECS, RDS, REDIS);

    public static final int HTTP = 80;
    public static final int HTTPS = 443;
    public static final int BACKEND = 8000;
    public static final int FRONTEND = 3000;
    public static final int POSTGRES = 5432;
    public static final int REDIS_PORT = 6379;

    public static final String ANY_IPV4 = "0.0.0.0/0";
    public static final String ANY_IPV6 = "::/0";

    public enum Direction { INGRESS, EGRESS }

    /**
     * One TCP rule on {@code group}. Exactly one of {@code peerGroup} (another of the four groups) and
     * {@code peerCidr} is set.
     */
    public record Rule(String group, Direction direction, int port, String peerGroup, String peerCidr,
                       String description) {

        /** A stable, unique logical name: renaming it would replace the rule. */
        public String part() {
            var peer = peerGroup != null ? peerGroup : peerCidr.contains(":") ? "ipv6" : "ipv4";
            return "sg-" + group + (direction == Direction.INGRESS ? "-in-" : "-out-") + port + "-" + peer;
        }
    }

    public static List<Rule> rules(boolean ipv6) {
        var rules = new ArrayList<Rule>();
        for (int port : new int[]{HTTP, HTTPS}) {
            rules.add(fromCidr(ALB, port, ANY_IPV4, "Public web traffic"));
            if (ipv6) {
                rules.add(fromCidr(ALB, port, ANY_IPV6, "Public web traffic over IPv6"));
            }
        }
        for (int port : new int[]{BACKEND, FRONTEND}) {
            var app = port == BACKEND ? "backend (gunicorn)" : "frontend (Next.js)";
            rules.add(new Rule(ALB, Direction.EGRESS, port, ECS, null, "ALB to the " + app + " tasks"));
            rules.add(new Rule(ECS, Direction.INGRESS, port, ALB, null, "The " + app + " from the ALB only"));
        }
        rules.add(new Rule(ECS, Direction.EGRESS, HTTPS, null, ANY_IPV4,
                "HTTPS out through NAT: ECR, Secrets Manager, CloudWatch Logs, S3, third-party APIs"));
        rules.add(new Rule(ECS, Direction.EGRESS, POSTGRES, RDS, null, "Tasks to PostgreSQL"));
        rules.add(new Rule(ECS, Direction.EGRESS, REDIS_PORT, REDIS, null, "Tasks to Redis"));
        rules.add(new Rule(RDS, Direction.INGRESS, POSTGRES, ECS, null, "PostgreSQL from the ECS tasks only"));
        rules.add(new Rule(REDIS, Direction.INGRESS, REDIS_PORT, ECS, null, "Redis from the ECS tasks only"));
        return List.copyOf(rules);
    }

    private static Rule fromCidr(String group, int port, String cidr, String description) {
        return new Rule(group, Direction.INGRESS, port, null, cidr, description);
    }
}
