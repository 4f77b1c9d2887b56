package com.tutors.infra.plan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.Phase;
import com.tutors.infra.plan.cost.CostModel;
import com.tutors.infra.plan.cost.CostReport;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an {@link OfflineRun.Result}. Secret values always print as {@code "[secret]"}. */
public final class PlanFormats {
    private PlanFormats() {}

    public static String json(OfflineRun.Result result, CostModel.Estimate estimate) {
        var gson = new GsonBuilder()
                .setPrettyPrinting()
                .serializeNulls()
                .disableHtmlEscaping()
                .registerTypeAdapter(PlannedResource.Secret.class, (JsonSerializer<PlannedResource.Secret>)
                        (s, t, c) -> new JsonPrimitive("[secret]"))
                // Protobuf numbers are doubles: print whole ones as integers (port 443, not 443.0).
                .registerTypeAdapter(Double.class, (JsonSerializer<Double>) (d, t, c) ->
                        d == Math.rint(d) && !d.isInfinite() ? new JsonPrimitive(d.longValue()) : new JsonPrimitive(d))
                .create();
        var document = new LinkedHashMap<String, Object>();
        document.put("stack", result.stack());
        document.put("project", Keys.PROJECT);
        document.put("config", result.config());
        document.put("placeholderSecrets", result.placeholders());
        var resources = new ArrayList<Map<String, Object>>();
        for (var r : result.resources()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("urn", r.urn());
            entry.put("type", r.type());
            entry.put("name", r.name());
            entry.put("parent", r.parentUrn().isEmpty() ? null : r.parentUrn());
            entry.put("provider", r.providerRef().isEmpty() ? null : r.providerRef());
            entry.put("phase", r.phase());
            if (r.protect()) {
                entry.put("protect", true);
            }
            if (!r.dependencies().isEmpty()) {
                // Sorted: the SDK registers them in no fixed order, and the same program must print the same plan.
                entry.put("dependencies", new java.util.TreeSet<>(r.dependencies()));
            }
            if (!r.identifiers().isEmpty()) {
                entry.put("identifiers", r.identifiers()); // what a dependent takes of it (the diff's propagation)
            }
            if (!r.ignoreChanges().isEmpty()) {
                entry.put("ignoreChanges", r.ignoreChanges()); // the diff leaves these inputs to the running stack
            }
            entry.put("inputs", r.inputs());
            resources.add(entry);
        }
        document.put("resources", resources);
        document.put("outputs", result.outputs());
        var cost = new LinkedHashMap<String, Object>();
        cost.put("currency", "USD");
        cost.put("priceVersion", estimate.priceVersion());
        cost.put("total", round(estimate.total()));
        if (estimate.partial()) {
            cost.put("partial", true); // the total counts priced lines only
        }
        var phases = new LinkedHashMap<String, Object>();
        estimate.byPhase().forEach((p, usd) -> phases.put(String.valueOf(p), round(usd)));
        cost.put("byPhase", phases);
        cost.put("usage", estimate.usage().all());
        cost.put(
                "lines",
                estimate.lines().stream()
                        .map(l -> {
                            var line = new LinkedHashMap<String, Object>();
                            line.put("phase", l.phase());
                            line.put("resource", l.resource());
                            line.put("item", l.item());
                            line.put("quantity", round(l.quantity()));
                            line.put("unit", l.unit());
                            line.put("unitPrice", l.priced() ? l.unitPrice() : null);
                            line.put("monthly", l.priced() ? round(l.monthly()) : null);
                            return line;
                        })
                        .toList());
        document.put("cost", cost);
        JsonElement tree = gson.toJsonTree(document);
        return gson.toJson(tree == null ? JsonNull.INSTANCE : tree) + "\n";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    public static String text(OfflineRun.Result result, CostModel.Estimate estimate) {
        var text = new StringBuilder();
        var byParent = new HashMap<String, List<PlannedResource>>();
        result.resources()
                .forEach(r -> byParent.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>())
                        .add(r));
        long count = result.resources().stream()
                .filter(r -> r.custom() && !r.isProvider())
                .count();
        text.append("Stack ")
                .append(Keys.PROJECT)
                .append('/')
                .append(result.stack())
                .append(": ")
                .append(count)
                .append(" AWS resources would be created\n");
        if (!result.placeholders().isEmpty()) {
            text.append("(offline stand-ins for secrets not in the stack file: ")
                    .append(String.join(", ", result.placeholders()))
                    .append(")\n");
        }
        for (var phase : Phase.values()) {
            var components = result.resources().stream()
                    .filter(r -> r.type().equals(phase.componentType()))
                    .toList();
            if (components.isEmpty()) {
                continue;
            }
            long inPhase = result.resources().stream()
                    .filter(r -> r.phase() == phase.number() && r.custom())
                    .count();
            text.append("\nPhase ")
                    .append(phase.number())
                    .append(' ')
                    .append(phase.title())
                    .append(" (")
                    .append(inPhase)
                    .append(" resources)\n");
            components.forEach(c -> tree(c, byParent, "  ", text));
        }
        text.append("\nEstimated monthly cost: ")
                .append(CostReport.money(estimate.total()))
                .append(estimate.partial() ? " PARTIAL (" + estimate.unpriced().size() + " line(s) unpriced)" : "")
                .append(" (");
        var first = true;
        for (var phase : estimate.byPhase().entrySet()) {
            text.append(first ? "" : ", ")
                    .append("phase ")
                    .append(phase.getKey())
                    .append(' ')
                    .append(CostReport.money(phase.getValue()));
            first = false;
        }
        text.append("); details: --format cost\n");
        text.append("\nOutputs (offline values):\n");
        result.outputs()
                .forEach((k, v) ->
                        text.append("  ").append(k).append(" = ").append(v).append('\n'));
        return text.toString();
    }

    private static void tree(
            PlannedResource r, Map<String, List<PlannedResource>> byParent, String indent, StringBuilder text) {
        text.append(indent)
                .append(r.name())
                .append("  ")
                .append(r.type())
                .append(r.protect() ? "  [protected]" : "")
                .append('\n');
        for (var child : byParent.getOrDefault(r.urn(), List.of())) {
            tree(child, byParent, indent + "  ", text);
        }
    }
}
