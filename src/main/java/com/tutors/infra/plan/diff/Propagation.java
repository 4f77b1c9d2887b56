package com.tutors.infra.plan.diff;

import com.tutors.infra.plan.diff.PlanDiff.Change;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** How a replacement reaches the resources that take the replaced one's outputs ({@link PlanDiff}'s second pass). */
final class Propagation {
    private Propagation() {}

    /**
     * A replaced resource gets new ids and ARNs, which reach every resource that takes one of its outputs:
     * those change too (an ECS service moves to the new task definition revision). Where the plan knows
     * the replaced resource's id and ARN, the inputs holding them are found, and a dependent whose
     * replace-forcing input holds one is replaced in turn (a NAT instance in a replaced subnet);
     * otherwise it is shown as updated "from" the replaced one.
     */
    static void replacements(
            List<Change> changes,
            Map<String, PlannedResource> old,
            Map<String, PlannedResource> now,
            ReplaceRules rules) {
        var replaced = new java.util.HashSet<String>();
        changes.stream().filter(c -> c.kind() == Kind.REPLACE).forEach(c -> replaced.add(c.urn()));
        boolean grew = true;
        while (grew) { // a task definition replaced by a new secret version replaces in turn what runs it
            grew = false;
            var byUrn = PlanDiff.byUrn(changes);
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

    /** Collects the leaf paths (as {@link PlanDiff#compare} names them) whose value holds one of {@code ids}. */
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
}
