package com.tutors.infra.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.SecretValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads typed values of {@link Keys} from a {@link ConfigSource} and records every problem instead of
 * stopping at the first. An invalid value is recorded and replaced by the key's (valid) default, so a
 * parser never sees null; checks that combine keys ask {@link #ok} first, so one bad key is reported
 * once. {@link #finish} throws when anything was recorded, before any resource is declared.
 */
public final class KeyReader {
    private final ConfigSource source;
    private final Environment environment;
    private final List<String> problems;
    private final Set<Key> failed = new HashSet<>();

    public KeyReader(ConfigSource source, Environment environment, List<String> problems) {
        this.source = source;
        this.environment = environment;
        this.problems = problems;
    }

    public Environment environment() {
        return environment;
    }

    public Naming naming() {
        return new Naming(environment);
    }

    /** The value as set in the stack, without its default. */
    public Optional<String> raw(Key key) {
        return source.get(key.fullName());
    }

    /** A flag key's value (its {@link Rule.Flag}), or its default. */
    public boolean flag(Key key) {
        require(key.rule() instanceof Rule.Flag, key + " is not a flag key");
        return get(key, raw -> (Boolean) key.rule().parse(raw));
    }

    /** A number key's value within its {@link Rule.Range}, or its default. */
    public int number(Key key) {
        require(key.rule() instanceof Rule.Range, key + " is not a number key");
        return get(key, raw -> (Integer) key.rule().parse(raw));
    }

    /** The key's value, or its default for the environment. */
    public <T> T get(Key key, Function<String, T> parser) {
        return get(key, key.defaultValue(), parser);
    }

    /** The key's value, or {@code defaultValue}; invalid: recorded, and the default's value returned. */
    public <T> T get(Key key, String defaultValue, Function<String, T> parser) {
        var raw = source.get(key.fullName()).orElse(defaultValue);
        if (raw.isBlank()) {
            fail(
                    key,
                    "'" + raw + "': empty; allowed: a value, or remove the key to get its default (" + defaultValue
                            + ")");
            return parser.apply(defaultValue);
        }
        try {
            return parser.apply(raw);
        } catch (Invalid e) {
            fail(key, (key.secret() ? "[secret]" : "'" + raw + "'") + ": " + e.getMessage());
            return parser.apply(defaultValue); // defaults are valid: a test parses every one
        }
    }

    /** An optional key without a default: empty when unset, and empty (recorded) when invalid. */
    public <T> Optional<T> optional(Key key, Function<String, T> parser) {
        var raw = source.get(key.fullName());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get().isBlank()) {
            fail(key, "'" + raw.get() + "': empty; allowed: a value, or remove the key (it has no default)");
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (Invalid e) {
            fail(key, "'" + raw.get() + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A secret. Missing and {@code required}: a problem that names the exact command to run. Its
     * value never appears in a message.
     */
    public Optional<SecretValue> secret(Key key, boolean required, Consumer<String> rules) {
        var value = source.get(key.fullName());
        if (value.isEmpty()) {
            if (required) {
                failed.add(key);
                problems.add(key + ": missing; set it with: pulumi config set --secret " + key + " <value>" + " ("
                        + key.description() + ")");
            }
            return Optional.empty();
        }
        try {
            rules.accept(value.get());
            return Optional.of(new SecretValue(value.get()));
        } catch (Invalid e) {
            fail(key, "[secret]: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A problem that involves more than one key's value; the message names them. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Whether every one of {@code keys} read cleanly (so a check that combines them means something). */
    public boolean ok(Key... keys) {
        for (var key : keys) {
            if (failed.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** Marks {@code key} as invalid, for a check of one key that needs another's value first. */
    public void fail(Key key, String valueAndReason) {
        failed.add(key);
        problems.add(key + " = " + valueAndReason);
    }

    /** @throws SettingsException with every problem recorded */
    public void finish(String stack) {
        if (!problems.isEmpty()) {
            throw new SettingsException(stack, problems);
        }
    }

    // --- Parsers shared by every phase's settings. ---

    public static boolean bool(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid("not a boolean; allowed: true, false");
        };
    }

    public static int integer(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new Invalid("not a whole number");
        }
    }

    public static Function<String, Integer> range(int min, int max) {
        return raw -> {
            // A whole number too large for an int is out of range, not "not a whole number".
            if (raw.trim().matches("-?\\d{10,}")) {
                require(false, "out of range; allowed: " + min + " to " + max);
            }
            int n = integer(raw);
            require(n >= min && n <= max, "out of range; allowed: " + min + " to " + max);
            return n;
        };
    }

    /** A list value as the CLI passes it (JSON); {@code example} shows the shape in the message. */
    public static List<String> stringList(String raw, String example) {
        var json = json(raw);
        require(json != null && json.isJsonArray(), "not a list; allowed: a list such as " + example);
        var list = new ArrayList<String>();
        for (var element : json.getAsJsonArray()) {
            list.add(element.isJsonPrimitive() ? element.getAsString() : String.valueOf(element));
        }
        return list;
    }

    /** Parsed JSON, or null when the text is not JSON. */
    public static JsonElement json(String raw) {
        try {
            return JsonParser.parseString(raw);
        } catch (JsonSyntaxException e) {
            return null;
        }
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new Invalid(message);
        }
    }

    /** A value that does not parse or validate; its message says what is allowed. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
