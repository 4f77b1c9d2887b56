package com.tutors.infra.config;

import com.google.gson.JsonParser;
import com.pulumi.Context;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where settings come from: the stack's configuration, by full key ({@code tutors:vpcCidr}).
 * Also lists every key the stack sets, so a misspelt key fails instead of being ignored.
 */
public interface ConfigSource {

    Optional<String> get(String fullKey);

    Set<String> keys();

    String stackName();

    /** Whether the key's value was set as a secret ({@code pulumi config set --secret}). */
    boolean isSecret(String fullKey);

    /**
     * The running deployment's configuration. Values come through the SDK's public {@code Config}; the
     * list of keys and which are secret, which the SDK does not expose, come from what the language
     * host hands every program ({@code PULUMI_CONFIG}, {@code PULUMI_CONFIG_SECRET_KEYS}), or under the
     * mock engine from the offline run ({@link #offline}). No reflection into the SDK.
     */
    static ConfigSource of(Context ctx) {
        var known = Offline.current != null ? Offline.current : fromEnvironment(System.getenv());
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                var colon = fullKey.indexOf(':');
                return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
            }

            @Override
            public Set<String> keys() {
                return known.keys();
            }

            @Override
            public String stackName() {
                return ctx.stackName();
            }

            @Override
            public boolean isSecret(String fullKey) {
                return known.secretKeys().contains(fullKey);
            }
        };
    }

    /** The keys a stack sets and those set as secrets. */
    record Known(Set<String> keys, Set<String> secretKeys) {}

    /**
     * What the Pulumi language host passes a program: {@code PULUMI_CONFIG}, a JSON object of every key
     * (namespaced, {@code tutors:vpcCidr}) to its value, and {@code PULUMI_CONFIG_SECRET_KEYS}, a JSON
     * array of the keys set as secrets (pulumi-java's DeploymentImpl reads the same two).
     */
    static Known fromEnvironment(Map<String, String> env) {
        var keys = new HashSet<String>();
        var config = env.get("PULUMI_CONFIG");
        if (config != null && !config.isBlank()) {
            JsonParser.parseString(config).getAsJsonObject().keySet().forEach(keys::add);
        }
        var secrets = new HashSet<String>();
        var secretKeys = env.get("PULUMI_CONFIG_SECRET_KEYS");
        if (secretKeys != null && !secretKeys.isBlank()) {
            JsonParser.parseString(secretKeys).getAsJsonArray().forEach(k -> secrets.add(k.getAsString()));
        }
        return new Known(Set.copyOf(keys), Set.copyOf(secrets));
    }

    /**
     * Under the mock engine there is no language host: the offline run says what it configured, for
     * the duration of one run (its runs never overlap).
     */
    static void offline(Map<String, String> config, Set<String> secretKeys) {
        Offline.current = config == null ? null : new Known(Set.copyOf(config.keySet()), Set.copyOf(secretKeys));
    }

    /** Holder of the offline run's configuration (an interface cannot hold mutable state). */
    final class Offline {
        private Offline() {}

        static volatile Known current;
    }

    /** A fixed map, for tests of the pure parser; every value counts as set the way its key wants. */
    static ConfigSource of(Map<String, String> values, String stackName) {
        return of(values, stackName, null);
    }

    /** @param secretKeys the keys set as secrets; null: every secret key's value is a secret */
    static ConfigSource of(Map<String, String> values, String stackName, Set<String> secretKeys) {
        var copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                return Optional.ofNullable(copy.get(fullKey));
            }

            @Override
            public Set<String> keys() {
                return copy.keySet();
            }

            @Override
            public String stackName() {
                return stackName;
            }

            @Override
            public boolean isSecret(String fullKey) {
                return secretKeys == null
                        ? Keys.byFullName(fullKey).map(Key::secret).orElse(false)
                        : secretKeys.contains(fullKey);
            }
        };
    }
}
