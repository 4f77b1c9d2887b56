package com.tutors.infra.plan.cost;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a comparison needs of a plan: resources and monthly cost per phase. Made from a run, or read
 * back from a saved {@code plan --format json} (a pull request compares its plan with main's).
 */
public record PlanSummary(Map<Integer, Long> resources, Map<Integer, Double> cost, double total, String priceVersion) {

    public static PlanSummary of(List<PlannedResource> resources, CostModel.Estimate estimate) {
        var counts = new TreeMap<Integer, Long>();
        resources.stream()
                .filter(r -> r.custom() && !r.isProvider())
                .forEach(r -> counts.merge(r.phase(), 1L, Long::sum));
        return new PlanSummary(counts, new TreeMap<>(estimate.byPhase()), estimate.total(), estimate.priceVersion());
    }

    /** @throws IllegalArgumentException if the text is not a plan in JSON */
    public static PlanSummary fromJson(String json) {
        try {
            var doc = JsonParser.parseString(json).getAsJsonObject();
            var counts = new TreeMap<Integer, Long>();
            for (var element : doc.getAsJsonArray("resources")) {
                var r = element.getAsJsonObject();
                var type = r.get("type").getAsString();
                if (type.startsWith("aws:")) { // not the stack, a provider or a component
                    counts.merge(r.get("phase").getAsInt(), 1L, Long::sum);
                }
            }
            JsonObject cost = doc.getAsJsonObject("cost");
            var byPhase = new TreeMap<Integer, Double>();
            cost.getAsJsonObject("byPhase")
                    .entrySet()
                    .forEach(e -> byPhase.put(
                            Integer.parseInt(e.getKey()), e.getValue().getAsDouble()));
            return new PlanSummary(
                    counts,
                    byPhase,
                    cost.get("total").getAsDouble(),
                    cost.get("priceVersion").getAsString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a plan in JSON (plan --format json): " + e.getMessage(), e);
        }
    }
}
