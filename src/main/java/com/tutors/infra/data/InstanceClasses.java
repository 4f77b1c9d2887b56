package com.tutors.infra.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RDS PostgreSQL instance classes and ElastiCache node types that exist (current generations, as
 * of 2026), so a typo such as db.t4g.huge fails before deploy with the sizes there are. A class that
 * exists but is not in the price file plans with an unpriced line.
 */
public final class InstanceClasses {
    private InstanceClasses() {}

    private static final List<String> BURSTABLE = List.of("micro", "small", "medium", "large", "xlarge", "2xlarge");
    private static final List<String> INTEL =
            List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge");
    private static final List<String> GRAVITON =
            List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge");

    static final Map<String, List<String>> RDS = families(
            "db.t3", BURSTABLE, "db.t4g", BURSTABLE, "db.m5", INTEL, "db.m6i", INTEL, "db.m7i", INTEL, "db.m6g",
            GRAVITON, "db.m7g", GRAVITON, "db.r5", INTEL, "db.r6i", INTEL, "db.r7i", INTEL, "db.r6g", GRAVITON,
            "db.r7g", GRAVITON);

    private static final List<String> CACHE_BURSTABLE = List.of("micro", "small", "medium");
    private static final List<String> CACHE_LARGE =
            List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge");

    static final Map<String, List<String>> CACHE = families(
            "cache.t3",
            CACHE_BURSTABLE,
            "cache.t4g",
            CACHE_BURSTABLE,
            "cache.m5",
            CACHE_LARGE,
            "cache.m6g",
            CACHE_LARGE,
            "cache.m7g",
            CACHE_LARGE,
            "cache.r5",
            CACHE_LARGE,
            "cache.r6g",
            CACHE_LARGE,
            "cache.r7g",
            CACHE_LARGE);

    /** @return what is wrong with {@code value} as one of {@code table}'s classes, or empty */
    static Optional<String> problem(Map<String, List<String>> table, String value, String what) {
        int dot = value.lastIndexOf('.');
        var family = dot > 0 ? value.substring(0, dot) : value;
        var size = dot > 0 ? value.substring(dot + 1) : "";
        var sizes = table.get(family);
        if (sizes == null) {
            return Optional.of(
                    "no " + what + " family '" + family + "'; allowed families: " + String.join(", ", table.keySet()));
        }
        if (!sizes.contains(size)) {
            return Optional.of(family + " has no size '" + size + "'; allowed: " + family + "."
                    + String.join(", " + family + ".", sizes));
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> families(Object... pairs) {
        var map = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            var sizes = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], sizes);
        }
        return map;
    }
}
