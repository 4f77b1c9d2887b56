package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.Resource;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.StackFile;
import com.tutors.infra.plan.model.PlannedResource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared test harness: runs {@code Main::stack} under the mock engine with a committed
 * {@code Pulumi.<stack>.yaml} (plus overrides), once per distinct input for the whole test JVM.
 */
public final class StackRuns {
    private StackRuns() {}

    public static final Path PROJECT_DIR = Path.of(System.getProperty("user.dir"));

    /** Fake values for the secret keys, distinctive so a test can search any output for them. */
    public static final Map<String, String> FAKE_SECRETS = Map.of(
            // Characters that must be percent-encoded in a URL, and that RDS accepts.
            "tutors:dbPassword", "FakeDbPass#1%with?chars:x",
            "tutors:redisAuthToken", "fake-redis-token!with#chars$2",
            "tutors:djangoSecretKey", "fake-django-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "tutors:nextauthSecret", "fake-nextauth-secret-0123456789abcdef",
            "tutors:originSecret", "fake_origin_secret_0123456789abcdefghij");

    private static final Map<String, OfflineRun.Result> CACHE = new ConcurrentHashMap<>();

    /**
     * {@code -Dtutors.tests.cache}: {@code jvm} (the default) plans each configuration once per test
     * JVM. {@code mutant} (the mutation profile) caches only between two of PIT's mutant swaps
     * ({@link Redefinitions}): a plan cached before a swap would credit or blame the wrong code, and
     * before the first swap (PIT's coverage run) a cache would credit only the first test that plans a
     * configuration with covering the code. {@code class} forgets every plan when a test class starts
     * ({@link FreshPlansPerTestClass}); {@code false} never caches.
     */
    public static final String CACHE_MODE = System.getProperty("tutors.tests.cache", "jvm");

    private static final boolean MUTANT = CACHE_MODE.equals("mutant");
    private static final List<Runnable> RESETS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every result cache of the tests registers how to forget. */
    public static void onReset(Runnable reset) {
        RESETS.add(reset);
    }

    /**
     * Ask before every cache look-up: whether the cache may be used now. In {@code mutant} mode it
     * first forgets plans made before the latest swap, and says no until PIT has swapped a mutant in.
     */
    public static boolean caching() {
        if (CACHE_MODE.equals("false")) {
            return false;
        }
        if (!MUTANT) {
            return true;
        }
        if (Redefinitions.changedSinceLastAsked()) {
            Redefinitions.log("reset");
            resetCaches();
        }
        return Redefinitions.swapped();
    }

    static void resetCaches() {
        CACHE.clear();
        RESETS.forEach(Runnable::run);
    }

    /** The committed stack as it is. */
    public static OfflineRun.Result committed(String stack) {
        return with(stack, Map.of());
    }

    /** The committed stack with some keys changed; a null value removes the key. */
    public static OfflineRun.Result with(String stack, Map<String, String> overrides) {
        // Overrides that restate the committed value run the committed stack: one run, not two.
        var committed = StackFile.read(PROJECT_DIR, stack).values();
        var effective = new TreeMap<String, String>();
        overrides.forEach((k, v) -> {
            if (v == null || !v.equals(committed.get(k))) {
                effective.put(k, v);
            }
        });
        if (!caching()) {
            return OfflineRun.plan(Main::stack, PROJECT_DIR, stack, effective, FAKE_SECRETS);
        }
        return CACHE.computeIfAbsent(
                stack + effective, k -> OfflineRun.plan(Main::stack, PROJECT_DIR, stack, effective, FAKE_SECRETS));
    }

    public static Map<String, String> override(String... keyValues) {
        var map = new HashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static OfflineRun.Result succeeded(OfflineRun.Result result) {
        assertTrue(result.succeeded(), () -> "the program failed: " + result.problems());
        return result;
    }

    /** The Pulumi type token of a resource class, from the provider's own {@code @ResourceType}. */
    public static String typeOf(Class<? extends Resource> type) {
        var annotation = type.getAnnotation(ResourceType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type + " has no @ResourceType");
        }
        return annotation.type();
    }

    public static List<PlannedResource> ofType(OfflineRun.Result result, Class<? extends Resource> type) {
        var token = typeOf(type);
        return result.resources().stream().filter(r -> r.type().equals(token)).toList();
    }

    /** The one resource of {@code type} with the logical name {@code name} (a full name, e.g. tutors-prod-vpc). */
    public static PlannedResource named(OfflineRun.Result result, Class<? extends Resource> resourceType, String name) {
        return named(result, typeOf(resourceType), name);
    }

    /** The one phase component with that name. */
    public static PlannedResource component(OfflineRun.Result result, com.tutors.infra.core.Phase phase, String name) {
        return named(result, phase.componentType(), name);
    }

    private static PlannedResource named(OfflineRun.Result result, String type, String name) {
        var matches = result.resources().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .toList();
        assertEquals(1, matches.size(), () -> "expected one " + type + " named " + name + ", got " + matches.size());
        return matches.get(0);
    }

    /** The id the mocks gave a resource, as later resources receive it. */
    public static String idOf(PlannedResource r) {
        return value(((com.pulumi.resources.CustomResource) r.resource()).id());
    }

    /** A resolved output of the mock engine (a computed attribute such as an ALB's DNS name). */
    public static <T> T value(com.pulumi.core.Output<T> output) {
        return com.pulumi.test.internal.PulumiTestInternal.extractOutputData(output)
                .getValueNullable();
    }

    /** A bucket's physical name as the program gives it without a suffix: it ends in the (mock) account id. */
    public static String bucket(String stack, String part) {
        return "tutors-" + stack + "-" + part + "-" + com.tutors.infra.plan.CloudMocks.ACCOUNT_ID;
    }

    /** A value of the committed stack file, as the Pulumi CLI would pass it. */
    public static String fileValue(String stack, String key) {
        return StackFile.read(PROJECT_DIR, stack).values().get(key);
    }

    /** Resources the cloud would see: everything but the stack, components and providers. */
    public static List<PlannedResource> awsResources(OfflineRun.Result result) {
        return result.resources().stream()
                .filter(r -> r.custom() && !r.isProvider())
                .toList();
    }
}
