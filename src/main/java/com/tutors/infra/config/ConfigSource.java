package com.tutors.infra.config;

import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;

import java.lang.reflect.InvocationTargetException;
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

    /** The running deployment's configuration (real engine or mock engine alike). */
    static ConfigSource of(Context ctx) {
        var keys = Map.copyOf(allConfigOfRunningDeployment()).keySet();
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                var colon = fullKey.indexOf(':');
                return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
            }

            @Override
            public Set<String> keys() {
                return keys;
            }

            @Override
            public String stackName() {
                return ctx.stackName();
            }

            @Override
            public boolean isSecret(String fullKey) {
                return isSecretInRunningDeployment(fullKey);
            }
        };
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
                return secretKeys == null ? Keys.byFullName(fullKey).map(Key::secret).orElse(false) : secretKeys.contains(fullKey);
            }
        };
    }

    private static boolean isSecretInRunningDeployment(String fullKey) {
        try {
            var deployment = ((DeploymentInstanceInternal) DeploymentInstanceHolder.getInstance()).getInternal();
            DeploymentImpl.Config config = deployment.getConfig();
            var accessor = DeploymentImpl.Config.class.getDeclaredMethod("isConfigSecret", String.class);
            accessor.setAccessible(true);
            return (Boolean) accessor.invoke(config, fullKey);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalStateException("cannot tell secret config keys with this Pulumi SDK version", e);
        }
    }

    /**
     * The SDK answers config look-ups by key but offers no public way to list the keys that are set.
     * The deployment holds them (parsed from PULUMI_CONFIG by the language host, or given to the mock
     * engine), behind a private accessor: read it there. The SDK version is pinned, and the config tests
     * fail loudly if an upgrade moves it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> allConfigOfRunningDeployment() {
        try {
            var deployment = ((DeploymentInstanceInternal) DeploymentInstanceHolder.getInstance()).getInternal();
            DeploymentImpl.Config config = deployment.getConfig();
            var accessor = DeploymentImpl.Config.class.getDeclaredMethod("getAllConfig");
            accessor.setAccessible(true);
            return (Map<String, String>) accessor.invoke(config);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalStateException("cannot list the stack's config keys with this Pulumi SDK version", e);
        }
    }
}
