package com.tutors.infra.optimization;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's CloudWatch dashboard body, as data. The metrics the alarms watch come from the same
 * {@link AlarmTable} (one source: an alarm's metric is always on the dashboard); the widgets add
 * what helps reading them (request counts, latency percentiles, connections). Keys keep a fixed order,
 * so the body is the same text on every run.
 */
public final class Dashboard {
    private Dashboard() {}

    /**
     * The resolved ids the widgets name.
     *
     * @param services             phase 4's services in order, web services first: a row each
     * @param mailConfigurationSet present when the domain sends mail
     */
    public record Ids(
            String region,
            String cluster,
            List<Service> services,
            String alb,
            String db,
            List<String> cacheClusters,
            String distribution,
            String webAcl,
            Optional<String> mailConfigurationSet) {
        public Ids {
            services = List.copyOf(services);
        }
    }

    /** @param targetGroup a web service's target group (ARN suffix); empty for a worker */
    public record Service(String part, String name, Optional<String> targetGroup) {}

    public static String body(Ids ids, int cacheNodes, boolean cdn, boolean waf) {
        var widgets = new ArrayList<Map<String, Object>>();
        boolean first = true;
        for (var s : ids.services()) {
            var service = s.part();
            widgets.add(widget(
                    "ECS " + service + ": CPU and memory (%)",
                    ids.region(),
                    alarmMetrics(cacheNodes, ids, service + "-cpu", service + "-memory"),
                    List.of(metric(
                            "ECS/ContainerInsights",
                            "RunningTaskCount",
                            "Average",
                            "ClusterName",
                            ids.cluster(),
                            "ServiceName",
                            s.name()))));
            if (s.targetGroup().isEmpty()) {
                continue;
            }
            var tg = s.targetGroup().get();
            widgets.add(widget(
                    "ALB " + service + ": requests, 4xx, 5xx",
                    ids.region(),
                    // The load balancer's own 5xx beside the first web service's.
                    alarmMetrics(cacheNodes, ids, service + "-5xx", first ? "alb-5xx" : ""),
                    List.of(
                            metric(
                                    "AWS/ApplicationELB",
                                    "RequestCount",
                                    "Sum",
                                    "LoadBalancer",
                                    ids.alb(),
                                    "TargetGroup",
                                    tg),
                            metric(
                                    "AWS/ApplicationELB",
                                    "HTTPCode_Target_4XX_Count",
                                    "Sum",
                                    "LoadBalancer",
                                    ids.alb(),
                                    "TargetGroup",
                                    tg))));
            first = false;
            widgets.add(widget(
                    "ALB " + service + ": share of 5xx answers (%), what its deployments watch",
                    ids.region(),
                    alarmMetrics(cacheNodes, ids, service + "-5xx-rate"),
                    List.of()));
            widgets.add(widget(
                    "ALB " + service + ": healthy and unhealthy targets",
                    ids.region(),
                    alarmMetrics(cacheNodes, ids, service + "-no-healthy-hosts", service + "-unhealthy-hosts"),
                    List.of()));
            widgets.add(widget(
                    "ALB " + service + ": response time (s)",
                    ids.region(),
                    List.of(),
                    List.of(
                            metric(
                                    "AWS/ApplicationELB",
                                    "TargetResponseTime",
                                    "p50",
                                    "LoadBalancer",
                                    ids.alb(),
                                    "TargetGroup",
                                    tg),
                            metric(
                                    "AWS/ApplicationELB",
                                    "TargetResponseTime",
                                    "p95",
                                    "LoadBalancer",
                                    ids.alb(),
                                    "TargetGroup",
                                    tg))));
        }
        widgets.add(widget(
                "RDS: CPU, connections, free storage, freeable memory",
                ids.region(),
                alarmMetrics(cacheNodes, ids, "rds-cpu", "rds-free-storage"),
                List.of(
                        metric("AWS/RDS", "DatabaseConnections", "Average", "DBInstanceIdentifier", ids.db()),
                        metric("AWS/RDS", "FreeableMemory", "Minimum", "DBInstanceIdentifier", ids.db()))));
        var redis = new ArrayList<List<Object>>();
        for (var node : ids.cacheClusters()) {
            redis.add(metric("AWS/ElastiCache", "CurrConnections", "Average", "CacheClusterId", node));
            redis.add(metric("AWS/ElastiCache", "Evictions", "Sum", "CacheClusterId", node));
        }
        var redisAlarmed = new ArrayList<List<Object>>();
        for (int n = 1; n <= cacheNodes; n++) {
            var id = String.format("%03d", n);
            redisAlarmed.addAll(alarmMetrics(cacheNodes, ids, "redis-" + id + "-cpu", "redis-" + id + "-memory"));
        }
        widgets.add(widget("Redis: engine CPU, memory, connections, evictions", ids.region(), redisAlarmed, redis));
        ids.mailConfigurationSet()
                .ifPresent(set -> widgets.add(widget(
                        "Mail: bounce and complaint rates (SES reviews at 5% and 0.1%)",
                        ids.region(),
                        alarmMetrics(cacheNodes, ids, "mail-bounce-rate", "mail-complaint-rate"),
                        List.of())));
        if (cdn) {
            // CloudFront publishes its metrics in us-east-1 only, as WAF does for a CLOUDFRONT web ACL.
            widgets.add(widget(
                    "CloudFront (metrics in us-east-1): requests, 5xx error rate",
                    "us-east-1",
                    List.of(),
                    List.of(
                            metric(
                                    "AWS/CloudFront",
                                    "Requests",
                                    "Sum",
                                    "DistributionId",
                                    ids.distribution(),
                                    "Region",
                                    "Global"),
                            metric(
                                    "AWS/CloudFront",
                                    "5xxErrorRate",
                                    "Average",
                                    "DistributionId",
                                    ids.distribution(),
                                    "Region",
                                    "Global"))));
            if (waf) {
                widgets.add(widget(
                        "WAF (metrics in us-east-1): blocked requests",
                        "us-east-1",
                        List.of(),
                        List.of(metric("AWS/WAFV2", "BlockedRequests", "Sum", "WebACL", ids.webAcl(), "Rule", "ALL"))));
            }
        }
        int y = 0;
        for (int i = 0; i < widgets.size(); i++) {
            var w = widgets.get(i);
            w.put("x", (i % 2) * 12);
            w.put("y", y);
            w.put("width", 12);
            w.put("height", 6);
            if (i % 2 == 1) {
                y += 6;
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("widgets", widgets);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(body);
    }

    /** The alarms' own metrics (namespace, name, statistic, dimensions), by the alarms' parts. */
    private static List<List<Object>> alarmMetrics(int cacheNodes, Ids ids, String... parts) {
        var out = new ArrayList<List<Object>>();
        for (var alarm : AlarmTable.all(
                ids.services().stream()
                        .map(x -> new Alarms.Service(x.part(), x.targetGroup().isPresent()))
                        .toList(),
                cacheNodes,
                false,
                ids.mailConfigurationSet().isPresent())) {
            if (!List.of(parts).contains(alarm.part())) {
                continue;
            }
            if (alarm.per().isEmpty()) {
                out.add(alarmLine(alarm, alarm.metric(), ids, Map.of("stat", alarm.statistic())));
                continue;
            }
            // A ratio: its two metrics hidden, and the alarm's own expression drawn from them.
            for (var id : List.of("m1", "m2")) {
                var options = new LinkedHashMap<String, Object>();
                options.put("stat", "Sum");
                options.put("id", id);
                options.put("visible", false);
                out.add(alarmLine(
                        alarm, id.equals("m1") ? alarm.metric() : alarm.per().get(), ids, options));
            }
            var expression = new LinkedHashMap<String, Object>();
            expression.put("expression", alarm.expression());
            expression.put("label", alarm.part() + " (%)");
            expression.put("id", "e1");
            out.add(List.of(expression));
        }
        return out;
    }

    /** One metric of an alarm, with the alarm's dimensions and these options. */
    private static List<Object> alarmLine(Alarms alarm, String metric, Ids ids, Map<String, Object> options) {
        var line = new ArrayList<Object>(List.of(alarm.namespace(), metric));
        for (var d : alarm.dimensions()) {
            line.add(d.cloudWatchName());
            line.add(value(d, ids));
        }
        line.add(options);
        return line;
    }

    private static String value(Alarms.Dimension d, Ids ids) {
        if (d instanceof Alarms.CacheNode node) {
            return ids.cacheClusters().get(node.number() - 1);
        }
        if (d instanceof Alarms.Fixed f) {
            return f.value();
        }
        if (d instanceof Alarms.ServiceOf service) {
            return ids.services().stream()
                    .filter(x -> x.part().equals(service.part()))
                    .findFirst()
                    .orElseThrow()
                    .name();
        }
        if (d instanceof Alarms.TargetGroupOf group) {
            return ids.services().stream()
                    .filter(x -> x.part().equals(group.part()))
                    .findFirst()
                    .flatMap(Service::targetGroup)
                    .orElseThrow();
        }
        return switch ((Alarms.Watched) d) {
            case CLUSTER -> ids.cluster();
            case LOAD_BALANCER -> ids.alb();
            case DB -> ids.db();
            case DISTRIBUTION -> ids.distribution();
            case WEB_ACL -> ids.webAcl();
            case MAIL_CONFIGURATION_SET -> ids.mailConfigurationSet().orElseThrow();
        };
    }

    private static List<Object> metric(String namespace, String name, String stat, String... dimensions) {
        var line = new ArrayList<Object>(List.of(namespace, name));
        line.addAll(List.of(dimensions));
        line.add(Map.of("stat", stat));
        return line;
    }

    private static Map<String, Object> widget(
            String title, String region, List<List<Object>> alarmed, List<List<Object>> more) {
        var metrics = new ArrayList<List<Object>>(alarmed);
        metrics.addAll(more);
        var properties = new LinkedHashMap<String, Object>();
        properties.put("title", title);
        properties.put("region", region);
        properties.put("view", "timeSeries");
        properties.put("stacked", false);
        properties.put("period", 60);
        properties.put("metrics", metrics);
        var w = new LinkedHashMap<String, Object>();
        w.put("type", "metric");
        w.put("properties", properties);
        return w;
    }
}
