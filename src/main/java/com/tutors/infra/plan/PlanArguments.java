package com.tutors.infra.plan;

import com.tutors.infra.config.Keys;
import com.tutors.infra.plan.cost.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan command's key=value arguments, read into overrides and usage assumptions; a mistake is a {@link BadArguments}. */
final class PlanArguments {
    private PlanArguments() {}

    /** --usage key=number pairs over the defaults. */
    static Usage usage(List<String> usage) {
        var values = Usage.defaults();
        for (var u : usage) {
            int eq = u.indexOf('=');
            if (eq <= 0) {
                throw new BadArguments("--usage takes key=number, got '" + u + "'");
            }
            double value;
            try {
                value = Double.parseDouble(u.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new BadArguments("--usage " + u + ": not a number");
            }
            if (!Double.isFinite(value)) {
                throw new BadArguments("--usage " + u + ": not a finite number; allowed: 0 or more");
            }
            try {
                values = values.with(u.substring(0, eq), value);
            } catch (IllegalArgumentException e) {
                throw new BadArguments("--usage " + u + ": " + e.getMessage());
            }
        }
        return values;
    }

    /** key=value pairs and removed keys as one override map (a null value removes the key). */
    static Map<String, String> overrides(List<String> pairs, List<String> removed, String flag) {
        var map = new LinkedHashMap<String, String>();
        for (var pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadArguments(flag + " takes key=value, got '" + pair + "'");
            }
            map.put(fullKey(pair.substring(0, eq)), pair.substring(eq + 1));
        }
        removed.forEach(key -> map.put(fullKey(key), null));
        return map;
    }

    private static String fullKey(String key) {
        return key.contains(":") ? key : Keys.PROJECT + ":" + key;
    }

    static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        var map = new LinkedHashMap<>(a);
        map.putAll(b);
        return map;
    }

    /** A mistake in the arguments; the message says what to do. */
    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message, null, false, false);
        }
    }
}
