package com.tutors.infra.plan.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The cost profiles docs/cost.md compares, each a committed stack with overrides, priced by the
 * program itself ({@code plan --profiles}); a test keeps that table equal to this output.
 */
public final class Profiles {
    private Profiles() {}

    /** @param overrides full keys; a null value removes the key */
    public record Profile(String name, String stack, Map<String, String> overrides, String gives) {}

    public static final List<Profile> ALL = List.of(
            new Profile(
                    "The seed's baseline",
                    "prod",
                    ordered(
                            "tutors:natMode",
                            "gateway-single",
                            "tutors:dbInstanceClass",
                            "db.t3.micro",
                            "tutors:dbMultiAz",
                            "false",
                            "tutors:redisNodeType",
                            "cache.t3.micro",
                            "tutors:redisReplicas",
                            "0",
                            "tutors:redisEngine",
                            "redis",
                            "tutors:cpuArchitecture",
                            "X86_64",
                            "tutors:albAccessLogs",
                            "false",
                            "tutors:lastPhase",
                            "5"),
                    "the plan's own list: one AZ of everything stateful, no CDN, WAF or alarms"),
            new Profile(
                    "Lean single-AZ prod",
                    "prod",
                    ordered(
                            "tutors:natMode",
                            "instance",
                            "tutors:dbMultiAz",
                            "false",
                            "tutors:redisReplicas",
                            "0",
                            "tutors:backendDesiredCount",
                            "1",
                            "tutors:frontendDesiredCount",
                            "1"),
                    "CDN, WAF and alarms kept; an AZ outage or a database failover is downtime"),
            new Profile(
                    "Committed prod",
                    "prod",
                    Map.of(),
                    "two-AZ HA: database standby, cache replica, tasks and NAT instances in both AZs, WAF and CDN"),
            new Profile(
                    "Prod with NAT gateways",
                    "prod",
                    ordered("tutors:natMode", "gateway-per-az"),
                    "the same, with managed NAT gateways (no instance to recover, 5-100 Gbps)"),
            new Profile(
                    "Prod on Valkey",
                    "prod",
                    ordered("tutors:redisEngine", "valkey"),
                    "Valkey 8, the Redis 7 protocol (django-redis unchanged), 20% cheaper nodes; an in-place upgrade, "
                            + "but going back replaces the cache"),
            new Profile(
                    "Committed staging",
                    "staging",
                    Map.of(),
                    "office hours MON-FRI 08:00-20:00 Europe/Berlin: services at zero and database stopped outside"),
            new Profile(
                    "Staging around the clock",
                    "staging",
                    Collections.singletonMap("tutors:officeHours", null),
                    "the same stack, never asleep"));

    /** The markdown table, with each profile's monthly total. */
    public static String markdown(ToDoubleFunction<Profile> total) {
        var committed = total.applyAsDouble(ALL.get(2));
        var out = new StringBuilder("| Profile | Stack and overrides | Monthly | vs committed prod | What it gives |\n"
                + "|---|---|---:|---:|---|\n");
        for (var p : ALL) {
            double t = total.applyAsDouble(p);
            var overrides = p.overrides().entrySet().stream()
                    .map(e -> "`" + e.getKey().replace("tutors:", "")
                            + (e.getValue() == null ? "` unset" : "=" + e.getValue() + "`"))
                    .collect(Collectors.joining(" "));
            var delta = t - committed;
            out.append("| ")
                    .append(p.name())
                    .append(" | `")
                    .append(p.stack())
                    .append('`')
                    .append(overrides.isEmpty() ? "" : " " + overrides)
                    .append(" | ")
                    .append(CostReport.money(t))
                    .append(" | ")
                    .append(Math.abs(delta) < 0.005 ? "-" : (delta > 0 ? "+" : "-") + CostReport.money(Math.abs(delta)))
                    .append(" | ")
                    .append(p.gives())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static Map<String, String> ordered(String... keyValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
