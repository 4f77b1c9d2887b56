package com.tutors.infra.plan;

import com.tutors.infra.Main;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan command's planner for tests: the real program with stand-in secrets, as the command runs it,
 * each distinct (folder, stack, overrides) planned once per test JVM. Exceptions are not cached.
 */
final class CachedPlans implements PlanCommand.Planner {
    static final CachedPlans INSTANCE = new CachedPlans();

    private final Map<String, OfflineRun.Result> cache = new ConcurrentHashMap<>();

    private CachedPlans() {
        com.tutors.infra.StackRuns.onReset(cache::clear);
    }

    @Override
    public OfflineRun.Result plan(Path dir, String stack, Map<String, String> overrides) {
        var key = dir.toAbsolutePath().normalize() + "|" + stack + "|" + new TreeMap<>(overrides);
        var hit = com.tutors.infra.StackRuns.caching() ? cache.get(key) : null;
        if (hit != null) {
            return hit;
        }
        var result = OfflineRun.plan(Main::stack, dir, stack, overrides, Map.of());
        cache.put(key, result);
        return result;
    }
}
