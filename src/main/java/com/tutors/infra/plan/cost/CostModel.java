package com.tutors.infra.plan.cost;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices what the program really declares: a pure function of the planned resources (their
 * inputs), the usage assumptions and the price file. Nothing here reads settings.
 */
public final class CostModel {
    private CostModel() {}

    /** Amazon Linux 2023's root volume. */
    static final int NAT_INSTANCE_ROOT_GB = 8;

    public record Estimate(
            List<CostLine> lines, Map<Integer, Double> byPhase, double total, Usage usage, String priceVersion) {
        /** The lines the price file has no price for: the total then counts the rest only. */
        public List<CostLine> unpriced() {
            return lines.stream().filter(l -> !l.priced()).toList();
        }

        public boolean partial() {
            return lines.stream().anyMatch(l -> !l.priced());
        }
    }

    public static Estimate estimate(List<PlannedResource> resources, Usage usage, PriceBook prices) {
        var lines = new ArrayList<CostLine>();
        double hours = prices.hoursPerMonth();
        var tasks = new HashMap<String, PlannedResource>();
        resources.stream()
                .filter(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition"))
                .forEach(t -> tasks.put(String.valueOf(t.input("family")), t));
        var awake = OfficeHoursOnPlan.of(resources);
        var zones = new TreeMap<String, Integer>();
        int logGroups = 0;
        int logRetentionDays = 0;

        for (var r : resources) {
            int phase = r.phase();
            var name = r.name();
            switch (r.type()) {
                case "aws:ec2/natGateway:NatGateway" -> {
                    lines.add(new CostLine(phase, name, "NAT gateway", hours, "hours", prices.price("natGatewayHour")));
                    long gateways = resources.stream()
                            .filter(x -> x.type().equals(r.type()))
                            .count();
                    lines.add(new CostLine(
                            phase,
                            name,
                            "NAT gateway data processed",
                            usage.get("natDataGb") / gateways,
                            "GB",
                            prices.price("natGatewayDataGb")));
                }
                case "aws:ec2/eip:Eip" ->
                    lines.add(new CostLine(
                            phase,
                            name,
                            "Public IPv4 address (Elastic IP)",
                            hours,
                            "hours",
                            prices.price("publicIpv4Hour")));
                case "aws:ec2/instance:Instance" -> {
                    var type = String.valueOf(r.input("instanceType"));
                    lines.add(new CostLine(
                            phase, name, "NAT instance " + type, hours, "hours", prices.price("ec2Hour", type)));
                    lines.add(new CostLine(
                            phase,
                            name,
                            "NAT instance gp3 root volume",
                            NAT_INSTANCE_ROOT_GB,
                            "GB-months",
                            prices.price("ebsGp3GbMonth")));
                }
                case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                    if ("Interface".equals(r.input("vpcEndpointType"))) {
                        int azs = ((List<?>) r.input("subnetIds")).size();
                        lines.add(new CostLine(
                                phase,
                                name,
                                "VPC interface endpoint",
                                hours * azs,
                                "AZ-hours",
                                prices.price("vpcInterfaceEndpointHour")));
                    }
                }
                case "aws:lb/loadBalancer:LoadBalancer" -> {
                    int azs = ((List<?>) r.input("subnets")).size();
                    lines.add(new CostLine(
                            phase, name, "Application Load Balancer", hours, "hours", prices.price("albHour")));
                    lines.add(new CostLine(
                            phase,
                            name,
                            "ALB capacity units",
                            usage.get("albLcu") * hours,
                            "LCU-hours",
                            prices.price("albLcuHour")));
                    // Since February 2024 every public IPv4 address is billed: the ALB has one per AZ.
                    lines.add(new CostLine(
                            phase,
                            name,
                            "Public IPv4 addresses of the ALB (one per AZ)",
                            hours * azs,
                            "hours",
                            prices.price("publicIpv4Hour")));
                }
                case "aws:ecs/service:Service" ->
                    lines.addAll(FargateCost.lines(
                            r, tasks, hours, awake.serviceShare(String.valueOf(r.input("name"))), prices));
                case "aws:rds/instance:Instance" ->
                    lines.addAll(DataStoreCost.database(
                            r, hours, awake.databaseShare(String.valueOf(r.input("identifier"))), usage, prices));
                case "aws:elasticache/replicationGroup:ReplicationGroup" ->
                    lines.addAll(DataStoreCost.cache(r, hours, prices));
                case "aws:secretsmanager/secret:Secret" ->
                    lines.add(new CostLine(
                            phase, name, "Secrets Manager secret", 1, "secret-months", prices.price("secretMonth")));
                case "aws:route53/record:Record" -> zones.merge(String.valueOf(r.input("zoneId")), phase, Math::min);
                case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace" ->
                    lines.add(new CostLine(
                            phase,
                            name,
                            "Route 53 private hosted zone (Cloud Map namespace)",
                            1,
                            "zone-months",
                            prices.price("route53ZoneMonth")));
                case "aws:cloudwatch/dashboard:Dashboard" ->
                    lines.add(new CostLine(
                            phase,
                            name,
                            "CloudWatch dashboard",
                            1,
                            "dashboard-months",
                            prices.price("cloudwatchDashboardMonth")));
                case "aws:cloudwatch/metricAlarm:MetricAlarm" ->
                    // CloudWatch bills an alarm per metric it evaluates: a ratio's two metrics count twice.
                    lines.add(new CostLine(
                            phase,
                            name,
                            "CloudWatch alarm",
                            alarmMetrics(r.inputs().get("metricQueries")),
                            "alarm-metric-months",
                            prices.price("cloudwatchAlarmMonth")));
                case "aws:ecs/cluster:Cluster" -> {
                    if (String.valueOf(r.inputs().get("settings")).contains("value=enabled")) {
                        lines.add(new CostLine(
                                phase,
                                name,
                                "Container Insights metrics",
                                usage.get("containerInsightsMetrics"),
                                "metric-months",
                                prices.price("cloudwatchMetricMonth")));
                    }
                }
                case "aws:cloudwatch/logGroup:LogGroup" -> {
                    var group = String.valueOf(r.input("name"));
                    if (group.startsWith("aws-waf-logs-")) {
                        lines.add(new CostLine(
                                phase,
                                name,
                                "WAF logs ingestion",
                                usage.get("wafLogsGb"),
                                "GB",
                                prices.price("cloudwatchLogsIngestGb")));
                    } else if (group.startsWith("/cloudfront/")) {
                        lines.add(new CostLine(
                                phase,
                                name,
                                "CloudFront access logs (vended) ingestion",
                                usage.get("cdnLogsGb"),
                                "GB",
                                prices.price("cloudwatchVendedLogsGb")));
                    } else if (group.endsWith("/postgresql")) {
                        lines.add(new CostLine(
                                phase,
                                name,
                                "PostgreSQL logs ingestion",
                                usage.get("rdsLogsGb"),
                                "GB",
                                prices.price("cloudwatchLogsIngestGb")));
                    }
                    if (group.startsWith("/ecs/")) {
                        logGroups++;
                        logRetentionDays = Math.max(logRetentionDays, (int) number(r, "retentionInDays"));
                    }
                }
                case "aws:wafv2/webAcl:WebAcl" -> {
                    lines.add(
                            new CostLine(phase, name, "WAF web ACL", 1, "ACL-months", prices.price("wafWebAclMonth")));
                    lines.add(new CostLine(
                            phase,
                            name,
                            "WAF rules",
                            ((List<?>) r.input("rules")).size(),
                            "rule-months",
                            prices.price("wafRuleMonth")));
                    lines.add(new CostLine(
                            phase,
                            name,
                            "WAF requests",
                            usage.get("wafRequestsMillion"),
                            "million requests",
                            prices.price("wafMillionRequests")));
                }
                case "aws:cloudfront/distribution:Distribution" -> {
                    lines.add(new CostLine(
                            phase,
                            name,
                            "CloudFront data out",
                            usage.get("cdnDataGb"),
                            "GB",
                            prices.price("cloudfrontDataOutGb")));
                    lines.add(new CostLine(
                            phase,
                            name,
                            "CloudFront HTTPS requests",
                            usage.get("cdnRequestsMillion") * 100,
                            "10k requests",
                            prices.price("cloudfrontTenThousandHttpsRequests")));
                }
                case "aws:s3/bucketV2:BucketV2" -> {
                    var key = name.endsWith("-media")
                            ? "mediaGb"
                            : name.endsWith("-static")
                                    ? "staticGb"
                                    : name.endsWith("-s3-logs") ? "s3AccessLogsGb" : "albLogsGb";
                    lines.add(new CostLine(
                            phase,
                            name,
                            "S3 Standard storage",
                            usage.get(key),
                            "GB-months",
                            prices.price("s3StandardGbMonth")));
                }
                case "aws:ecr/repository:Repository" ->
                    lines.add(new CostLine(
                            phase,
                            name,
                            "ECR image storage",
                            usage.get("ecrGbPerRepository"),
                            "GB-months",
                            prices.price("ecrGbMonth")));
                case "aws:ec2/flowLog:FlowLog" ->
                    lines.add(new CostLine(
                            phase,
                            name,
                            "VPC flow logs (" + r.input("trafficType") + ") to CloudWatch Logs",
                            usage.get("flowLogsGb"),
                            "GB",
                            prices.price("cloudwatchLogsIngestGb")));
                case "aws:sesv2/emailIdentity:EmailIdentity" ->
                    lines.add(new CostLine(
                            phase,
                            name,
                            "SES outbound mail",
                            usage.get("mailThousands"),
                            "1,000 messages",
                            prices.price("sesThousandMessages")));
                case "aws:kms/key:Key" ->
                    lines.add(new CostLine(
                            phase, name, "KMS customer-managed key", 1, "key-months", prices.price("kmsKeyMonth")));
                default -> {}
            }
        }
        zones.forEach((zone, phase) -> lines.add(new CostLine(
                phase,
                "hosted zone " + zone,
                "Route 53 hosted zone",
                1,
                "zone-months",
                prices.price("route53ZoneMonth"))));
        if (logGroups > 0) {
            double gb = usage.get("logsGb");
            lines.add(new CostLine(
                    4, "/ecs/*", "CloudWatch Logs ingestion", gb, "GB", prices.price("cloudwatchLogsIngestGb")));
            // At a steady rate, retention keeps about (retention / 30) months of logs.
            lines.add(new CostLine(
                    4,
                    "/ecs/*",
                    "CloudWatch Logs storage (" + logRetentionDays + "-day retention)",
                    gb * logRetentionDays / 30.0,
                    "GB-months",
                    prices.price("cloudwatchLogsStoredGbMonth")));
        }

        var byPhase = new TreeMap<Integer, Double>();
        lines.forEach(l -> byPhase.merge(l.phase(), l.monthly(), Double::sum));
        double total = lines.stream().mapToDouble(CostLine::monthly).sum();
        return new Estimate(List.copyOf(lines), byPhase, total, usage, prices.version());
    }

    static double number(PlannedResource r, String input) {
        return ((Number) r.input(input)).doubleValue();
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The metrics an alarm evaluates: one, or each metric (not expression) of its queries. */
    static int alarmMetrics(Object queries) {
        if (!(queries instanceof List<?> list) || list.isEmpty()) {
            return 1;
        }
        return (int) list.stream()
                .filter(q -> q instanceof Map<?, ?> m && m.get("metric") != null)
                .count();
    }
}
