package com.tutors.infra.plan.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage-based assumptions, documented defaults that {@code plan --usage key=value} overrides.
 * Monthly figures for a small marketplace; they price what the resources alone cannot tell.
 */
public final class Usage {
    public static final Map<String, Double> DEFAULTS;

    static {
        var d = new LinkedHashMap<String, Double>();
        d.put("natDataGb", 10.0); // GB a month through the NAT (images come via the S3 endpoint)
        d.put("albLcu", 0.5); // average load balancer capacity units
        d.put("logsGb", 5.0); // container logs ingested a month, all services
        d.put("mediaGb", 10.0); // user uploads stored
        d.put("staticGb", 1.0); // collectstatic output
        d.put("albLogsGb", 2.0); // ALB access logs kept (90-day lifecycle)
        d.put("ecrGbPerRepository", 1.0); // images kept (the last 10: five releases, layers shared)
        d.put("cdnDataGb", 50.0); // CloudFront data out
        d.put("cdnRequestsMillion", 2.0); // CloudFront HTTPS requests
        d.put("wafRequestsMillion", 2.0); // requests WAF inspects
        d.put("flowLogsGb", 1.0); // VPC flow logs of rejected traffic ingested a month
        d.put("rdsMonitoringGb", 0.5); // RDS enhanced monitoring (RDSOSMetrics) at 60 s ingested a month
        d.put("s3AccessLogsGb", 1.0); // S3 server access logs kept (90-day lifecycle)
        d.put(
                "containerInsightsMetrics",
                30.0); // custom metrics Container Insights publishes for a cluster of two services
        d.put("wafLogsGb", 0.5); // WAF logs (BLOCK and COUNT only) ingested a month
        d.put("rdsLogsGb", 0.5); // PostgreSQL server and upgrade logs ingested a month
        d.put("cdnLogsGb", 1.0); // CloudFront access logs (standard logging v2) a month
        d.put("mailThousands", 10.0); // thousands of messages SES sends a month (bookings, payments, resets)
        DEFAULTS = Map.copyOf(d);
    }

    private final Map<String, Double> values;

    private Usage(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    public static Usage defaults() {
        return new Usage(DEFAULTS);
    }

    /** @throws IllegalArgumentException for an unknown key or a negative value */
    public Usage with(String key, double value) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("unknown usage key '" + key + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(DEFAULTS.keySet())));
        }
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("usage " + key + " must be 0 or more, got " + value);
        }
        var copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Usage(copy);
    }

    public double get(String key) {
        return values.get(key);
    }

    public Map<String, Double> all() {
        return new java.util.TreeMap<>(values);
    }
}
