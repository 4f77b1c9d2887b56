package com.tutors.infra.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The deploy's operations, as commands of the program's jar: {@code release} (migrations and
 * collectstatic from the new image, before the services roll), {@code verify} (the rollout shipped
 * what this deploy registered; then the tag is recorded) and {@code run} (any one-off manage.py
 * command). The workflows call these; a person types the same lines.
 */
@Command(
        name = "tutors-infra.jar",
        subcommands = {OpsCommand.Release.class, OpsCommand.Verify.class, OpsCommand.Run.class},
        usageHelpAutoWidth = true,
        description = "Operations on a deployed stack (AWS credentials from the default chain).")
public final class OpsCommand {
    public static final List<String> NAMES = List.of("release", "verify", "run");

    /** What the commands act with: tests pass mocked clients, a fake clock and a fixed outputs source. */
    public record Context(
            Function<Optional<String>, Aws> aws,
            Clock clock,
            Function<String, StackOutputs> outputs,
            PrintStream out,
            PrintStream err) {}

    /** The real thing: AWS through the default chains, the system clock, outputs from the Pulumi CLI. */
    public static Context standard() {
        return new Context(Aws::real, Clock.SYSTEM, StackOutputs::fromPulumi, System.out, System.err);
    }

    /** Parses a command line without running it (a workflow's lines are checked with this). */
    public static CommandLine.ParseResult parse(String... args) {
        return commandLine(null).parseArgs(args);
    }

    /** Runs one command line; the exit code: 0 done, 1 the operation failed, 2 a usage error. */
    public static int run(String[] args, Context context) {
        var line = commandLine(context);
        line.setOut(new java.io.PrintWriter(context.out(), true)).setErr(new java.io.PrintWriter(context.err(), true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof OpsFailure || e instanceof software.amazon.awssdk.core.exception.SdkException) {
                var annotation = "true".equals(System.getenv("GITHUB_ACTIONS")) ? "::error::" : "error: ";
                context.err().println(annotation + e.getMessage());
                return 1;
            }
            throw e;
        });
        return line.execute(args);
    }

    private static CommandLine commandLine(Context context) {
        return new CommandLine(new OpsCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (Common.class.isAssignableFrom(type)) {
                    var command = CommandLine.defaultFactory().create(type);
                    ((Common) command).context = context;
                    return command;
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }

    /** What every command shares: the stack, where its outputs come from, the region. */
    abstract static class Common implements Callable<Integer> {
        Context context;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "This help.")
        boolean help;

        @Option(names = "--stack", required = true, paramLabel = "<name>", description = "prod or staging.")
        String stack;

        @Option(
                names = "--outputs",
                paramLabel = "<file>",
                description =
                        "The stack's outputs (pulumi stack output --json); default: ask pulumi, from this folder.")
        Path outputs;

        @Option(
                names = "--region",
                paramLabel = "<region>",
                description = "Default: the stack's region (its output), else the SDK's.")
        String region;

        StackOutputs stackOutputs() {
            var read = readOutputs();
            if (region == null) {
                region = read.region().orElse(null); // the stack's own region, so a pasted command needs no AWS_REGION
            }
            return read;
        }

        private StackOutputs readOutputs() {
            if (outputs == null) {
                return context.outputs().apply(stack);
            }
            try {
                return StackOutputs.parse(stack, Files.readString(outputs));
            } catch (java.io.IOException e) {
                throw new OpsFailure("cannot read --outputs " + outputs + " (" + e + "): write it with "
                        + "pulumi stack output --stack " + stack + " --json > " + outputs);
            }
        }

        private Aws aws;

        Aws aws() {
            if (aws == null) {
                aws = context.aws().apply(Optional.ofNullable(region));
            }
            return aws;
        }

        void startDatabase(StackOutputs s, Duration timeout) {
            s.database()
                    .ifPresent(id ->
                            new Database(aws().rds(), context.clock(), context.out()).ensureAvailable(id, timeout));
        }
    }

    @Command(
            name = "release",
            description = {
                "Runs the release from the release task definition (the new image), "
                        + "before the services roll: the database made available (office hours may have stopped it), then "
                        + "manage.py migrate, then manage.py collectstatic. Each must exit 0; on failure the task's last log lines "
                        + "are printed.",
                "Run it after the up that sets tutors:releaseImageTag, before the up that sets tutors:imageTag."
            })
    static final class Release extends Common {
        static final List<List<String>> STEPS = List.of(
                List.of("python", "manage.py", "migrate", "--noinput"),
                List.of("python", "manage.py", "collectstatic", "--noinput"));

        @Option(
                names = "--timeout",
                defaultValue = "60m",
                converter = Durations.class,
                paramLabel = "<duration>",
                description =
                        "How long each step may run (e.g. 90m, 2h); when it runs out the task is left running. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Option(
                names = "--database-timeout",
                defaultValue = "30m",
                converter = Durations.class,
                paramLabel = "<duration>",
                description = "How long the database may take to become available. Default: ${DEFAULT-VALUE}.")
        Duration databaseTimeout;

        @Override
        public Integer call() throws Exception {
            var s = stackOutputs();
            startDatabase(s, databaseTimeout);
            var task = new OneOffTask(aws().ecs(), aws().logs(), context.clock(), context.out());
            for (var step : STEPS) {
                task.run(s, step, Map.of(), timeout, false);
            }
            context.out()
                    .println("release of " + s.stack() + " done: " + Rollout.revision(s.taskDefinition("migrate")));
            return 0;
        }
    }

    @Command(
            name = "verify",
            description = {
                "Waits until each service's PRIMARY deployment runs the task definition "
                        + "revision the last up registered, COMPLETED, with its desired count (at least one task) running and the "
                        + "old deployment drained. Fails at once on a circuit-breaker rollback or a FAILED rollout.",
                "With --record, then records the stack's imageTag output in SSM /tutors/<stack>/image-tag."
            })
    static final class Verify extends Common {
        @Option(
                names = "--timeout",
                defaultValue = "30m",
                converter = Durations.class,
                paramLabel = "<duration>",
                description = "How long the rollout may take. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Option(
                names = "--wake",
                description = "Wake a service at zero tasks (office hours) to one task for the check.")
        boolean wake;

        @Option(
                names = "--record",
                description = "Record the verified image tag for later runs (previews, drift, by-hand up).")
        boolean record;

        @Override
        public Integer call() throws Exception {
            var s = stackOutputs();
            new Rollout(aws().ecs(), context.clock(), context.out()).verify(s, timeout, wake);
            if (record) {
                new ImageRecord(aws().ssm(), context.out()).record(s.stack(), s.imageTag());
            }
            return 0;
        }
    }

    @Command(
            name = "run",
            description = {
                "Runs one command in a one-off task of the release task definition (the "
                        + "backend image, its environment and secrets), waits for it and prints its last log lines; exits 1 unless it "
                        + "exits 0.",
                "Example: run --stack prod -- python manage.py createsuperuser --noinput --username admin --email a@example.com"
            })
    static final class Run extends Common {
        @Option(
                names = "--timeout",
                defaultValue = "60m",
                converter = Durations.class,
                paramLabel = "<duration>",
                description = "How long it may run; when it runs out it is left running. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Option(
                names = "--env",
                paramLabel = "<name=value>",
                description = "An extra environment variable (not for secrets: "
                        + "ECS shows overrides to anyone who may describe the task).")
        Map<String, String> environment = new LinkedHashMap<>();

        @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command and its arguments, after --.")
        List<String> command = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            var s = stackOutputs();
            startDatabase(s, Duration.ofMinutes(30));
            new OneOffTask(aws().ecs(), aws().logs(), context.clock(), context.out())
                    .run(s, command, environment, timeout, true);
            return 0;
        }
    }

    /** "90s", "60m", "2h". */
    static final class Durations implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            var m = java.util.regex.Pattern.compile("([1-9][0-9]{0,4})([smh])").matcher(value);
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is no duration; allowed: a number and s, m or h, e.g. 90m");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }
}
