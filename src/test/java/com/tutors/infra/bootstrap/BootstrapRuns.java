package com.tutors.infra.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The committed bootstrap stack (with overrides) planned offline, once per input per test JVM. */
final class BootstrapRuns {
    private BootstrapRuns() {}

    private static final Map<String, OfflineRun.Result> CACHE = new ConcurrentHashMap<>();

    static {
        StackRuns.onReset(CACHE::clear);
    }

    static OfflineRun.Result committed() {
        return with(Map.of());
    }

    static OfflineRun.Result with(Map<String, String> overrides) {
        var key = new java.util.TreeMap<>(overrides).toString();
        return StackRuns.caching() ? CACHE.computeIfAbsent(key, k -> plan(overrides)) : plan(overrides);
    }

    private static OfflineRun.Result plan(Map<String, String> overrides) {
        var values = new java.util.HashMap<>(BootstrapSettingsTest.committed());
        values.putAll(overrides);
        var result = OfflineRun.execute(
                BootstrapSettings.PROJECT,
                Bootstrap::program,
                "account",
                values,
                java.util.Set.of(),
                java.util.Set.of(),
                true);
        assertTrue(result.succeeded(), () -> "the bootstrap program failed: " + result.problems());
        return result;
    }

    static PlannedResource named(OfflineRun.Result result, String type, String name) {
        var matches = result.resources().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .toList();
        assertEquals(1, matches.size(), () -> "expected one " + type + " named " + name);
        return matches.get(0);
    }

    static List<PlannedResource> ofType(OfflineRun.Result result, String type) {
        return result.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object text) {
        return new Gson().fromJson((String) text, Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Object policyText) {
        return (List<Map<String, Object>>) json(policyText).get("Statement");
    }
}
