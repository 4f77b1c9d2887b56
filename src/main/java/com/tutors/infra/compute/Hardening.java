package com.tutors.infra.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Security Hub's ECS.5 (read-only root filesystem) and ECS.20 (a non-root user) as settings: both depend
 * on what the app images expect, so they are off by default. With a read-only root, the paths the
 * processes must write get task-scoped volumes of their own.
 */
public final class Hardening {
    private Hardening() {}

    /** A writable path: a task volume (ephemeral, on the task's own storage) mounted there. */
    public record Mount(String volume, String path) {}

    /** gunicorn and Python write temporary files; Next.js caches images and fetches. */
    static final Mount TMP = new Mount("tmp", "/tmp");

    static final Mount NEXT_CACHE = new Mount("next-cache", "/app/.next/cache");
    /** ECS Exec mounts its agent under /managed-agents; the SSM agent keeps its state and logs in the other two. */
    static final List<Mount> EXEC = List.of(
            new Mount("managed-agents", "/managed-agents"),
            new Mount("ssm-state", "/var/lib/amazon/ssm"),
            new Mount("ssm-logs", "/var/log/amazon/ssm"));

    /** Every path that may get a task volume: what an image that runs as a non-root user must declare. */
    public static List<String> paths() {
        var out = new ArrayList<String>(List.of(TMP.path(), NEXT_CACHE.path()));
        EXEC.forEach(m -> out.add(m.path()));
        return out;
    }

    /** The writable paths of a container, empty without a read-only root filesystem. */
    public static List<Mount> mounts(ComputeSettings settings, boolean nextJs) {
        if (!settings.readOnlyRootFilesystem()) {
            return List.of();
        }
        var out = new ArrayList<Mount>(List.of(TMP));
        if (nextJs) {
            out.add(NEXT_CACHE);
        }
        if (settings.ecsExec()) {
            out.addAll(EXEC);
        }
        return List.copyOf(out);
    }

    public static Optional<String> user(ComputeSettings settings) {
        return settings.containerUser();
    }
}
