package com.tutors.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Lets tests in other packages read the build matrix (BuildPlatforms is package-private). */
public final class BuildPlatformsAccess {
    private BuildPlatformsAccess() {}

    public static List<Map<String, String>> matrix(Path projectDir) {
        return BuildPlatforms.matrix(projectDir);
    }
}
