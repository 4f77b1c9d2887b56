package com.tutors.infra.plan.diff;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which inputs force a replacement, per resource type: the versioned data file
 * {@code provider/replace-forcing.json} (schema ForceNew), plus the provider's CustomizeDiff
 * conditions the program can meet, in code with their source.
 */
public final class ReplaceRules {

    /** One type's rules from the file. */
    public record TypeRules(
            Optional<String> physicalName, boolean autonamed, List<String> forceNew, List<String> conditional) {}

    private final Map<String, TypeRules> types;
    private final String version;

    private ReplaceRules(Map<String, TypeRules> types, String version) {
        this.types = Map.copyOf(types);
        this.version = version;
    }

    private static final ReplaceRules DEFAULT = load();

    public static ReplaceRules standard() {
        return DEFAULT;
    }

    private static ReplaceRules load() {
        var stream = ReplaceRules.class.getResourceAsStream("/provider/replace-forcing.json");
        if (stream == null) {
            throw new IllegalStateException("provider/replace-forcing.json is missing from the jar");
        }
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            var doc = JsonParser.parseReader(reader).getAsJsonObject();
            var map = new HashMap<String, TypeRules>();
            doc.getAsJsonObject("types").entrySet().forEach(e -> {
                var t = e.getValue().getAsJsonObject();
                var physical = t.get("physicalName").isJsonNull()
                        ? Optional.<String>empty()
                        : Optional.of(t.get("physicalName").getAsString());
                var forceNew = new ArrayList<String>();
                t.getAsJsonArray("forceNew").forEach(x -> forceNew.add(x.getAsString()));
                var conditional = new ArrayList<String>();
                if (t.has("conditional")) {
                    t.getAsJsonArray("conditional").forEach(x -> conditional.add(x.getAsString()));
                }
                map.put(e.getKey(), new TypeRules(physical, t.get("autonamed").getAsBoolean(), forceNew, conditional));
            });
            return new ReplaceRules(
                    map,
                    doc.get("providerVersion").getAsString() + ", read "
                            + doc.get("read").getAsString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read provider/replace-forcing.json", e);
        }
    }

    public String version() {
        return version;
    }

    public Set<String> types() {
        return types.keySet();
    }

    public Optional<TypeRules> of(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /**
     * The changed input paths that force a replacement of a resource of {@code type}.
     *
     * @param changed leaf paths that differ ({@code a.b}, {@code a[].b})
     */
    public List<String> replacing(
            String type, Set<String> changed, Map<String, Object> before, Map<String, Object> after) {
        var rules = types.get(type);
        if (rules == null) {
            return List.of();
        }
        var out = new ArrayList<String>();
        for (var path : changed) {
            for (var forced : rules.forceNew()) {
                // A changed field under a forcing one, or a whole block or list (added, removed, resized)
                // that holds forcing fields: the provider sees those fields change too.
                if (path.equals(forced)
                        || path.startsWith(forced + ".")
                        || path.startsWith(forced + "[]")
                        || forced.startsWith(path + ".")
                        || forced.startsWith(path + "[]")) {
                    out.add(path);
                    break;
                }
            }
        }
        out.addAll(conditional(type, changed, before, after));
        return out.stream().distinct().sorted().toList();
    }

    /** CustomizeDiff conditions, each as the provider source states it. */
    private static List<String> conditional(
            String type, Set<String> changed, Map<String, Object> before, Map<String, Object> after) {
        var out = new ArrayList<String>();
        switch (type) {
            // internal/service/ecs/service.go, capacityProviderStrategyCustomizeDiff: a changed strategy
            // forces a new service unless force_new_deployment is true and the list stays non-empty.
            case "aws:ecs/service:Service" -> {
                if (touches(changed, "capacityProviderStrategies")) {
                    boolean forceNewDeployment = Boolean.TRUE.equals(after.get("forceNewDeployment"));
                    boolean emptyBefore = isEmpty(before.get("capacityProviderStrategies"));
                    boolean emptyAfter = isEmpty(after.get("capacityProviderStrategies"));
                    if (!forceNewDeployment || emptyBefore != emptyAfter) {
                        out.add("capacityProviderStrategies");
                    }
                }
            }
            // internal/service/elasticache/replication_group.go CustomizeDiff: an engine change replaces,
            // except redis -> valkey (ModifyReplicationGroup, provider 5.73+); an engine-version downgrade replaces.
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                if (touches(changed, "engine")
                        && !("redis".equals(before.get("engine")) && "valkey".equals(after.get("engine")))) {
                    out.add("engine");
                }
                if (touches(changed, "engineVersion")
                        && !touches(changed, "engine")
                        && compareVersions(
                                        String.valueOf(after.get("engineVersion")),
                                        String.valueOf(before.get("engineVersion")))
                                < 0) {
                    out.add("engineVersion");
                }
            }
            // internal/service/ec2/ec2_instance.go: user data replaces the instance only with
            // user_data_replace_on_change.
            case "aws:ec2/instance:Instance" -> {
                if (touches(changed, "userData") && Boolean.TRUE.equals(after.get("userDataReplaceOnChange"))) {
                    out.add("userData");
                }
            }
            default -> {}
        }
        return out;
    }

    private static boolean touches(Set<String> changed, String input) {
        return changed.stream()
                .anyMatch(p -> p.equals(input) || p.startsWith(input + ".") || p.startsWith(input + "[]"));
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof List<?> l && l.isEmpty());
    }

    static int compareVersions(String a, String b) {
        var x = a.split("\\.");
        var y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? parse(x[i]) : 0;
            int q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
