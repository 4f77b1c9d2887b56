package com.tutors.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact text, key order included: the task definition must be the same string on every run
 * (Map.of iterates in an order that changes between JVMs, which a same-JVM comparison cannot see).
 */
class ContainerDefinitionsTest {

    @Test
    void theJsonIsTheSameTextEveryTime() {
        var json = ContainerDefinitions.json(new ContainerDefinitions.Container(
                "web",
                "repo:tag",
                List.of("run"),
                8000,
                Map.of("B", "2", "A", "1"),
                Map.of("S", "arn:s"),
                "/ecs/x",
                "eu-central-1",
                "web",
                true,
                new AppProcesses.HealthCheck(List.of("CMD", "true"), 30, 5, 3, 60)));
        assertEquals(
                "[{\"name\":\"web\",\"image\":\"repo:tag\",\"essential\":true,\"command\":[\"run\"],"
                        + "\"portMappings\":[{\"containerPort\":8000,\"protocol\":\"tcp\",\"name\":\"web-http\"}],"
                        + "\"environment\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],"
                        + "\"secrets\":[{\"name\":\"S\",\"valueFrom\":\"arn:s\"}],"
                        + "\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/x\","
                        + "\"awslogs-region\":\"eu-central-1\",\"awslogs-stream-prefix\":\"web\"}},"
                        + "\"healthCheck\":{\"command\":[\"CMD\",\"true\"],\"interval\":30,\"timeout\":5,\"retries\":3,\"startPeriod\":60},"
                        + "\"linuxParameters\":{\"initProcessEnabled\":true}}]",
                json);
    }
}
