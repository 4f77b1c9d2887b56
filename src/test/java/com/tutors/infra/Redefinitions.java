package com.tutors.infra;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts redefinitions of this project's classes in the running JVM. PIT swaps each mutant in by
 * redefining its class through its own agent ({@code org.pitest.boot.HotSwapAgent}), and the JVM
 * calls every registered transformer on a redefinition: so a change of the count means "a different
 * mutant from here on", and plans cached before it must be forgotten.
 */
final class Redefinitions {
    private static final AtomicLong COUNT = new AtomicLong();
    /** Registered once, when the class loads; false outside a PIT minion (nothing is ever counted then). */
    private static final boolean WATCHING = watch();

    private static long seen;

    private Redefinitions() {}

    /** Whether PIT has swapped any mutant into this JVM yet (never, outside a mutation minion). */
    static boolean swapped() {
        return COUNT.get() > 0;
    }

    /** True once after each redefinition (or burst of them) since the previous call. */
    static synchronized boolean changedSinceLastAsked() {
        long now = COUNT.get();
        boolean changed = now != seen;
        seen = now;
        return changed;
    }

    /** {@code -Dtutors.tests.swaplog=<file>}: one line per swap and per cache reset, to check this works. */
    static void log(String line) {
        var file = System.getProperty("tutors.tests.swaplog");
        if (file != null) {
            try {
                java.nio.file.Files.writeString(
                        java.nio.file.Path.of(file),
                        ProcessHandle.current().pid() + " " + line + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static boolean watch() {
        ClassFileTransformer counter = new ClassFileTransformer() {
            @Override
            public byte[] transform(
                    ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
                if (redefined != null && className != null && className.startsWith("com/tutors/infra/")) {
                    log("swap " + COUNT.incrementAndGet() + " " + className);
                }
                return null; // never changes a class, only counts
            }
        };
        try {
            Class.forName("org.pitest.boot.HotSwapAgent", true, ClassLoader.getSystemClassLoader())
                    .getMethod("addTransformer", ClassFileTransformer.class)
                    .invoke(null, counter);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false; // not under PIT, or its agent was not started: the caller must not cache
        }
    }
}
