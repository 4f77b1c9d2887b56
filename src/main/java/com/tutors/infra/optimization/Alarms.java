package com.tutors.infra.optimization;

import java.util.List;
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

    public String comparisonOperator() {
        return comparison.equals(">") ? "GreaterThanThreshold" : "LessThanThreshold";
    }
}
