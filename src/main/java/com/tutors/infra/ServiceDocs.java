package com.tutors.infra;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The app contract's generated tables, from a committed stack's plan: each ECS service as it is declared
 * (port, health checks, deployments, counts, scaling, private name) and what each container is given.
 */
final class ServiceDocs {
    private ServiceDocs() {}

    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SERVICE = "aws:ecs/service:Service";

    static final String SERVICES_START =
            "<!-- services:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    static final String SERVICES_END = "<!-- services:end -->";

    /** Each ECS service of the plan, in declaration order: what it serves and how it deploys and scales. */
    static String services(String stack, List<PlannedResource> plan) {
        var table = new StringBuilder(
                "| Service | Listens on | Health checks | Deploys | Tasks |\n|---|---|---|---|---|\n");
        for (var service : plan.stream().filter(r -> r.type().equals(SERVICE)).toList()) {
            var name = service.name();
            var part = name.replace("tutors-" + stack + "-", "");
            var container = container(plan, (String) service.input("taskDefinition"), name);
            var balancers = service.input("loadBalancers") instanceof List<?> l ? l : List.of();
            var listens = balancers.isEmpty()
                    ? "nothing: no load balancer (a worker)"
                    : balancers.stream()
                            .map(b -> ":" + number(((Map<?, ?>) b).get("containerPort")))
                            .collect(Collectors.joining(", "));
            var checks = new ArrayList<String>();
            resource(plan, "aws:lb/targetGroup:TargetGroup", name)
                    .map(tg -> (Map<?, ?>) tg.input("healthCheck"))
                    .ifPresent(h -> checks.add("ALB: `GET " + h.get("path") + "` answers " + h.get("matcher")
                            + " (every " + number(h.get("interval")) + " s; " + number(h.get("unhealthyThreshold"))
                            + " failures take the task out), after a "
                            + number(service.input("healthCheckGracePeriodSeconds"))
                            + " s grace period"));
            container.filter(c -> c.has("healthCheck")).ifPresent(c -> {
                var h = c.getAsJsonObject("healthCheck");
                var words = new ArrayList<String>();
                h.getAsJsonArray("command").forEach(w -> words.add(w.getAsString()));
                // Quoted as a shell would need it: the command's words are exec'd, not parsed.
                var shown = words.subList(1, words.size()).stream()
                        .map(w -> w.matches("[A-Za-z0-9_./:=-]+") ? w : "\"" + w + "\"")
                        .collect(Collectors.joining(" "));
                checks.add("container: `" + shown.replace("|", "\\|") + "` every "
                        + h.get("interval").getAsInt() + " s");
            });
            var deploys = new ArrayList<String>();
            deploys.add(number(service.input("deploymentMinimumHealthyPercent")) + "% to "
                    + number(service.input("deploymentMaximumPercent")) + "% of the count");
            deploys.add("rolled back by the circuit breaker");
            if (service.input("alarms") instanceof Map<?, ?> alarms && alarms.get("alarmNames") instanceof List<?> n) {
                deploys.add("and by "
                        + n.stream()
                                .map(a ->
                                        "`" + String.valueOf(a).replace("tutors-" + stack + "-", "tutors-<env>-") + "`")
                                .collect(Collectors.joining(", ")));
            }
            var tasks = new ArrayList<String>();
            tasks.add(number(service.input("desiredCount")) + " at creation");
            resource(plan, "aws:appautoscaling/target:Target", name)
                    .ifPresent(t -> tasks.add(
                            "then " + number(t.input("minCapacity")) + " to " + number(t.input("maxCapacity"))));
            var policies = plan.stream()
                    .filter(r -> r.type().equals("aws:appautoscaling/policy:Policy")
                            && r.name().startsWith(name + "-"))
                    .map(r -> (Map<?, ?>) r.input("targetTrackingScalingPolicyConfiguration"))
                    .map(c -> ((Map<?, ?>) c.get("predefinedMetricSpecification"))
                                    .get("predefinedMetricType")
                                    .equals("ALBRequestCountPerTarget")
                            ? number(c.get("targetValue")) + " requests a task a minute"
                            : "CPU " + number(c.get("targetValue")) + "%")
                    .toList();
            tasks.add(policies.isEmpty() ? "fixed" : "tracking " + String.join(" and ", policies));
            if (service.input("serviceRegistries") != null) {
                tasks.add("registered as `" + part + ".tutors-<env>.internal`");
            }
            table.append("| ")
                    .append(part)
                    .append(" | ")
                    .append(listens)
                    .append(" | ")
                    .append(checks.isEmpty() ? "none (no port)" : String.join("; ", checks))
                    .append(" | ")
                    .append(String.join(", ", deploys))
                    .append(" | ")
                    .append(String.join(", ", tasks))
                    .append(" |\n");
        }
        return SERVICES_START + "\n" + table + SERVICES_END + "\n";
    }

    /** A resource of the plan by type and name. */
    private static Optional<PlannedResource> resource(List<PlannedResource> plan, String type, String name) {
        return plan.stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst();
    }

    /** The service's container, from the task definition whose ARN it names (its family is the service's name). */
    private static Optional<JsonObject> container(List<PlannedResource> plan, String taskArn, String name) {
        return resource(plan, TASK, name)
                .map(t -> JsonParser.parseString((String) t.input("containerDefinitions"))
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject());
    }

    /** A number as the docs show it: no ".0". */
    private static String number(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue())
                : String.valueOf(value);
    }

    static final String CONTAINERS_START =
            "<!-- containers:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    static final String CONTAINERS_END = "<!-- containers:end -->";

    /**
     * What each container of the stack is given, as the plan declares it: command, plain environment (the
     * stack's own names shown as placeholders), the secrets' variables and the log group.
     */
    static String containers(String stack, String domain, List<PlannedResource> plan) {
        var table = new StringBuilder(
                "| Task | Command | Environment | Secrets (variables) | Logs |\n|---|---|---|---|---|\n");
        for (var task : plan.stream().filter(r -> r.type().equals(TASK)).toList()) {
            var family = ((String) task.input("family")).replace("tutors-" + stack + "-", "");
            for (var c : JsonParser.parseString((String) task.input("containerDefinitions"))
                    .getAsJsonArray()) {
                var container = c.getAsJsonObject();
                var command = new ArrayList<String>();
                if (container.has("command")) {
                    container.getAsJsonArray("command").forEach(w -> command.add(w.getAsString()));
                }
                var env = new TreeMap<String, String>();
                if (container.has("environment")) {
                    container
                            .getAsJsonArray("environment")
                            .forEach(e -> env.put(
                                    e.getAsJsonObject().get("name").getAsString(),
                                    placeholders(
                                            e.getAsJsonObject().get("value").getAsString(), stack, domain)));
                }
                var secrets = new TreeSet<String>();
                if (container.has("secrets")) {
                    container
                            .getAsJsonArray("secrets")
                            .forEach(e ->
                                    secrets.add(e.getAsJsonObject().get("name").getAsString()));
                }
                var logs = container.getAsJsonObject("logConfiguration").getAsJsonObject("options");
                table.append("| ")
                        .append(family)
                        .append(" | `")
                        .append(
                                command.isEmpty()
                                        ? "(the image's)"
                                        : placeholders(String.join(" ", command), stack, domain))
                        .append("` | ")
                        .append(env.entrySet().stream()
                                .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                                .collect(Collectors.joining(", ")))
                        .append(" | ")
                        .append(secrets.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")))
                        .append(" | `")
                        .append(placeholders(logs.get("awslogs-group").getAsString(), stack, domain))
                        .append("` (prefix `")
                        .append(logs.get("awslogs-stream-prefix").getAsString())
                        .append("`) |\n");
            }
        }
        return CONTAINERS_START + "\n" + table + CONTAINERS_END + "\n";
    }

    /** The stack's own values as the placeholders the docs use. */
    private static String placeholders(String value, String stack, String domain) {
        return value.replace(domain, "<domain>")
                .replaceAll("-\\d{12}", "-<account>")
                .replace("tutors-" + stack, "tutors-<env>")
                .replace("|", "\\|");
    }
}
