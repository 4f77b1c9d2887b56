package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

/** The mutation profile's cache reset is registered, and leaves the default suite's cache alone. */
class FreshPlansPerTestClassTest {

    @Test
    void theResetIsAutoDetectedAndOnlyActsInClassMode() {
        assertTrue(
                ServiceLoader.load(Extension.class).stream().anyMatch(p -> p.type() == FreshPlansPerTestClass.class),
                "META-INF/services registers it (junit-platform.properties turns auto-detection on)");
        var before = StackRuns.committed("staging");
        new FreshPlansPerTestClass().beforeAll(null);
        var after = StackRuns.committed("staging");
        switch (StackRuns.CACHE_MODE) {
            case "jvm" -> assertSame(before, after, "mvn verify plans each configuration once per JVM");
            case "class" -> assertNotSame(before, after, "class mode re-plans in each test class");
            // Under PIT nothing was swapped in between; outside it the mode must not cache at all.
            case "mutant" ->
                assertEquals(StackRuns.caching(), before == after, "mutant mode caches only after PIT's first swap");
            default -> assertEquals("false", StackRuns.CACHE_MODE);
        }
    }
}
