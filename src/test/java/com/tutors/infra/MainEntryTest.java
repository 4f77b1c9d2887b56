package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jar run by hand says what it is instead of starting the SDK, which would fail with a trace. */
class MainEntryTest {

    @Test
    void onlyThePulumiLanguageHostStartsTheProgram() {
        assertTrue(Main.underPulumi(Map.of("PULUMI_MONITOR", "127.0.0.1:1", "PULUMI_ENGINE", "127.0.0.1:2")));
        assertFalse(Main.underPulumi(Map.of()), "by hand: print where to go instead");
        assertFalse(Main.underPulumi(Map.of("PULUMI_MONITOR", "127.0.0.1:1")));
    }

    @Test
    void byHandItPointsAtThePlanAndExitsTwo() throws Exception {
        var javaBinary = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
        var classpath = System.getProperty("java.class.path");
        var builder = new ProcessBuilder(javaBinary, "-cp", classpath, Main.class.getName()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PULUMI_"));
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor() == 2, out);
        assertTrue(out.contains("This jar is the Pulumi program") && out.contains("plan --stack prod"), out);
        assertFalse(out.contains("Exception"), "no stack trace: " + out);
    }
}
