package com.tutors.infra.network;

import com.tutors.infra.core.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's security-group matrix as data: who may talk to whom, on which TCP port. Everything not
 * listed is closed, including egress (Pulumi's SecurityGroup drops AWS's default allow-all egress).
 */
public final class SecurityRules {
    private SecurityRules() {}

    /** The four groups; {@link #id()} keys the {@code securityGroupIds} output and names the group. */
    public enum Group {
        ALB("alb", "Application Load Balancer: HTTP and HTTPS from the internet"),
        ECS("ecs", "ECS tasks: app ports from the ALB only"),
        RDS("rds", "RDS PostgreSQL: 5432 from the ECS tasks only"),
        REDIS("redis", "ElastiCache Redis: 6379 from the ECS tasks only");

        private final String id;
        private final String description;

        Group(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    public static final String ANY_IPV4 = "0.0.0.0/0";
    public static final String ANY_IPV6 = "::/0";

    public enum Direction {
        INGRESS,
        EGRESS
    }

    /** The other side of a rule: one of the four groups, or an address block. */
    public sealed interface Peer permits GroupPeer, CidrPeer, PrefixListPeer {
        /** The part of the rule's logical name that names the peer. */
        String part();
    }

    public record GroupPeer(Group group) implements Peer {
        @Override
        public String part() {
            return group.id();
        }
    }

    public record CidrPeer(String block) implements Peer {
        public boolean ipv6() {
            return block.contains(":");
        }

        @Override
        public String part() {
            return ipv6() ? "ipv6" : "ipv4";
        }
    }

    /** A managed prefix list, such as CloudFront's origin-facing servers. */
    public record PrefixListPeer(String part) implements Peer {}

    /** One TCP rule on {@code group}. */
    public record Rule(Group group, Direction direction, int port, Peer peer, String description) {

        /** A stable, unique logical name: renaming it would replace the rule. */
        public String part() {
            return "sg-" + group.id() + (direction == Direction.INGRESS ? "-in-" : "-out-") + port + "-" + peer.part();
        }
    }

    /** The matrix with the load balancer open to everyone (no CDN in front, or not locked to it yet). */
    public static List<Rule> rules(boolean ipv6) {
        return rules(ipv6, false);
    }

    /**
     * @param cloudFrontOnly behind a locked CDN: the load balancer admits HTTPS from CloudFront's
     *                       origin-facing prefix list only (CloudFront reaches it over HTTPS; port 80 is
     *                       not needed). The list counts as about 55 rules of the group's 60.
     */
    public static List<Rule> rules(boolean ipv6, boolean cloudFrontOnly) {
        var rules = new ArrayList<Rule>();
        if (cloudFrontOnly) {
            rules.add(new Rule(
                    Group.ALB,
                    Direction.INGRESS,
                    Ports.HTTPS,
                    new PrefixListPeer("cloudfront"),
                    "HTTPS from CloudFront's origin-facing servers only"));
        } else {
            for (int port : new int[] {Ports.HTTP, Ports.HTTPS}) {
                rules.add(fromCidr(Group.ALB, port, ANY_IPV4, "Public web traffic"));
                if (ipv6) {
                    rules.add(fromCidr(Group.ALB, port, ANY_IPV6, "Public web traffic over IPv6"));
                }
            }
        }
        for (int port : new int[] {Ports.BACKEND, Ports.FRONTEND}) {
            var app = port == Ports.BACKEND ? "backend (gunicorn)" : "frontend (Next.js)";
            rules.add(between(Group.ALB, Direction.EGRESS, port, Group.ECS, "ALB to the " + app + " tasks"));
            rules.add(between(Group.ECS, Direction.INGRESS, port, Group.ALB, "The " + app + " from the ALB only"));
        }
        // The private path: the frontend's server-side calls reach the backend inside the VPC (Cloud Map DNS).
        rules.add(
                between(Group.ECS, Direction.EGRESS, Ports.BACKEND, Group.ECS, "Tasks to the backend, inside the VPC"));
        rules.add(between(
                Group.ECS, Direction.INGRESS, Ports.BACKEND, Group.ECS, "The backend from the stack's own tasks"));
        rules.add(new Rule(
                Group.ECS,
                Direction.EGRESS,
                Ports.HTTPS,
                new CidrPeer(ANY_IPV4),
                "HTTPS out through NAT: ECR, Secrets Manager, CloudWatch Logs, S3, third-party APIs"));
        rules.add(between(Group.ECS, Direction.EGRESS, Ports.POSTGRES, Group.RDS, "Tasks to PostgreSQL"));
        rules.add(between(Group.ECS, Direction.EGRESS, Ports.REDIS, Group.REDIS, "Tasks to Redis"));
        rules.add(
                between(Group.RDS, Direction.INGRESS, Ports.POSTGRES, Group.ECS, "PostgreSQL from the ECS tasks only"));
        rules.add(between(Group.REDIS, Direction.INGRESS, Ports.REDIS, Group.ECS, "Redis from the ECS tasks only"));
        return List.copyOf(rules);
    }

    private static Rule between(Group group, Direction direction, int port, Group peer, String description) {
        return new Rule(group, direction, port, new GroupPeer(peer), description);
    }

    private static Rule fromCidr(Group group, int port, String cidr, String description) {
        return new Rule(group, Direction.INGRESS, port, new CidrPeer(cidr), description);
    }
}
