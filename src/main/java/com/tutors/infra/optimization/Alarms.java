package com.tutors.infra.optimization;

import com.tutors.infra.core.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alarms of phase 6 as data. Missing data is treated on purpose: traffic-driven counts
 * (5xx, unhealthy hosts) are "notBreaching" (no requests, no errors); "no healthy host" is
 * "breaching" (silence there means nothing is serving); utilisation of always-on resources is
 * "missing" (keep the state through maintenance gaps).
 *
 * @param dimensions what the alarm watches; the component fills in the ids
 * @param per        a ratio alarm's denominator: the same namespace and dimensions' metric (Sum), the alarm then
 *                   watching {@code 100 * metric / per} in percent, and nothing below {@link #RATE_MIN_REQUESTS}
 */
public record Alarms(
        String part,
        String description,
        String namespace,
        String metric,
        String statistic,
        String comparison,
        double threshold,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        String missingData,
        List<Dimension> dimensions,
        Optional<String> per) {

    /** A single-metric alarm. */
    public Alarms(
            String part,
            String description,
            String namespace,
            String metric,
            String statistic,
            String comparison,
            double threshold,
            int periodSeconds,
            int evaluationPeriods,
            int datapointsToAlarm,
            String missingData,
            List<Dimension> dimensions) {
        this(
                part,
                description,
                namespace,
                metric,
                statistic,
                comparison,
                threshold,
                periodSeconds,
                evaluationPeriods,
                datapointsToAlarm,
                missingData,
                dimensions,
                Optional.empty());
    }

    /**
     * A ratio alarm counts only minutes with at least this many requests: on a quiet stack one error in
     * three requests is not an outage, and a deployment checked then proves nothing either way.
     */
    public static final int RATE_MIN_REQUESTS = 20;

    /** The ratio alarm's metric math: missing errors are zero, and too few requests read as zero. */
    public String expression() {
        return "IF(m2 >= " + RATE_MIN_REQUESTS + ", 100 * FILL(m1, 0) / m2, 0)";
    }

    /** One CloudWatch dimension of an alarm: what it is called, and which resource's id it takes. */
    public sealed interface Dimension permits Watched, Fixed, CacheNode, ServiceOf, TargetGroupOf {
        String cloudWatchName();
    }

    /** A dimension whose value is one id of the stack. */
    public enum Watched implements Dimension {
        CLUSTER("ClusterName"),
        /** CloudWatch wants the ARN suffix (app/...): a full ARN never matches. */
        LOAD_BALANCER("LoadBalancer"),
        DB("DBInstanceIdentifier"),
        /** us-east-1 only: CloudFront publishes its metrics there. */
        DISTRIBUTION("DistributionId"),
        /** The web ACL's name, for WAF's metrics (us-east-1 for a CLOUDFRONT web ACL). */
        WEB_ACL("WebACL"),
        /** SES's reputation metrics of one configuration set (reputation metrics on). */
        MAIL_CONFIGURATION_SET("ses:configuration-set");

        private final String cloudWatchName;

        Watched(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        @Override
        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    /** The ECS service of a part (phase 4's). */
    public record ServiceOf(String part) implements Dimension {
        @Override
        public String cloudWatchName() {
            return "ServiceName";
        }
    }

    /** The target group of a web service's part (phase 5's), by its ARN suffix. */
    public record TargetGroupOf(String part) implements Dimension {
        @Override
        public String cloudWatchName() {
            return "TargetGroup";
        }
    }

    /**
     * A service the alarms watch, from phase 4's outputs: every one gets CPU and memory alarms, a web
     * service its targets' 5xx and health alarms too.
     */
    public record Service(String part, boolean web) {}

    /** A dimension with a constant value (CloudFront's Region=Global, WAF's Rule=ALL). */
    public record Fixed(String cloudWatchName, String value) implements Dimension {}

    /** One node of the replication group, numbered from 1 as ElastiCache names them ({@code <group>-001}). */
    public record CacheNode(int number) implements Dimension {
        public String suffix() {
            return String.format("%03d", number);
        }

        @Override
        public String cloudWatchName() {
            return "CacheClusterId";
        }
    }

    public static final double GIB = 1024d * 1024 * 1024;

    /**
     * SES reviews an account at a 5% bounce rate and 0.1% complaint rate (and may pause it at 10% and
     * 0.5%): the alarms fire at four fifths of those, with time to act.
     */
    public static final double MAIL_BOUNCE_ALARM = 0.04;

    public static final double MAIL_COMPLAINT_ALARM = 0.0008;

    /**
     * Every regional alarm; the dashboard graphs their metrics.
     *
     * @param services the stack's services in phase 4's order, web services first
     * @param sleeps the services scale to zero outside office hours: then "no healthy target" is the
     *               plan every night, not an outage, and that alarm is left out (5xx alarms still
     *               catch a broken deploy while the site is open)
     * @param mail the domain sends mail: alarm on its bounce and complaint rates before SES's review
     */
    public static List<Alarms> all(List<Service> services, int redisNodes, boolean sleeps, boolean mail) {
        var list = new ArrayList<Alarms>();
        for (var service : services) {
            list.addAll(utilization(service.part(), List.of(Watched.CLUSTER, new ServiceOf(service.part()))));
            if (service.web()) {
                list.addAll(web(service.part(), sleeps));
            }
        }
        list.add(new Alarms(
                "alb-5xx",
                "More than 10 HTTP 5xx a minute produced by the load balancer itself",
                "AWS/ApplicationELB",
                "HTTPCode_ELB_5XX_Count",
                "Sum",
                ">",
                10,
                60,
                1,
                1,
                "notBreaching",
                List.of(Watched.LOAD_BALANCER)));
        list.add(new Alarms(
                "rds-cpu",
                "PostgreSQL CPU above 80% for 3 of 5 minutes",
                "AWS/RDS",
                "CPUUtilization",
                "Average",
                ">",
                80,
                60,
                5,
                3,
                "missing",
                List.of(Watched.DB)));
        list.add(new Alarms(
                "rds-free-storage",
                "PostgreSQL free storage below 5 GiB",
                "AWS/RDS",
                "FreeStorageSpace",
                "Minimum",
                "<",
                5 * GIB,
                300,
                1,
                1,
                "missing",
                List.of(Watched.DB)));
        for (int node = 1; node <= redisNodes; node++) {
            var cacheNode = new CacheNode(node);
            var id = cacheNode.suffix();
            list.add(new Alarms(
                    "redis-" + id + "-cpu",
                    "Redis node " + id + " engine CPU above 80% for 3 of 5 minutes",
                    "AWS/ElastiCache",
                    "EngineCPUUtilization",
                    "Average",
                    ">",
                    80,
                    60,
                    5,
                    3,
                    "missing",
                    List.of(cacheNode)));
            list.add(new Alarms(
                    "redis-" + id + "-memory",
                    "Redis node " + id + " memory above 80% of maxmemory",
                    "AWS/ElastiCache",
                    "DatabaseMemoryUsagePercentage",
                    "Average",
                    ">",
                    80,
                    60,
                    5,
                    3,
                    "missing",
                    List.of(cacheNode)));
        }
        if (mail) {
            // Rates over SES's own window, published as fractions; silence is no mail, not a problem.
            list.add(new Alarms(
                    "mail-bounce-rate",
                    "Mail bounce rate above 4% (SES reviews the account at 5%): "
                            + "check the bounced addresses and the signup form",
                    "AWS/SES",
                    "Reputation.BounceRate",
                    "Maximum",
                    ">",
                    MAIL_BOUNCE_ALARM,
                    900,
                    1,
                    1,
                    "notBreaching",
                    List.of(Watched.MAIL_CONFIGURATION_SET)));
            list.add(new Alarms(
                    "mail-complaint-rate",
                    "Mail complaint rate above 0.08% (SES reviews the account at 0.1%): "
                            + "check what was sent and to whom",
                    "AWS/SES",
                    "Reputation.ComplaintRate",
                    "Maximum",
                    ">",
                    MAIL_COMPLAINT_ALARM,
                    900,
                    1,
                    1,
                    "notBreaching",
                    List.of(Watched.MAIL_CONFIGURATION_SET)));
        }
        return List.copyOf(list);
    }

    /**
     * Alarms on metrics that live in us-east-1 with the CDN: its 5xx error rate (a percentage of all
     * requests, so a quiet night does not page) and, with WAF, a surge of blocked requests (an attack,
     * or a rule blocking real users).
     */
    public static List<Alarms> global(boolean waf) {
        var list = new ArrayList<Alarms>();
        list.add(new Alarms(
                "cdn-5xx-rate",
                "CloudFront answered more than 5% of requests with 5xx for 3 of 5 minutes",
                "AWS/CloudFront",
                "5xxErrorRate",
                "Average",
                ">",
                5,
                60,
                5,
                3,
                "notBreaching",
                List.of(Watched.DISTRIBUTION, new Fixed("Region", "Global"))));
        if (waf) {
            list.add(new Alarms(
                    "waf-blocked",
                    "WAF blocked more than 1000 requests in 5 minutes",
                    "AWS/WAFV2",
                    "BlockedRequests",
                    "Sum",
                    ">",
                    1000,
                    300,
                    1,
                    1,
                    "notBreaching",
                    List.of(Watched.WEB_ACL, new Fixed("Rule", "ALL"))));
        }
        return List.copyOf(list);
    }

    /**
     * The alarms each web service's deployments watch (ECS rolls a deployment back when one fires): its
     * own targets' 5xx count and 5xx rate, from this table, by the names the alarms are declared with.
     */
    public static Map<String, List<String>> deploymentAlarms(Naming names, List<String> webParts) {
        var out = new LinkedHashMap<String, List<String>>();
        for (var part : webParts) {
            out.put(
                    part,
                    web(part, false).stream()
                            .filter(a -> a.part().startsWith(part + "-5xx"))
                            .map(a -> names.name(a.part()))
                            .toList());
        }
        return out;
    }

    public String comparisonOperator() {
        return comparison.equals(">") ? "GreaterThanThreshold" : "LessThanThreshold";
    }

    /** A web service's alarms on its targets: errors, a failing target, and (unless it sleeps) none healthy. */
    private static List<Alarms> web(String service, boolean sleeps) {
        var tg = List.<Dimension>of(Watched.LOAD_BALANCER, new TargetGroupOf(service));
        var list = new ArrayList<Alarms>();
        list.add(new Alarms(
                service + "-5xx",
                "More than 10 HTTP 5xx a minute from the " + service + " targets",
                "AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count",
                "Sum",
                ">",
                10,
                60,
                1,
                1,
                "notBreaching",
                tg));
        // The share of errors as well as their count: at low traffic a release that fails every request never
        // reaches 10 a minute, and a deployment watching only the count would pass it.
        list.add(new Alarms(
                service + "-5xx-rate",
                "More than 5% of the " + service + " targets' answers are 5xx in a minute (of at least "
                        + RATE_MIN_REQUESTS + " requests)",
                "AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count",
                "Sum",
                ">",
                5,
                60,
                1,
                1,
                "notBreaching",
                tg,
                Optional.of("RequestCount")));
        list.add(new Alarms(
                service + "-unhealthy-hosts",
                "A " + service + " target failed its health check for 3 minutes",
                "AWS/ApplicationELB",
                "UnHealthyHostCount",
                "Maximum",
                ">",
                0,
                60,
                3,
                3,
                "notBreaching",
                tg));
        if (!sleeps) {
            list.add(new Alarms(
                    service + "-no-healthy-hosts",
                    "No healthy " + service + " target for 2 minutes: it is down",
                    "AWS/ApplicationELB",
                    "HealthyHostCount",
                    "Minimum",
                    "<",
                    1,
                    60,
                    2,
                    2,
                    "breaching",
                    tg));
        }
        return list;
    }

    /** The CPU and memory alarms every ECS service gets, web or worker. */
    private static List<Alarms> utilization(String part, List<Dimension> dims) {
        return List.of(
                new Alarms(
                        part + "-cpu",
                        "ECS " + part + " average CPU above 80% for 3 of 5 minutes",
                        "AWS/ECS",
                        "CPUUtilization",
                        "Average",
                        ">",
                        80,
                        60,
                        5,
                        3,
                        "missing",
                        dims),
                new Alarms(
                        part + "-memory",
                        "ECS " + part + " average memory above 80% for 3 of 5 minutes",
                        "AWS/ECS",
                        "MemoryUtilization",
                        "Average",
                        ">",
                        80,
                        60,
                        5,
                        3,
                        "missing",
                        dims));
    }
}
