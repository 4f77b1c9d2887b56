package com.tutors.infra.plan.diff;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.tutors.infra.plan.model.PlannedResource;
import com.tutors.infra.plan.model.Urns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plan saved with {@code plan --format json}, read back for a diff. */
public final class SavedPlan {
    private SavedPlan() {}

    /** How a saved plan prints every secret value. */
    static final String OPAQUE = "[secret]";

    /** @throws IllegalArgumentException when the text is not such a plan */
    @SuppressWarnings("unchecked")
    public static List<PlannedResource> resources(String json) {
        try {
            var doc = JsonParser.parseString(json).getAsJsonObject();
            var gson = new Gson();
            var out = new ArrayList<PlannedResource>();
            for (var element : doc.getAsJsonArray("resources")) {
                var r = element.getAsJsonObject();
                var type = r.get("type").getAsString();
                Map<String, Object> inputs = gson.fromJson(r.get("inputs"), Map.class);
                var dependencies = new ArrayList<String>();
                if (r.has("dependencies")) {
                    r.getAsJsonArray("dependencies").forEach(x -> dependencies.add(x.getAsString()));
                }
                var ignore = new ArrayList<String>();
                if (r.has("ignoreChanges")) {
                    r.getAsJsonArray("ignoreChanges").forEach(x -> ignore.add(x.getAsString()));
                }
                boolean custom = !type.startsWith("pulumi:pulumi:") && !type.startsWith("tutors:");
                var identifiers = new ArrayList<String>();
                if (r.has("identifiers")) {
                    r.getAsJsonArray("identifiers").forEach(x -> identifiers.add(x.getAsString()));
                }
                // Plans saved before the engine's URN form (a base branch's) still match by URN.
                dependencies.replaceAll(Urns::engineForm);
                out.add(new PlannedResource(
                        Urns.engineForm(r.get("urn").getAsString()),
                        type,
                        r.get("name").getAsString(),
                        custom,
                        r.get("parent").isJsonNull()
                                ? ""
                                : Urns.engineForm(r.get("parent").getAsString()),
                        r.get("provider").isJsonNull()
                                ? ""
                                : Urns.engineForm(r.get("provider").getAsString()),
                        r.has("protect") && r.get("protect").getAsBoolean(),
                        List.copyOf(dependencies),
                        List.copyOf(ignore),
                        List.of(),
                        secrets(inputs),
                        r.get("phase").getAsInt(),
                        null,
                        List.copyOf(identifiers)));
            }
            return List.copyOf(out);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a plan in JSON (plan --format json): " + e.getMessage(), e);
        }
    }

    /** A saved plan prints secrets as "[secret]": keep them marked, so the diff never shows them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> secrets(Map<String, Object> inputs) {
        var out = new java.util.LinkedHashMap<String, Object>();
        inputs.forEach((k, v) -> out.put(k, mark(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object mark(Object v) {
        if (OPAQUE.equals(v)) {
            return new PlannedResource.Secret(OPAQUE);
        }
        if (v instanceof Map<?, ?> m) {
            return secrets((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SavedPlan::mark).toList();
        }
        return v;
    }
}
