package com.tutors.infra.plan;

import com.tutors.infra.core.Phase;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Mermaid architecture diagram drawn from the resources the program declares: phases as groups,
 * a node for each kind of component present, and the request path between them. The README's
 * picture is this output, and a test keeps the two equal.
 */
public final class Diagram {
    private Diagram() {}

    private record Node(String id, int phase, String label, String shape) {}

    public static String mermaid(OfflineRun.Result result) {
        var res = result.resources();
        var nodes = new ArrayList<Node>();
        var present = new LinkedHashMap<String, Boolean>();
        var nat = count(res, "aws:ec2/natGateway:NatGateway");
        add(
                nodes,
                present,
                res,
                "vpc",
                1,
                "VPC " + one(res, "aws:ec2/vpc:Vpc", "cidrBlock") + ", " + count(res, "aws:ec2/subnet:Subnet") / 2
                        + " AZs",
                "[",
                type("aws:ec2/vpc:Vpc"));
        // A NAT instance's reboot alarm is phase 1's own recovery, not one of phase 6's alarms.
        long instances = count(res, "aws:ec2/instance:Instance");
        add(
                nodes,
                present,
                res,
                "nat",
                1,
                nat > 0 ? "NAT gateway x" + nat : "NAT instance x" + instances + ", self-rebooting",
                "[",
                type("aws:ec2/natGateway:NatGateway").or(type("aws:ec2/instance:Instance")));
        add(
                nodes,
                present,
                res,
                "rds",
                2,
                "RDS PostgreSQL " + one(res, "aws:rds/instance:Instance", "instanceClass"),
                "[(",
                type("aws:rds/instance:Instance"));
        add(nodes, present, res, "redis", 2, "ElastiCache Redis " + one(res, REDIS, "nodeType"), "[(", type(REDIS));
        add(nodes, present, res, "secrets", 2, "Secrets Manager x" + count(res, SECRET), "[", type(SECRET));
        add(nodes, present, res, "media", 3, "S3 media", "[(", type(BUCKET).and(named("-media")));
        add(nodes, present, res, "static", 3, "S3 static", "[(", type(BUCKET).and(named("-static")));
        add(nodes, present, res, "ecr", 3, "ECR backend, frontend", "[(", type("aws:ecr/repository:Repository"));
        add(
                nodes,
                present,
                res,
                "frontend",
                4,
                "ECS frontend" + port(res, "-frontend"),
                "[",
                type(SERVICE).and(named("-frontend")));
        add(
                nodes,
                present,
                res,
                "backend",
                4,
                "ECS backend" + port(res, "-backend"),
                "[",
                type(SERVICE).and(named("-backend")));
        add(
                nodes,
                present,
                res,
                "migrate",
                4,
                "migrate task",
                "[",
                type("aws:ecs/taskDefinition:TaskDefinition").and(named("-migrate")));
        add(
                nodes,
                present,
                res,
                "workers",
                4,
                "ECS workers: " + names(res, SERVICE, "-worker-"),
                "[",
                type(SERVICE).and(r -> r.name().contains("-worker-")));
        add(
                nodes,
                present,
                res,
                "jobs",
                4,
                "scheduled jobs: " + names(res, "aws:scheduler/schedule:Schedule", "-job-"),
                "[",
                type("aws:scheduler/schedule:Schedule").and(r -> r.name().contains("-job-")));
        add(nodes, present, res, "dns", 5, "Route 53", "[", type("aws:route53/record:Record"));
        add(nodes, present, res, "alb", 5, "ALB " + one(res, ALB, "ipAddressType"), "[", type(ALB));
        add(
                nodes,
                present,
                res,
                "mail",
                5,
                "SES mail (DKIM, SPF, DMARC)",
                "[",
                type("aws:sesv2/emailIdentity:EmailIdentity"));
        add(nodes, present, res, "cdn", 6, "CloudFront", "[", type("aws:cloudfront/distribution:Distribution"));
        add(nodes, present, res, "waf", 6, "WAF", "[", type("aws:wafv2/webAcl:WebAcl"));
        add(
                nodes,
                present,
                res,
                "alarms",
                6,
                "CloudWatch alarms x"
                        + res.stream()
                                .filter(type(ALARM))
                                .filter(r -> r.phase() == 6)
                                .count(),
                "[",
                type(ALARM).and(r -> r.phase() == 6));

        var out = new StringBuilder("flowchart LR\n");
        out.append("  users((Users))\n");
        for (var phase : Phase.values()) {
            var inPhase =
                    nodes.stream().filter(n -> n.phase() == phase.number()).toList();
            if (inPhase.isEmpty()) {
                continue;
            }
            out.append("  subgraph p")
                    .append(phase.number())
                    .append("[\"Phase ")
                    .append(phase.number())
                    .append(' ')
                    .append(phase.title())
                    .append("\"]\n");
            for (var n : inPhase) {
                var close = n.shape().equals("[(") ? ")]" : "]";
                out.append("    ")
                        .append(n.id())
                        .append(n.shape())
                        .append('"')
                        .append(n.label())
                        .append('"')
                        .append(close)
                        .append('\n');
            }
            out.append("  end\n");
        }
        // The request path, then what the services use; an edge is drawn when both ends are declared.
        present.put("users", true);
        var edges = new ArrayList<String>();
        edges.add("users --> " + (present.containsKey("dns") ? "dns" : "alb"));
        edges.addAll(
                present.containsKey("cdn")
                        ? List.of(
                                "dns --> cdn", "cdn --> alb", "cdn --> static", "cdn --> media", "waf -. guards .- cdn")
                        : List.of("dns --> alb", "waf -. guards .- alb"));
        edges.addAll(List.of(
                "alb -- \"/\" --> frontend",
                "alb -- \"/api, /admin\" --> backend",
                "backend --> rds",
                "backend --> redis",
                "backend --> media",
                "backend --> static",
                "migrate --> rds",
                "backend -. env .- secrets",
                "frontend -. env .- secrets",
                "ecr -. images .- backend",
                "ecr -. images .- frontend",
                "backend --> nat",
                "nat --> vpc",
                "backend -- \"HTTPS API\" --> mail",
                "mail -. bounces .- alarms",
                "alarms -. watch .- alb",
                "frontend -- \"server side, private DNS\" --> backend",
                "workers --> redis",
                "workers --> rds",
                "jobs --> rds",
                "jobs -. failures .- alarms"));
        edges.stream()
                .filter(e -> present.keySet().containsAll(endpoints(e)))
                .forEach(e -> out.append("  ").append(e).append('\n'));
        return out.toString();
    }

    private static List<String> endpoints(String edge) {
        var parts = edge.split(" ");
        return List.of(parts[0], parts[parts.length - 1]);
    }

    private static final String REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
    private static final String SECRET = "aws:secretsmanager/secret:Secret";
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private static Predicate<PlannedResource> type(String type) {
        return r -> r.type().equals(type);
    }

    private static Predicate<PlannedResource> named(String suffix) {
        return r -> r.name().endsWith(suffix);
    }

    /** A node for a kind of component, when the program declares one. */
    private static void add(
            List<Node> nodes,
            Map<String, Boolean> present,
            List<PlannedResource> res,
            String id,
            int phase,
            String label,
            String shape,
            Predicate<PlannedResource> which) {
        if (res.stream().anyMatch(which)) {
            nodes.add(new Node(id, phase, label, shape));
            present.put(id, true);
        }
    }

    /** The names after {@code marker} of the resources of a type, as a list: celery, beat. */
    private static String names(List<PlannedResource> res, String type, String marker) {
        return String.join(
                ", ",
                res.stream()
                        .filter(r -> r.type().equals(type) && r.name().contains(marker))
                        .map(r -> r.name().substring(r.name().indexOf(marker) + marker.length()))
                        .sorted()
                        .toList());
    }

    private static long count(List<PlannedResource> res, String type) {
        return res.stream().filter(r -> r.type().equals(type)).count();
    }

    private static String one(List<PlannedResource> res, String type, String input) {
        return res.stream()
                .filter(r -> r.type().equals(type))
                .map(r -> String.valueOf(r.input(input)))
                .findFirst()
                .orElse("");
    }

    /** The container port a web service's load balancer targets, as " :port" (empty without one). */
    private static String port(List<PlannedResource> res, String suffix) {
        return res.stream()
                .filter(r -> r.type().equals(SERVICE) && r.name().endsWith(suffix))
                .map(r -> r.input("loadBalancers"))
                .filter(l -> l instanceof List<?> list && !list.isEmpty())
                .map(l -> ((Map<?, ?>) ((List<?>) l).get(0)).get("containerPort"))
                .map(p -> " :" + (p instanceof Number n ? String.valueOf(n.intValue()) : String.valueOf(p)))
                .findFirst()
                .orElse("");
    }
}
