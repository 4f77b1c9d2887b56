package com.tutors.infra.compute;

import static com.tutors.infra.config.KeyReader.require;

import com.tutors.infra.config.Key;
import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.OfficeHours;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phase 4's validated inputs.
 *
 * @param imageTag    the services' tag when this run names one; empty: the recorded one ({@link ImageTags})
 * @param spotPercent share of tasks beyond the on-demand base that run on Fargate Spot, 0-100
 * @param workers     by name: the backend image's other long-running processes ({@link Workloads})
 * @param jobs        by name: its scheduled one-off tasks
 */
public record ComputeSettings(
        Optional<String> imageTag,
        Optional<String> releaseImageTag,
        Service backend,
        Service frontend,
        String cpuArchitecture,
        int spotPercent,
        int logRetentionDays,
        boolean ecsExec,
        int backendWorkers,
        int backendThreads,
        boolean readOnlyRootFilesystem,
        Optional<String> containerUser,
        Optional<OfficeHours> officeHours,
        boolean containerInsights,
        int requestsPerTask,
        Map<String, Workloads.Worker> workers,
        Map<String, Workloads.Job> jobs) {

    /** One ECS service's size and scaling bounds. */
    public record Service(int cpu, int memory, int desiredCount, int minCount, int maxCount) {}

    private static final Pattern USER =
            Pattern.compile("[a-z_][a-z0-9_-]{0,31}(:[a-z_][a-z0-9_-]{0,31}|:\\d{1,10})?|\\d{1,10}(:\\d{1,10})?");
    /** The retention values CloudWatch Logs accepts. */
    public static final List<Integer> LOG_RETENTION = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public static ComputeSettings read(KeyReader r, Optional<OfficeHours> hours) {
        var tag = r.optional(Keys.IMAGE_TAG, ComputeSettings::imageTag);
        var releaseTag = r.optional(Keys.RELEASE_IMAGE_TAG, ComputeSettings::imageTag);
        var backend = service(
                r,
                Keys.BACKEND_CPU,
                Keys.BACKEND_MEMORY,
                Keys.BACKEND_DESIRED_COUNT,
                Keys.BACKEND_MIN_COUNT,
                Keys.BACKEND_MAX_COUNT);
        var frontend = service(
                r,
                Keys.FRONTEND_CPU,
                Keys.FRONTEND_MEMORY,
                Keys.FRONTEND_DESIRED_COUNT,
                Keys.FRONTEND_MIN_COUNT,
                Keys.FRONTEND_MAX_COUNT);
        var arch = r.get(Keys.CPU_ARCHITECTURE, raw -> {
            require(raw.equals("X86_64") || raw.equals("ARM64"), "unknown CPU architecture; allowed: X86_64, ARM64");
            return raw;
        });
        var spot = r.number(Keys.FARGATE_SPOT_PERCENT);
        var retention = r.get(Keys.LOG_RETENTION_DAYS, raw -> {
            int days = KeyReader.integer(raw);
            require(
                    LOG_RETENTION.contains(days),
                    "not a CloudWatch Logs retention; allowed: " + LOG_RETENTION
                            + " (never 0: logs kept forever cost forever)");
            return days;
        });
        var exec = r.flag(Keys.ECS_EXEC);
        var workers = r.number(Keys.BACKEND_WORKERS);
        var threads = r.number(Keys.BACKEND_THREADS);
        var readOnly = r.flag(Keys.READ_ONLY_ROOT_FILESYSTEM);
        var user = r.optional(Keys.CONTAINER_USER, raw -> {
            require(
                    USER.matcher(raw).matches() && !raw.equals("0") && !raw.startsWith("0:") && !raw.equals("root"),
                    "not a non-root user; allowed: a uid or name, optionally :gid, such as 1000:1000 (never root or 0)");
            return raw;
        });
        var insights = r.flag(Keys.CONTAINER_INSIGHTS);
        var volumes = r.flag(Keys.IMAGE_DECLARES_VOLUMES);
        var requests = r.number(Keys.REQUESTS_PER_TASK);
        if (r.ok(Keys.READ_ONLY_ROOT_FILESYSTEM, Keys.CONTAINER_USER, Keys.IMAGE_DECLARES_VOLUMES)
                && readOnly
                && user.isPresent()
                && !volumes) {
            r.problem(Keys.READ_ONLY_ROOT_FILESYSTEM + " = 'true' with " + Keys.CONTAINER_USER + " = '" + user.get()
                    + "': the writable "
                    + "paths (" + String.join(", ", Hardening.paths())
                    + ") would be root-owned task volumes the user cannot write; "
                    + "allowed: declare them in the images as VOLUMEs owned by that user and set "
                    + Keys.IMAGE_DECLARES_VOLUMES
                    + " = true, or drop one of the two");
        }
        var backgroundWorkers = Workloads.workers(r, backend);
        var jobs = Workloads.jobs(r, backend, hours);
        return new ComputeSettings(
                tag,
                releaseTag,
                backend,
                frontend,
                arch,
                spot,
                retention,
                exec,
                workers,
                threads,
                readOnly,
                user,
                hours,
                insights,
                requests,
                backgroundWorkers,
                jobs);
    }

    private static String imageTag(String raw) {
        require(
                ImageTags.valid(raw),
                "not a Docker image tag; allowed: letters, digits, '_', '.' "
                        + "and '-', up to 128 characters, not starting with '.' or '-'");
        return raw;
    }

    private static Service service(KeyReader r, Key cpuKey, Key memoryKey, Key desiredKey, Key minKey, Key maxKey) {
        var cpu = r.get(cpuKey, raw -> {
            int n = KeyReader.integer(raw);
            require(FargateSizes.cpus().contains(n), "not a Fargate CPU value; allowed: " + FargateSizes.cpus());
            return n;
        });
        var memory = r.get(memoryKey, KeyReader::integer);
        if (r.ok(cpuKey, memoryKey) && !FargateSizes.isValid(cpu, memory)) {
            r.problem(memoryKey + " = '" + memory + "': not a Fargate pair with " + cpuKey + "=" + cpu
                    + "; allowed with " + cpu + ": " + FargateSizes.memories(cpu)
                    + " (all pairs: " + FargateSizes.describe() + ")");
        }
        var desired = r.number(desiredKey);
        var min = r.number(minKey);
        var max = r.number(maxKey);
        if (r.ok(minKey, maxKey) && min > max) {
            r.problem(minKey + " = '" + min + "': above " + maxKey + " (" + max + "); allowed: min <= max");
        } else if (r.ok(desiredKey, minKey, maxKey) && (desired < min || desired > max)) {
            r.problem(desiredKey + " = '" + desired + "': outside " + minKey + ".." + maxKey + " (" + min + ".." + max
                    + "); allowed: " + min + " to " + max);
        }
        return new Service(cpu, memory, desired, min, max);
    }
}
