package com.tutors.infra.ops;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stack outputs the operations read ({@code pulumi stack output --json}): where to run a task, which
 * services to check, and the task definition revisions the last {@code pulumi up} registered.
 *
 * @param services     web services by part (backend, frontend); empty before phase 5
 * @param taskDefinitions task definition ARNs with their revision, by part (backend, frontend, migrate)
 */
public record StackOutputs(
        String stack,
        String cluster,
        Map<String, String> services,
        Map<String, String> taskDefinitions,
        List<String> privateSubnets,
        String taskSecurityGroup,
        Optional<String> database,
        String imageTag,
        Optional<String> region) {

    /** Reads the JSON {@code pulumi stack output --stack <stack> --json} prints. */
    public static StackOutputs parse(String stack, String json) {
        JsonObject o;
        try {
            o = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new OpsFailure(
                    "stack " + stack + ": the outputs are not JSON (pulumi stack output --json): " + e.getMessage());
        }
        var missing = new ArrayList<String>();
        for (var key :
                List.of("ecsClusterName", "taskDefinitionArns", "privateSubnetIds", "securityGroupIds", "imageTag")) {
            if (!o.has(key) || o.get(key).isJsonNull()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new OpsFailure("stack " + stack + " has no output " + String.join(", ", missing)
                    + ": run pulumi up with this program's current version first (phase 4 or later)");
        }
        // Every service by part (workers too); a stack last deployed before serviceNames existed names the web two.
        var services = new LinkedHashMap<String, String>();
        if (o.has("serviceNames") && o.get("serviceNames").isJsonObject()) {
            o.getAsJsonObject("serviceNames")
                    .entrySet()
                    .forEach(e -> services.put(e.getKey(), e.getValue().getAsString()));
        } else {
            for (var part : List.of("backend", "frontend")) {
                var key = part + "ServiceName";
                if (o.has(key) && !o.get(key).isJsonNull()) {
                    services.put(part, o.get(key).getAsString());
                }
            }
        }
        var taskDefinitions = new LinkedHashMap<String, String>();
        o.getAsJsonObject("taskDefinitionArns")
                .entrySet()
                .forEach(e -> taskDefinitions.put(e.getKey(), e.getValue().getAsString()));
        var subnets = new ArrayList<String>();
        o.getAsJsonArray("privateSubnetIds").forEach(s -> subnets.add(s.getAsString()));
        JsonElement groups = o.get("securityGroupIds");
        var database = o.has("rdsIdentifier") && !o.get("rdsIdentifier").isJsonNull()
                ? Optional.of(o.get("rdsIdentifier").getAsString())
                : Optional.<String>empty();
        var region = o.has("region") && !o.get("region").isJsonNull()
                ? Optional.of(o.get("region").getAsString())
                : Optional.<String>empty();
        return new StackOutputs(
                stack,
                o.get("ecsClusterName").getAsString(),
                services,
                taskDefinitions,
                List.copyOf(subnets),
                groups.getAsJsonObject().get("ecs").getAsString(),
                database,
                o.get("imageTag").getAsString(),
                region);
    }

    /** The task definition revision of one part, as the last up registered it. */
    public String taskDefinition(String part) {
        var arn = taskDefinitions.get(part);
        if (arn == null) {
            throw new OpsFailure("stack " + stack + " exports no task definition for '" + part + "'");
        }
        return arn;
    }

    /** Runs {@code pulumi stack output --stack <stack> --json} in the working directory (the project). */
    public static StackOutputs fromPulumi(String stack) {
        var command = List.of("pulumi", "stack", "output", "--stack", stack, "--json");
        try {
            var process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            var json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new OpsFailure(
                        String.join(" ", command) + " failed: log in to the stack's backend (pulumi login) "
                                + "and run from the project folder, or pass --outputs <file>");
            }
            return parse(stack, json);
        } catch (IOException e) {
            throw new OpsFailure(
                    "cannot run pulumi (" + e.getMessage() + "): install the Pulumi CLI or pass --outputs <file>");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsFailure("interrupted while reading the stack's outputs");
        }
    }
}
