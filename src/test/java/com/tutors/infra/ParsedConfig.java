package com.tutors.infra;

import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.config.SettingsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settings parser alone (no engine), on a stack's valid secrets and domain plus overrides. */
public final class ParsedConfig {
    private ParsedConfig() {}

    /** @param keyValues full keys and values; a null value removes the key */
    public static StackSettings parse(String stack, String... keyValues) {
        return StackSettings.parse(ConfigSource.of(config(keyValues), stack));
    }

    /** Every problem the parser reports, or none. */
    public static List<String> problems(String stack, String... keyValues) {
        try {
            parse(stack, keyValues);
            return List.of();
        } catch (SettingsException e) {
            return e.problems();
        }
    }

    private static Map<String, String> config(String... keyValues) {
        var all = new HashMap<String, String>(Map.of(
                "tutors:dbPassword",
                "x".repeat(16),
                "tutors:redisAuthToken",
                "y".repeat(16),
                "tutors:djangoSecretKey",
                "z".repeat(50),
                "tutors:nextauthSecret",
                "w".repeat(32),
                "tutors:originSecret",
                "o".repeat(32),
                "tutors:domain",
                "tutors.example.com"));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                all.remove(keyValues[i]);
            } else {
                all.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return all;
    }
}
