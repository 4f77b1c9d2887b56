package com.tutors.infra;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Under {@code -Dtutors.tests.cache=class}, forgets every cached plan when a
 * test class starts: PIT runs each mutant's covering tests as fresh test-class executions, so a plan
 * is only ever reused by tests of the same class against the same mutant. Registered for every test
 * class through JUnit's extension auto-detection; it does nothing in the default mode.
 */
public final class FreshPlansPerTestClass implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        if (StackRuns.CACHE_MODE.equals("class")) {
            StackRuns.resetCaches();
        }
    }
}
