package com.tutors.infra.compute;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.tutors.infra.config.Key;
import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.OfficeHours;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The backend image's other processes, one stack-config entry each: workers (Celery; a singleton such
 * as beat) run as ECS services without a load balancer, scheduled jobs as tasks EventBridge Scheduler
 * starts. Read from {@code tutors:workers} and {@code tutors:scheduledJobs} (maps, as the stack file
 * and {@code plan --set} give them), every problem named by its key path.
 */
public final class Workloads {
    private Workloads() {}

    /**
     * @param singleton at most one task, ever: deploys stop the old task before starting the new (beat would
     *                  otherwise run twice during every deploy), and it does not scale
     */
    public record Worker(
            String name, List<String> command, int cpu, int memory, int minCount, int maxCount, boolean singleton) {
        /** The name part of its resources: tutors-&lt;env&gt;-worker-&lt;name&gt;. */
        public String part() {
            return "worker-" + name;
        }

        public int minimumHealthyPercent() {
            return singleton ? 0 : 100;
        }

        public int maximumPercent() {
            return singleton ? 100 : 200;
        }
    }

    /** @param timezone the schedule's: the office hours' zone where the stack has them, else UTC */
    public record Job(String name, String schedule, List<String> command, int cpu, int memory, String timezone) {
        public String part() {
            return "job-" + name;
        }
    }

    static final List<String> WORKER_FIELDS = List.of("command", "cpu", "memory", "minCount", "maxCount", "singleton");
    static final List<String> JOB_FIELDS = List.of("schedule", "command", "cpu", "memory");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern CRON = Pattern.compile("cron\\((\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)\\)");
    private static final Pattern RATE =
            Pattern.compile("rate\\(([1-9]\\d{0,4}) (minute|minutes|hour|hours|day|days)\\)");

    /** Workers by name, in name order; sizes default to the backend's, counts to one. */
    public static Map<String, Worker> workers(KeyReader r, ComputeSettings.Service backend) {
        var out = new TreeMap<String, Worker>();
        entries(r, Keys.WORKERS, WORKER_FIELDS).forEach((name, e) -> {
            var command = command(r, e, Keys.WORKERS + "." + name);
            var size = size(r, e, Keys.WORKERS + "." + name, backend);
            boolean singleton = e.bool("singleton", false);
            // At least one task: CPU tracking cannot start a worker from zero (no task, no metric). To stop one, remove
            // it.
            int min = e.integer(
                    "minCount",
                    1,
                    1,
                    singleton ? 1 : 100,
                    singleton ? "1 (a singleton runs one task)" : "1 to 100 (a worker at zero would never start)");
            int max = e.integer(
                    "maxCount", min, 1, singleton ? 1 : 100, singleton ? "1 (a singleton runs one task)" : null);
            if (min > max) {
                r.problem(Keys.WORKERS + "." + name + ".minCount = '" + min + "': above maxCount (" + max
                        + "); allowed: min <= max");
            }
            out.put(name, new Worker(name, command, size[0], size[1], min, max, singleton));
        });
        return out;
    }

    /** Scheduled jobs by name; on a stack with office hours each must start inside them (the database is stopped outside). */
    public static Map<String, Job> jobs(KeyReader r, ComputeSettings.Service backend, Optional<OfficeHours> hours) {
        var out = new TreeMap<String, Job>();
        var zone = hours.map(h -> h.zone().getId()).orElse("UTC");
        entries(r, Keys.SCHEDULED_JOBS, JOB_FIELDS).forEach((name, e) -> {
            var path = Keys.SCHEDULED_JOBS + "." + name;
            var schedule = e.string("schedule");
            if (schedule == null) {
                r.problem(
                        path
                                + ".schedule: missing; allowed: cron(M H DOM MON DOW Y) or rate(N unit), EventBridge Scheduler's forms");
            } else {
                scheduleProblem(schedule, hours)
                        .ifPresent(p -> r.problem(path + ".schedule = '" + schedule + "': " + p));
            }
            var size = size(r, e, path, backend);
            out.put(name, new Job(name, schedule, command(r, e, path), size[0], size[1], zone));
        });
        return out;
    }

    /** What is wrong with a schedule, if anything: its form, then (with office hours) when it starts. */
    static Optional<String> scheduleProblem(String schedule, Optional<OfficeHours> hours) {
        var cron = CRON.matcher(schedule);
        if (RATE.matcher(schedule).matches()) {
            return hours.map(h -> "runs around the clock, but the database is stopped outside office hours (" + h
                    + "); allowed: a cron(...) that starts inside them");
        }
        if (!cron.matches() || !(cron.group(3).equals("?") ^ cron.group(5).equals("?"))) {
            return Optional.of(
                    "not a schedule; allowed: cron(M H DOM MON DOW Y) with '?' in exactly one of DOM and DOW, "
                            + "or rate(N minutes|hours|days)");
        }
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        var h = hours.get();
        try {
            var minutes = CronField.values(cron.group(1), 0, 59);
            var hourValues = CronField.values(cron.group(2), 0, 23);
            var days = cron.group(5).equals("?") ? Set.copyOf(OfficeHours.DAYS) : CronField.days(cron.group(5));
            boolean daysOk = OfficeHours.expand(h.days()).containsAll(days);
            boolean timesOk = hourValues.stream()
                    .allMatch(hour -> minutes.stream().allMatch(minute -> {
                        var at = java.time.LocalTime.of(hour, minute);
                        return !at.isBefore(h.open()) && at.isBefore(h.close());
                    }));
            return daysOk && timesOk
                    ? Optional.empty()
                    : Optional.of(
                            "starts outside office hours (" + h + "), when the "
                                    + "database is stopped; allowed: hours, minutes and days of the week (not '?' in DOW) inside them");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<String> command(KeyReader r, Entry e, String path) {
        var raw = e.fields().get("command");
        var out = new ArrayList<String>();
        if (raw != null && raw.isJsonArray()) {
            raw.getAsJsonArray().forEach(x -> out.add(x.isJsonPrimitive() ? x.getAsString() : ""));
        }
        if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
            r.problem(path + ".command" + (raw == null ? ": missing" : " = '" + raw + "': not a list of words")
                    + "; allowed: the process as a list, e.g. [celery, -A, config, worker, -l, info]");
        }
        return List.copyOf(out);
    }

    /** cpu and memory: a Fargate pair, the backend's by default (memory: the smallest the cpu allows). */
    private static int[] size(KeyReader r, Entry e, String path, ComputeSettings.Service backend) {
        int cpu = e.integer("cpu", backend.cpu(), 256, 16384, "a Fargate CPU value, " + FargateSizes.cpus());
        boolean cpuOk = FargateSizes.cpus().contains(cpu);
        if (!cpuOk) {
            r.problem(path + ".cpu = '" + cpu + "': not a Fargate CPU value; allowed: " + FargateSizes.cpus());
        }
        int fallback = cpu == backend.cpu() || !cpuOk
                ? backend.memory()
                : FargateSizes.memories(cpu).get(0);
        int memory = e.integer("memory", fallback, 512, 122880, "MiB, a Fargate pair with the cpu");
        if (cpuOk && !FargateSizes.isValid(cpu, memory)) {
            r.problem(path + ".memory = '" + memory + "': not a Fargate pair with cpu " + cpu + "; allowed: "
                    + FargateSizes.memories(cpu));
        }
        return new int[] {cpu, memory};
    }

    /** One map entry's fields, with typed reads that report a problem and hand back the default. */
    private record Entry(KeyReader r, String path, JsonObject fieldsObject) {
        Map<String, JsonElement> fields() {
            var m = new LinkedHashMap<String, JsonElement>();
            fieldsObject.entrySet().forEach(x -> m.put(x.getKey(), x.getValue()));
            return m;
        }

        String string(String field) {
            var v = fieldsObject.get(field);
            return v != null && v.isJsonPrimitive() ? v.getAsString() : null;
        }

        boolean bool(String field, boolean fallback) {
            var v = string(field);
            if (v == null || v.equals("true") || v.equals("false")) {
                return v == null ? fallback : Boolean.parseBoolean(v);
            }
            r.problem(path + "." + field + " = '" + v + "': not a boolean; allowed: true, false");
            return fallback;
        }

        int integer(String field, int fallback, int min, int max, String allowed) {
            var v = string(field);
            if (v == null) {
                return fallback;
            }
            try {
                int n = new java.math.BigDecimal(v).intValueExact();
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            r.problem(path + "." + field + " = '" + v + "': out of range; allowed: "
                    + (allowed != null ? allowed : min + " to " + max));
            return fallback;
        }
    }

    /** The key's entries by name, each an object of known fields; a missing key is no entry. */
    private static Map<String, Entry> entries(KeyReader r, Key key, List<String> fields) {
        var out = new TreeMap<String, Entry>();
        var raw = r.raw(key);
        if (raw.isEmpty()) {
            return out;
        }
        var json = KeyReader.json(raw.get());
        if (json == null || !json.isJsonObject()) {
            r.problem(key + " = '" + raw.get() + "': not a map; allowed: name: {" + String.join(", ", fields)
                    + "} per entry");
            return out;
        }
        for (var e : json.getAsJsonObject().entrySet()) {
            var path = key + "." + e.getKey();
            if (!NAME.matcher(e.getKey()).matches()) {
                r.problem(path
                        + ": not a name; allowed: 1 to 20 lowercase letters, digits and '-', starting with a letter");
                continue;
            }
            if (!e.getValue().isJsonObject()) {
                r.problem(path + " = '" + e.getValue() + "': not a map; allowed: {" + String.join(", ", fields) + "}");
                continue;
            }
            var unknown = new ArrayList<>(e.getValue().getAsJsonObject().keySet());
            unknown.removeAll(fields);
            if (!unknown.isEmpty()) {
                r.problem(path + ": unknown " + String.join(", ", unknown) + "; allowed: " + String.join(", ", fields));
            }
            out.put(e.getKey(), new Entry(r, path, e.getValue().getAsJsonObject()));
        }
        return out;
    }
}
