package com.tutors.infra.compute;

import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECS container definitions as JSON, from data. Every key is a field of ECS's ContainerDefinition.
 * Keys keep a fixed order and environment and secrets are sorted (never {@code Map.of}, whose order
 * changes between runs), so an unchanged definition is the same text on every run.
 */
public final class ContainerDefinitions {
    private ContainerDefinitions() {}

    /**
     * @param port     container port, or null for a one-off task
     * @param secrets  environment variable to Secrets Manager ARN: injected at start, never plain environment
     * @param healthCheck null: none (a one-off task)
     */
    public record Container(
            String name,
            String image,
            List<String> command,
            Integer port,
            Map<String, String> environment,
            Map<String, String> secrets,
            String logGroup,
            String region,
            String streamPrefix,
            boolean initProcess,
            AppProcesses.HealthCheck healthCheck,
            List<Hardening.Mount> writable,
            String user) {
        /** The fields of before the hardening settings: nothing read-only, the image's user. */
        public Container(
                String name,
                String image,
                List<String> command,
                Integer port,
                Map<String, String> environment,
                Map<String, String> secrets,
                String logGroup,
                String region,
                String streamPrefix,
                boolean initProcess,
                AppProcesses.HealthCheck healthCheck) {
            this(
                    name,
                    image,
                    command,
                    port,
                    environment,
                    secrets,
                    logGroup,
                    region,
                    streamPrefix,
                    initProcess,
                    healthCheck,
                    List.of(),
                    null);
        }
    }

    /**
     * What django-ses reads to send through SES's API (v2, HTTPS on 443 through the NAT, with the task
     * role's credentials: no SMTP password to keep, and port 587 stays closed).
     */
    public static Map<String, String> mailEnvironment(String region, String configurationSet, String defaultFrom) {
        var env = new java.util.LinkedHashMap<String, String>();
        env.put("EMAIL_BACKEND", "django_ses.SESBackend");
        env.put("AWS_SES_REGION_NAME", region);
        env.put("AWS_SES_CONFIGURATION_SET", configurationSet);
        env.put("DEFAULT_FROM_EMAIL", defaultFrom);
        return env;
    }

    public static String json(Container c) {
        var d = new LinkedHashMap<String, Object>();
        d.put("name", c.name());
        d.put("image", c.image());
        d.put("essential", true);
        d.put("command", c.command());
        if (c.port() != null) {
            // awsvpc: the host port is the container port; naming it lets Service Connect use it later.
            var mapping = new LinkedHashMap<String, Object>();
            mapping.put("containerPort", c.port());
            mapping.put("protocol", "tcp");
            mapping.put("name", c.name() + "-http");
            d.put("portMappings", List.of(mapping));
        }
        d.put("environment", pairs(c.environment(), "value"));
        d.put("secrets", pairs(c.secrets(), "valueFrom"));
        var logs = new LinkedHashMap<String, Object>();
        logs.put("logDriver", "awslogs");
        logs.put(
                "options",
                new TreeMap<>(Map.of(
                        "awslogs-group", c.logGroup(),
                        "awslogs-region", c.region(),
                        "awslogs-stream-prefix", c.streamPrefix())));
        d.put("logConfiguration", logs);
        if (c.healthCheck() != null) {
            var check = new LinkedHashMap<String, Object>();
            check.put("command", c.healthCheck().command());
            check.put("interval", c.healthCheck().interval());
            check.put("timeout", c.healthCheck().timeout());
            check.put("retries", c.healthCheck().retries());
            check.put("startPeriod", c.healthCheck().startPeriod());
            d.put("healthCheck", check);
        }
        if (!c.writable().isEmpty()) {
            // Security Hub ECS.5: nothing but the listed volumes can be written.
            d.put("readonlyRootFilesystem", true);
            d.put(
                    "mountPoints",
                    c.writable().stream()
                            .map(m -> {
                                var mount = new LinkedHashMap<String, Object>();
                                mount.put("sourceVolume", m.volume());
                                mount.put("containerPath", m.path());
                                mount.put("readOnly", false);
                                return mount;
                            })
                            .toList());
        }
        if (c.user() != null) {
            d.put("user", c.user()); // Security Hub ECS.20
        }
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
