package com.tutors.infra.plan.diff;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pulumi up} would do to go from one planned configuration to another: resources are
 * matched by URN (a new URN is a create plus a delete), inputs compared leaf by leaf, and a change
 * to a replace-forcing input ({@link ReplaceRules}) is a replacement. It compares configurations,
 * not live state: drift and provider-side defaults are {@code pulumi preview}'s to find.
 */
public final class PlanDiff {
    private PlanDiff() {}

    public enum Kind {
        CREATE("+", "create"),
        UPDATE("~", "update"),
        REPLACE("±", "replace"),
        DELETE("-", "delete");

        public final String symbol;
        public final String word;

        Kind(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }
    }

    /**
     * @param changed     top-level inputs that differ (secret ones only as "changed", never their values)
     * @param replacing   the changed paths that force the replacement
     * @param deleteFirst a replacement of a resource with an explicit physical name: the bridge deletes it
     *                    before it creates the new one
     */
    public record Change(
            String urn,
            String type,
            String name,
            int phase,
            Kind kind,
            List<String> changed,
            List<String> replacing,
            boolean deleteFirst,
            boolean protect) {}

    public enum Severity {
        DANGER,
        NOTE
    }

    public record Warning(Severity severity, String name, String message) {}

    public record Result(
            String before, String after, List<Change> changes, List<Warning> warnings, String rulesVersion) {
        public boolean dangerous() {
            return warnings.stream().anyMatch(w -> w.severity() == Severity.DANGER);
        }

        public long count(Kind kind) {
            return changes.stream().filter(c -> c.kind() == kind).count();
        }
    }

    public static Result between(
            String beforeLabel,
            List<PlannedResource> before,
            String afterLabel,
            List<PlannedResource> after,
            ReplaceRules rules) {
        var old = index(before);
        var now = index(after);
        var changes = new ArrayList<Change>();
        for (var r : now.values()) {
            var was = old.get(r.urn());
            if (was == null) {
                changes.add(new Change(
                        r.urn(), r.type(), r.name(), r.phase(), Kind.CREATE, List.of(), List.of(), false, r.protect()));
                continue;
            }
            var paths = new TreeSet<String>();
            compare("", was.inputs(), r.inputs(), paths);
            paths.removeIf(p -> r.ignoreChanges().stream()
                    .anyMatch(i -> p.equals(i) || p.startsWith(i + ".") || p.startsWith(i + "[]")));
            if (paths.isEmpty()) {
                continue;
            }
            var replacing = rules.replacing(r.type(), paths, was.inputs(), r.inputs());
            var top = new TreeSet<String>();
            for (var p : paths) {
                var key = p.split("[.\\[]", 2)[0];
                top.add(
                        r.inputs().get(key) instanceof PlannedResource.Secret
                                        || was.inputs().get(key) instanceof PlannedResource.Secret
                                ? key + " (secret)"
                                : key);
            }
            boolean deleteFirst = !replacing.isEmpty()
                    && rules.of(r.type())
                            .map(t -> t.autonamed()
                                    && t.physicalName()
                                            .map(n -> r.inputs().get(n) != null)
                                            .orElse(false))
                            .orElse(false);
            changes.add(new Change(
                    r.urn(),
                    r.type(),
                    r.name(),
                    r.phase(),
                    replacing.isEmpty() ? Kind.UPDATE : Kind.REPLACE,
                    List.copyOf(top),
                    replacing,
                    deleteFirst,
                    was.protect()));
        }
        Propagation.replacements(changes, old, now, rules);
        for (var r : old.values()) {
            if (!now.containsKey(r.urn())) {
                changes.add(new Change(
                        r.urn(), r.type(), r.name(), r.phase(), Kind.DELETE, List.of(), List.of(), false, r.protect()));
            }
        }
        changes.sort((a, b) -> a.phase() != b.phase()
                ? Integer.compare(a.phase(), b.phase())
                : a.urn().compareTo(b.urn()));
        var warnings = Warnings.of(changes, old, now);
        return new Result(beforeLabel, afterLabel, List.copyOf(changes), warnings, rules.version());
    }

    /** "Type name" of a URN ({@code urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>}). */
    static String describe(String urn) {
        var name = urn.substring(urn.lastIndexOf("::") + 2);
        var types = urn.substring(0, urn.lastIndexOf("::"));
        var type = types.substring(Math.max(types.lastIndexOf('$'), types.lastIndexOf("::") + 1) + 1);
        return Warnings.shortType(type) + " " + name;
    }

    /** AWS resources only: the stack, components and providers are not part of what an update changes in AWS. */
    private static Map<String, PlannedResource> index(List<PlannedResource> resources) {
        var map = new LinkedHashMap<String, PlannedResource>();
        resources.stream().filter(r -> r.custom() && !r.isProvider()).forEach(r -> map.put(r.urn(), r));
        return map;
    }

    /** Collects the leaf paths where {@code a} and {@code b} differ. */
    @SuppressWarnings("unchecked")
    static void compare(String path, Object a, Object b, Set<String> out) {
        if (a instanceof PlannedResource.Secret x
                && b instanceof PlannedResource.Secret y
                && (SavedPlan.OPAQUE.equals(x.value()) || SavedPlan.OPAQUE.equals(y.value()))) {
            return; // a saved plan never holds a secret's value: whether it changed cannot be told from it
        }
        if (a instanceof PlannedResource.Secret s) {
            a = s.value();
        }
        if (b instanceof PlannedResource.Secret s) {
            b = s.value();
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            var keys = new TreeSet<String>();
            ((Map<String, Object>) ma).keySet().forEach(keys::add);
            ((Map<String, Object>) mb).keySet().forEach(keys::add);
            for (var k : keys) {
                compare(path.isEmpty() ? k : path + "." + k, ma.get(k), mb.get(k), out);
            }
            return;
        }
        if (a instanceof List<?> la
                && b instanceof List<?> lb
                && la.size() == lb.size()
                && la.stream().allMatch(x -> x instanceof Map)
                && lb.stream().allMatch(x -> x instanceof Map)) {
            for (int i = 0; i < la.size(); i++) {
                compare(path + "[]", la.get(i), lb.get(i), out);
            }
            return;
        }
        if (!Objects.equals(normal(a), normal(b))) {
            out.add(path);
        }
    }

    /** An absent input and an empty list are the same to the provider. */
    private static Object normal(Object value) {
        return value instanceof List<?> l && l.isEmpty() ? null : value;
    }

    /** For the warnings: a change by URN. */
    static Map<String, Change> byUrn(List<Change> changes) {
        var map = new HashMap<String, Change>();
        changes.forEach(c -> map.put(c.urn(), c));
        return map;
    }
}
