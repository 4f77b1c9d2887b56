package com.tutors.infra.optimization;

import com.tutors.infra.core.Naming;
import com.tutors.infra.optimization.Alarms.CacheNode;
import com.tutors.infra.optimization.Alarms.Dimension;
import com.tutors.infra.optimization.Alarms.Fixed;
import com.tutors.infra.optimization.Alarms.Service;
import com.tutors.infra.optimization.Alarms.ServiceOf;
import com.tutors.infra.optimization.Alarms.TargetGroupOf;
import com.tutors.infra.optimization.Alarms.Watched;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's alarms as one table ({@link Alarms} rows): per service from phase 4's list, then the load
 * balancer, the database, each cache node and mail; and those whose metrics live in us-east-1.
 */
public final class AlarmTable {
    private AlarmTable() {}

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
                        + Alarms.RATE_MIN_REQUESTS + " requests)",
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
