package com.tutors.infra;

import com.google.gson.Gson;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.Environment;
import com.tutors.infra.plan.StackFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The image builds a deploy needs: one per CPU architecture any committed stack runs (prod promotes
 * what staging built, so staging builds prod's too), each on a runner of that architecture, with no
 * emulation. Printed as the JSON of a GitHub Actions matrix ({@code platforms}).
 */
final class BuildPlatforms {
    private BuildPlatforms() {}

    /** GitHub's hosted runners of each architecture (arm64: ubuntu-24.04-arm; docs/ci-cd.md says what a private repository needs). */
    static final Map<String, String> RUNNERS = Map.of("X86_64", "ubuntu-24.04", "ARM64", "ubuntu-24.04-arm");

    static final Map<String, String> PLATFORMS = Map.of("X86_64", "linux/amd64", "ARM64", "linux/arm64");

    static List<Map<String, String>> matrix(Path projectDir) {
        var architectures = new TreeSet<String>();
        for (var environment : Environment.values()) {
            var file = StackFile.read(projectDir, environment.id()).values();
            architectures.add(
                    file.getOrDefault(Keys.CPU_ARCHITECTURE.fullName(), Keys.CPU_ARCHITECTURE.defaultValue()));
        }
        var include = new ArrayList<Map<String, String>>();
        for (var arch : architectures) {
            var platform = PLATFORMS.get(arch);
            if (platform == null) {
                throw new IllegalArgumentException(
                        Keys.CPU_ARCHITECTURE + " = '" + arch + "'; allowed: " + PLATFORMS.keySet());
            }
            var entry = new LinkedHashMap<String, String>();
            entry.put("arch", platform.substring(platform.indexOf('/') + 1));
            entry.put("platform", platform);
            entry.put("runner", RUNNERS.get(arch));
            include.add(entry);
        }
        return include;
    }

    static String json(Path projectDir) {
        return new Gson().toJson(Map.of("include", matrix(projectDir)));
    }
}
