package com.tutors.infra.plan.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.PlanCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private static CostModel.Estimate estimate(OfflineRun.Result result) {
        return PlanCommand.estimate(StackRuns.succeeded(result), Usage.defaults());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> priceFile() throws IOException {
        var json = Files.readString(StackRuns.PROJECT_DIR.resolve("src/main/resources/prices/eu-central-1.json"));
        return (Map<String, Object>) new Gson().fromJson(json, Map.class).get("prices");
    }

    @SuppressWarnings("unchecked")
    private static double price(Map<String, Object> prices, String table, String kind) {
        return (Double) ((Map<String, Object>) prices.get(table)).get(kind);
    }

    private static final double BASELINE = 163.52;

    /** The plan's own baseline: one NAT gateway, ALB, 4 small x86 tasks, t3.micro database and cache. */
    private static OfflineRun.Result baseline() {
        var overrides = new HashMap<String, String>();
        overrides.put("tutors:natMode", "gateway-single");
        overrides.put("tutors:dbInstanceClass", "db.t3.micro");
        overrides.put("tutors:dbMultiAz", "false");
        overrides.put("tutors:redisNodeType", "cache.t3.micro");
        overrides.put("tutors:redisReplicas", "0");
        overrides.put("tutors:albAccessLogs", "false");
        overrides.put("tutors:lastPhase", "5");
        // The seed's x86 tasks and Redis, not the committed Graviton and Valkey
        overrides.put("tutors:cpuArchitecture", "X86_64");
        overrides.put("tutors:redisEngine", "redis");
        return StackRuns.with("prod", overrides);
    }

    @Test
    void thePlansBaselineLandsWithinFivePercentOfTheHandComputation() throws IOException {
        var p = priceFile();
        double h = 730;
        double task = 0.25 * price(p, "fargateVcpuHour", "X86_64") + 0.5 * price(p, "fargateGbHour", "X86_64");
        double hand = h * (Double) p.get("natGatewayHour") // 1 NAT gateway
                + 3 * h * (Double) p.get("publicIpv4Hour") // its IP and the ALB's two
                + h * (Double) p.get("albHour")
                + 4 * h * task // 4 tasks of 0.25 vCPU / 0.5 GB
                + h * price(p, "rdsPostgresHour", "db.t3.micro")
                + 20 * (Double) p.get("rdsGp3GbMonth")
                + h * price(p, "elasticacheHour", "cache.t3.micro")
                + (Double) p.get("route53ZoneMonth")
                + 4 * (Double) p.get("secretMonth")
                + 5 * (Double) p.get("cloudwatchLogsIngestGb")
                // What this program adds to the seed's list: Container Insights' metrics (30), the security
                // baseline's logs (flow logs 1 GB, enhanced monitoring 0.5 GB, PostgreSQL logs 0.5 GB).
                + 30 * (Double) p.get("cloudwatchMetricMonth")
                + (1 + 0.5 + 0.5) * (Double) p.get("cloudwatchLogsIngestGb")
                // and the domain's mail: 10,000 messages a month through SES
                + 10 * (Double) p.get("sesThousandMessages")
                // and the services' private path: Cloud Map's namespace is a private hosted zone
                + (Double) p.get("route53ZoneMonth");
        var e = estimate(baseline());
        assertTrue(Math.abs(e.total() - hand) <= 0.05 * hand, "estimate " + e.total() + " vs hand " + hand);
        assertEquals(BASELINE, Math.round(e.total() * 100) / 100.0, "the plan's $80-150 misses the public IPv4 charge");
        for (var item : new String[] {
            "NAT gateway",
            "Application Load Balancer",
            "Fargate tasks (0.25 vCPU / 0.5 GB X86_64, on demand) x 2",
            "RDS PostgreSQL db.t3.micro single-AZ",
            "RDS gp3 storage single-AZ",
            "ElastiCache Redis cache.t3.micro x 1",
            "Public IPv4 address (Elastic IP)",
            "Public IPv4 addresses of the ALB (one per AZ)",
            "Route 53 hosted zone",
            "Secrets Manager secret",
            "CloudWatch Logs ingestion"
        }) {
            assertTrue(e.lines().stream().anyMatch(l -> l.item().equals(item)), "no line " + item);
        }
        var ipv4Hours = e.lines().stream()
                .filter(l -> l.item().startsWith("Public IPv4"))
                .mapToDouble(CostLine::quantity)
                .sum();
        assertEquals(3 * h, ipv4Hours, "one NAT address and one per ALB AZ");
    }

    @Test
    void theCommittedStacksCostWhatTheReadmeSays() throws IOException {
        var prod = estimate(StackRuns.committed("prod"));
        var staging = estimate(StackRuns.committed("staging"));
        // A settings or price change that moves these is deliberate: update the README and these numbers together.
        assertEquals(209.19, Math.round(prod.total() * 100) / 100.0);
        assertEquals(72.64, Math.round(staging.total() * 100) / 100.0);
        var readme = Files.readString(StackRuns.PROJECT_DIR.resolve("README.md"));
        assertTrue(
                readme.contains(CostReport.money(prod.total())) && readme.contains(CostReport.money(staging.total())),
                "the README states both totals");
        assertEquals(
                prod.total(),
                prod.byPhase().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                1e-9);
    }

    @Test
    void spotTasksArePricedAsSpot() throws IOException {
        var p = priceFile();
        var staging = estimate(StackRuns.committed("staging"));
        var spot = staging.lines().stream()
                .filter(l -> l.item().startsWith("Fargate Spot tasks"))
                .toList();
        assertEquals(2, spot.size());
        assertEquals(
                0.25 * price(p, "fargateSpotVcpuHour", "ARM64") + 0.5 * price(p, "fargateSpotGbHour", "ARM64"),
                spot.get(0).unitPrice(),
                1e-12);
        assertTrue(staging.lines().stream().noneMatch(l -> l.item().startsWith("Fargate tasks")));
        var natInstance = staging.lines().stream()
                .filter(l -> l.item().equals("NAT instance t4g.nano"))
                .findFirst()
                .orElseThrow();
        assertEquals(730 * price(p, "ec2Hour", "t4g.nano"), natInstance.monthly(), 1e-9);
    }

    @Test
    void multiAzDoublesTheDatabaseAndReplicasAddNodes() {
        var prod = estimate(StackRuns.committed("prod"));
        var db = prod.lines().stream()
                .filter(l -> l.item().startsWith("RDS PostgreSQL"))
                .findFirst()
                .orElseThrow();
        assertEquals(2 * 730, db.quantity());
        var redis = prod.lines().stream()
                .filter(l -> l.item().startsWith("ElastiCache"))
                .findFirst()
                .orElseThrow();
        assertEquals(2 * 730, redis.quantity(), "one replica");
    }

    @Test
    void usageAssumptionsCanBeOverridden() {
        var result = StackRuns.succeeded(StackRuns.committed("prod"));
        var prices = PriceBook.load("eu-central-1");
        var base = CostModel.estimate(result.resources(), Usage.defaults(), prices);
        var more = CostModel.estimate(result.resources(), Usage.defaults().with("cdnDataGb", 1050), prices);
        assertEquals(1000 * prices.price("cloudfrontDataOutGb"), more.total() - base.total(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Usage.defaults().with("bandwidth", 1));
        assertThrows(IllegalArgumentException.class, () -> Usage.defaults().with("logsGb", -1));
    }

    @Test
    void anUnpricedKindOrRegionIsAnUnpricedLineNeverACrash() {
        assertTrue(
                Double.isNaN(PriceBook.load("eu-central-1").price("rdsPostgresHour", "db.r6g.large")),
                "no price in the file");
        assertTrue(Double.isNaN(PriceBook.load("us-east-1").price("albHour")), "no price file for the region");
        var line = new CostLine(2, "db", "RDS", 730, "hours", Double.NaN);
        assertFalse(line.priced());
        assertEquals(0.0, line.monthly(), "the total counts the priced lines only");
        var estimate = new CostModel.Estimate(
                List.of(line, new CostLine(1, "nat", "NAT", 730, "hours", 0.05)),
                Map.of(),
                36.5,
                Usage.defaults(),
                "v");
        assertTrue(estimate.partial());
        assertEquals(List.of(line), estimate.unpriced());
        assertTrue(CostReport.text("x", estimate).contains("PARTIAL: 1 line(s) unpriced"));
    }

    @Test
    void everyDeclaredTypeIsPricedOrListedAsFree() {
        for (var stack : List.of("prod", "staging")) {
            for (var r : StackRuns.awsResources(StackRuns.committed(stack))) {
                assertTrue(
                        CostCatalog.PRICED.contains(r.type()) || CostCatalog.FREE.contains(r.type()),
                        r.type() + " is neither priced nor listed as free in CostModel");
            }
        }
    }
}
