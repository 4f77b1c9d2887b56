package com.tutors.infra.compute;

import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECS container definitions as JSON, from data. Every key is a field of ECS's ContainerDefinition;
 * environment and secrets are sorted so an unchanged definition never shows a diff.
 */
public final class ContainerDefinitions {
    private ContainerDefinitions() {
    }

    /**
     * @param port     container port, or null for a one-off task
     * @param secrets  environment variable to Secrets Manager ARN: injected at start, never plain environment
     */
    public record Container(String name, String image, List<String> command, Integer port,
                            Map<String, String> environment, Map<String, String> secrets,
                            String logGroup, String region, String streamPrefix, boolean initProcess) {
    }

    public static String json(Container c) {
        var d = new LinkedHashMap<String, Object>();
        d.put("name", c.name());
        d.put("image", c.image());
        d.put("essential", true);
        d.put("command", c.command());
        if (c.port() != null) {
            // awsvpc: the host port is the container port; naming it lets Service Connect use it later.
            d.put("portMappings", List.of(Map.of("containerPort", c.port(), "protocol", "tcp", "name", c.name() + "-http")));
        }
        d.put("environment", pairs(c.environment(), "value"));
        d.put("secrets", pairs(c.secrets(), "valueFrom"));
        d.put("logConfiguration", Map.of("logDriver", "awslogs", "options", new TreeMap<>(Map.of(
                "awslogs-group", c.logGroup(),
                "awslogs-region", c.region(),
                "awslogs-stream-prefix", c.streamPrefix()))));
        if (c.initProcess()) {
            // ECS Exec's agent needs an init process to reap its child processes.
            d.put("linuxParameters", Map.of("initProcessEnabled", true));
        }
        return new Gson().toJson(List.of(d));
    }

    private static List<Map<String, String>> pairs(Map<String, String> values, String valueKey) {
        var list = new ArrayList<Map<String, String>>();
        new TreeMap<>(values).forEach((k, v) -> {
            var pair = new LinkedHashMap<String, String>();
            pair.put("name", k);
            pair.put(valueKey, v);
            list.add(pair);
        });
        return list;
    }
}
