package com.tutors.infra.plan.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model on hand-made resources, at the edges the committed stacks never reach. */
class CostModelUnitTest {

    private static final PriceBook PRICES = PriceBook.load("eu-central-1");

    private static PlannedResource r(int phase, String type, String name, Map<String, Object> inputs) {
        return new PlannedResource(
                "urn:pulumi:s::tutors::" + type + "::" + name,
                type,
                name,
                true,
                "",
                "",
                false,
                List.of(),
                List.of(),
                List.of(),
                inputs,
                phase,
                null,
                List.of());
    }

    private static CostModel.Estimate estimate(PlannedResource... resources) {
        return CostModel.estimate(List.of(resources), Usage.defaults(), PRICES);
    }

    @Test
    void anInterfaceEndpointIsPricedPerAzAndAGatewayEndpointIsFree() {
        var e = estimate(
                r(
                        1,
                        "aws:ec2/vpcEndpoint:VpcEndpoint",
                        "ecr",
                        Map.of("vpcEndpointType", "Interface", "subnetIds", List.of("a", "b"))),
                r(1, "aws:ec2/vpcEndpoint:VpcEndpoint", "s3", Map.of("vpcEndpointType", "Gateway")));
        assertEquals(1, e.lines().size());
        assertEquals(2 * 730.0, e.lines().get(0).quantity());
        assertEquals(0.012, e.lines().get(0).unitPrice());
    }

    @Test
    void enhancedMonitoringIsPricedOnlyWhenOn() {
        var rds = Map.<String, Object>of("instanceClass", "db.t4g.micro", "multiAz", false, "allocatedStorage", 20.0);
        var off = new java.util.HashMap<>(rds);
        off.put("monitoringInterval", 0.0);
        var on = new java.util.HashMap<>(rds);
        on.put("monitoringInterval", 1.0);
        assertTrue(estimate(r(2, "aws:rds/instance:Instance", "db", off)).lines().stream()
                .noneMatch(l -> l.item().startsWith("RDS enhanced monitoring")));
        assertEquals(
                1,
                estimate(r(2, "aws:rds/instance:Instance", "db", on)).lines().stream()
                        .filter(l -> l.item().startsWith("RDS enhanced monitoring"))
                        .count());
    }

    @Test
    void applicationLogsArePricedOncePerStackAndOnlyForEcsGroups() {
        var none = estimate(r(
                2,
                "aws:cloudwatch/logGroup:LogGroup",
                "pg",
                Map.of("name", "/aws/rds/instance/db/upgrade", "retentionInDays", 30.0)));
        assertTrue(none.lines().isEmpty(), "an RDS upgrade log group has no usage line of its own: " + none.lines());
        var two = estimate(
                r(
                        4,
                        "aws:cloudwatch/logGroup:LogGroup",
                        "b",
                        Map.of("name", "/ecs/x-backend", "retentionInDays", 14.0)),
                r(
                        4,
                        "aws:cloudwatch/logGroup:LogGroup",
                        "f",
                        Map.of("name", "/ecs/x-frontend", "retentionInDays", 30.0)));
        assertEquals(
                List.of("CloudWatch Logs ingestion", "CloudWatch Logs storage (30-day retention)"),
                two.lines().stream().map(CostLine::item).toList(),
                "one ingestion line for all app logs, the longest retention");
        assertEquals(5.0, two.lines().get(0).quantity());
        assertEquals(5.0, two.lines().get(1).quantity(), "30 days keeps one month of logs");
    }

    @Test
    void aServiceOnlyOnDemandHasNoSpotLineAndOneOnlyOnSpotNoOnDemandLine() {
        var task = r(
                4,
                "aws:ecs/taskDefinition:TaskDefinition",
                "t",
                Map.of(
                        "family",
                        "t",
                        "cpu",
                        "256",
                        "memory",
                        "512",
                        "runtimePlatform",
                        Map.of("cpuArchitecture", "X86_64")));
        var onDemand = estimate(
                task,
                r(
                        4,
                        "aws:ecs/service:Service",
                        "s",
                        Map.of(
                                "taskDefinition",
                                "arn:aws:ecs:r:1:task-definition/t:3",
                                "desiredCount",
                                1.0,
                                "capacityProviderStrategies",
                                List.of(Map.of("capacityProvider", "FARGATE", "base", 1.0, "weight", 1.0)))));
        assertEquals(
                List.of("Fargate tasks (0.25 vCPU / 0.5 GB X86_64, on demand) x 1"),
                onDemand.lines().stream().map(CostLine::item).toList());
        var spot = estimate(
                task,
                r(
                        4,
                        "aws:ecs/service:Service",
                        "s",
                        Map.of(
                                "taskDefinition",
                                "arn:aws:ecs:r:1:task-definition/t:3",
                                "desiredCount",
                                1.0,
                                "capacityProviderStrategies",
                                List.of(Map.of("capacityProvider", "FARGATE_SPOT", "weight", 1.0)))));
        assertEquals(
                List.of("Fargate Spot tasks (0.25 vCPU / 0.5 GB X86_64) x 1"),
                spot.lines().stream().map(CostLine::item).toList());
        var none = estimate(
                task,
                r(
                        4,
                        "aws:ecs/service:Service",
                        "s",
                        Map.of("taskDefinition", "arn:aws:ecs:r:1:task-definition/t:3", "desiredCount", 0.0)));
        assertTrue(none.lines().isEmpty(), "no task, no line");
    }
}
