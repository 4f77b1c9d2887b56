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
        propagateReplacements(changes, old, now, rules);
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

    /**
     * A replaced resource gets new ids and ARNs, which reach every resource that takes one of its outputs:
     * those change too (an ECS service moves to the new task definition revision). Where the plan knows
     * the replaced resource's id and ARN, the inputs holding them are found, and a dependent whose
     * replace-forcing input holds one is replaced in turn (a NAT instance in a replaced subnet);
     * otherwise it is shown as updated "from" the replaced one.
     */
    private static void propagateReplacements(
            List<Change> changes,
            Map<String, PlannedResource> old,
            Map<String, PlannedResource> now,
            ReplaceRules rules) {
        var replaced = new java.util.HashSet<String>();
        changes.stream().filter(c -> c.kind() == Kind.REPLACE).forEach(c -> replaced.add(c.urn()));
        boolean grew = true;
        while (grew) { // a task definition replaced by a new secret version replaces in turn what runs it
            grew = false;
            var byUrn = byUrn(changes);
            for (var r : now.values()) {
                var from = r.dependencies().stream()
                        .filter(replaced::contains)
                        .map(PlanDiff::describe)
                        .distinct()
                        .sorted()
                        .toList();
                if (from.isEmpty()) {
                    continue;
                }
                var existing = byUrn.get(r.urn());
                var note = "outputs of " + String.join(", ", from);
                if (existing != null
                        && (existing.kind() != Kind.UPDATE || existing.changed().contains(note))) {
                    continue;
                }
                var changed = new ArrayList<String>(existing == null ? List.of() : existing.changed());
                changed.add(note);
                // The inputs that hold a replaced resource's id or ARN get its successor's: do they force a
                // replacement?
                var ids = new java.util.HashSet<String>();
                r.dependencies().stream()
                        .filter(replaced::contains)
                        .map(old::get)
                        .filter(Objects::nonNull)
                        .forEach(d -> d.identifiers().stream()
                                .filter(id -> generated(id, d, rules))
                                .forEach(ids::add));
                var holding = new TreeSet<String>();
                holding("", r.inputs(), ids, holding);
                var was = old.get(r.urn());
                var forcing = holding.isEmpty() || was == null
                        ? List.<String>of()
                        : rules.replacing(r.type(), holding, was.inputs(), r.inputs());
                boolean replaces = REPLACED_BY_ANY_CHANGE.contains(r.type()) || !forcing.isEmpty();
                var replacing = forcing.isEmpty()
                        ? List.of(note)
                        : forcing.stream().map(p -> p + " (" + note + ")").toList();
                boolean deleteFirst = replaces
                        && rules.of(r.type())
                                .map(t -> t.autonamed()
                                        && t.physicalName()
                                                .map(n -> r.inputs().get(n) != null)
                                                .orElse(false))
                                .orElse(false);
                var change = new Change(
                        r.urn(),
                        r.type(),
                        r.name(),
                        r.phase(),
                        replaces ? Kind.REPLACE : Kind.UPDATE,
                        List.copyOf(changed),
                        replaces ? List.copyOf(replacing) : List.of(),
                        deleteFirst,
                        r.protect());
                if (existing == null) {
                    changes.add(change);
                } else {
                    changes.set(changes.indexOf(existing), change);
                }
                if (replaces && replaced.add(r.urn())) {
                    grew = true;
                }
            }
        }
    }

    /**
     * Whether an id or ARN is one AWS generates, and so changes when the resource is replaced (vpc-..., an
     * instance id, a UUID, a target group's ARN suffix), rather than its name, which a replacement keeps
     * (a role's ARN, a bucket's name): what is left after the names and account ids holds a run of six
     * or more hex digits.
     */
    static boolean generated(String identifier, PlannedResource owner, ReplaceRules rules) {
        var part = identifier.startsWith("arn:")
                ? identifier.split(":", 6)[identifier.split(":", 6).length - 1]
                : identifier;
        var names = new ArrayList<String>(List.of(owner.name()));
        rules.of(owner.type())
                .flatMap(t -> t.physicalName())
                .map(n -> owner.inputs().get(n))
                .filter(v -> v instanceof String s && !s.isEmpty())
                .ifPresent(v -> names.add((String) v));
        if (owner.inputs().get("name") instanceof String n && !n.isEmpty()) {
            names.add(n);
        }
        for (var name : names) {
            part = part.replace(name, "");
        }
        return part.replaceAll("\\d{12}", "").matches("(?s).*[0-9A-Fa-f]{6,}.*");
    }

    /** Collects the leaf paths (as {@link #compare} names them) whose value holds one of {@code ids}. */
    @SuppressWarnings("unchecked")
    static void holding(String path, Object value, Set<String> ids, Set<String> out) {
        if (value instanceof PlannedResource.Secret s) {
            value = s.value();
        }
        if (value instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> holding(path.isEmpty() ? k : path + "." + k, v, ids, out));
        } else if (value instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map)) {
            l.forEach(x -> holding(path + "[]", x, ids, out));
        } else if (value != null && !ids.isEmpty()) {
            var text = String.valueOf(value);
            if (ids.stream().anyMatch(text::contains)) {
                out.add(path);
            }
        }
    }

    /** Types whose every input forces a replacement: one that takes a replaced resource's outputs is replaced too. */
    private static final Set<String> REPLACED_BY_ANY_CHANGE =
            Set.of("aws:ecs/taskDefinition:TaskDefinition", "aws:secretsmanager/secretVersion:SecretVersion");

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
