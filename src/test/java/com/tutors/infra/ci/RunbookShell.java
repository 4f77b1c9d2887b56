package com.tutors.infra.ci;

import com.tutors.infra.StackRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A copy of the repository's runbooks and stack files in a temporary directory, run as a person runs
 * them, with stand-ins on the PATH for the tools that reach AWS, GitHub, Pulumi, Docker and Maven.
 * Each stand-in logs its exact arguments (and the backend and passphrase variables it saw) and then
 * runs the scenario's bash body; jq, git, openssl and sed are the real ones.
 */
final class RunbookShell {
    private static final String SEP = "\u001f";

    /** One stand-in call: its tool, its arguments as the shell split them, the Pulumi backend and passphrase variables. */
    record Call(String tool, List<String> args, String backend, String passphrase) {
        String line() {
            return tool + " " + String.join(" ", args);
        }
    }

    record Ran(int exit, String stdout, String stderr, List<Call> calls) {
        List<Call> of(String tool) {
            return calls.stream().filter(c -> c.tool().equals(tool)).toList();
        }

        List<String> lines(String tool) {
            return of(tool).stream().map(Call::line).toList();
        }
    }

    final Path repo;
    private final Path bin;
    private final Path log;
    /** Where stand-ins may put what they read on stdin ($STUBS/<name>). */
    final Path stubs;

    RunbookShell(Path parent, Map<String, String> fileEdits) throws IOException {
        var tmp = Files.createTempDirectory(parent, "runbook");
        repo = Files.createDirectories(tmp.resolve("repo"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        stubs = Files.createDirectories(tmp.resolve("stubs"));
        log = tmp.resolve("calls.log");
        Files.createDirectories(tmp.resolve("home"));
        var root = StackRuns.PROJECT_DIR;
        Files.createDirectories(repo.resolve("runbooks"));
        try (var files = Files.list(root.resolve("runbooks"))) {
            for (var f : files.toList()) {
                Files.copy(f, repo.resolve("runbooks").resolve(f.getFileName()));
            }
        }
        Files.createDirectories(repo.resolve("bootstrap"));
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/tutors-infra.jar"), "");
        for (var file : List.of("Pulumi.prod.yaml", "Pulumi.staging.yaml", "bootstrap/Pulumi.account.yaml")) {
            var text = Files.readString(root.resolve(file));
            for (var edit : fileEdits.entrySet()) {
                text = text.replace(edit.getKey(), edit.getValue());
            }
            Files.writeString(repo.resolve(file), text);
        }
    }

    /** A stand-in: {@code body} sees "$@", $STUBS and the repository as working directory. */
    RunbookShell stub(String tool, String body) throws IOException {
        var file = bin.resolve(tool);
        // One write per call (both ends of a pipe log at once): the line is built first.
        Files.writeString(
                file,
                "#!/usr/bin/env bash\nline=" + tool + "; for a in \"$@\"; do line+=$'" + "\\x1f" + "'$a; done\n"
                        + "printf '%s\\036%s\\036%s\\n' \"$line\" \"${PULUMI_BACKEND_URL-<unset>}\" \"${PULUMI_CONFIG_PASSPHRASE-<unset>}\" >> '"
                        + log + "'\n" + body + "\n");
        file.toFile().setExecutable(true);
        return this;
    }

    Ran run(String runbook, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        var command = new ArrayList<>(
                List.of("bash", repo.resolve("runbooks").resolve(runbook).toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(repo.toFile());
        var environment = builder.environment();
        environment.remove("PULUMI_BACKEND_URL");
        environment.remove("PULUMI_CONFIG_PASSPHRASE");
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("HOME", repo.getParent().resolve("home").toString());
        environment.put("STUBS", stubs.toString());
        environment.putAll(env);
        var in = repo.getParent().resolve("stdin");
        Files.writeString(in, stdin);
        var out = repo.getParent().resolve("stdout");
        var err = repo.getParent().resolve("stderr");
        builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        int exit = builder.start().waitFor();
        var calls = new ArrayList<Call>();
        if (Files.exists(log)) {
            for (var line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                var parts = line.split("\u001e", -1);
                var words = Arrays.asList(parts[0].split(SEP, -1));
                calls.add(new Call(words.get(0), List.copyOf(words.subList(1, words.size())), parts[1], parts[2]));
            }
        }
        return new Ran(exit, Files.readString(out), Files.readString(err), calls);
    }
}
