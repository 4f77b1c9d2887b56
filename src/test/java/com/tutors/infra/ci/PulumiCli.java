package com.tutors.infra.ci;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pulumi CLI's commands this project types, with the flags each has (Pulumi CLI reference and
 * pulumi/pulumi's cobra definitions, v3.2xx): a call with a flag its command lacks would fail when pasted.
 */
final class PulumiCli {
    private PulumiCli() {}

    static final Map<String, Set<String>> FLAGS = Map.ofEntries(
            Map.entry(
                    "up",
                    Set.of(
                            "--yes",
                            "--skip-preview",
                            "--stack",
                            "--config",
                            "--diff",
                            "--refresh",
                            "--replace",
                            "--target",
                            "--target-dependents",
                            "--expect-no-changes")),
            Map.entry(
                    "preview",
                    Set.of("--stack", "--refresh", "--expect-no-changes", "--diff", "--replace", "--target")),
            Map.entry("refresh", Set.of("--stack", "--yes", "--skip-preview")),
            Map.entry("destroy", Set.of("--stack", "--yes", "--skip-preview")),
            Map.entry(
                    "import",
                    Set.of(
                            "--stack",
                            "--parent",
                            "--provider",
                            "--protect",
                            "--generate-code",
                            "--yes",
                            "--skip-preview")),
            Map.entry("login", Set.of()),
            Map.entry("stack output", Set.of("--stack", "--json", "--show-secrets")),
            Map.entry("stack select", Set.of("--stack", "--create", "--secrets-provider")),
            Map.entry("stack init", Set.of("--stack", "--secrets-provider")),
            Map.entry("stack rm", Set.of("--stack", "--preserve-config", "--force", "--yes")),
            Map.entry("state unprotect", Set.of("--stack", "--all", "--yes")),
            Map.entry("stack export", Set.of("--stack", "--file", "--show-secrets")),
            Map.entry("stack import", Set.of("--stack", "--file", "--force")),
            Map.entry("config get", Set.of("--stack", "--json", "--path")),
            Map.entry("config set", Set.of("--stack", "--secret", "--path", "--plaintext")),
            Map.entry("config rm", Set.of("--stack", "--path")));

    /** The command a call names (its first one or two words after the global flags); fails for one not listed. */
    static String command(List<String> args) {
        var words =
                withoutGlobals(args).stream().filter(a -> !a.startsWith("-")).toList();
        if (words.size() >= 2 && FLAGS.containsKey(words.get(0) + " " + words.get(1))) {
            return words.get(0) + " " + words.get(1);
        }
        if (!words.isEmpty() && FLAGS.containsKey(words.get(0))) {
            return words.get(0);
        }
        return fail("not a Pulumi command this project knows: pulumi " + String.join(" ", args));
    }

    /** Asserts every flag of the call is one its command has (global -C/--cwd first). */
    static void assertAccepted(List<String> args) {
        var command = command(args);
        for (var word : withoutGlobals(args)) {
            if (word.startsWith("--")) {
                var flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                assertTrue(
                        FLAGS.get(command).contains(flag),
                        "pulumi " + command + " has no " + flag + ": pulumi " + String.join(" ", args));
            }
        }
    }

    private static List<String> withoutGlobals(List<String> args) {
        return args.size() >= 2 && (args.get(0).equals("-C") || args.get(0).equals("--cwd"))
                ? args.subList(2, args.size())
                : args;
    }
}
