package com.tutors.infra.ci;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.StackRuns;
import com.tutors.infra.ops.OpsCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command line the workflows and scripts type is one its program accepts: the project's own
 * commands are parsed by their real parser; Pulumi's flags are checked against the CLI's reference.
 */
class CommandLinesTest {
    private static final Path ROOT = StackRuns.PROJECT_DIR;

    /** Every shell line of the workflows' run blocks and the scripts, continuation lines joined. */
    private static List<String> lines() throws IOException {
        return lines(false);
    }

    /** @param docs the README and the CHANGELOG too: the lines a person pastes */
    private static List<String> lines(boolean docs) throws IOException {
        var texts = new ArrayList<String>();
        try (Stream<Path> files = Stream.concat(
                Files.list(ROOT.resolve(".github/workflows")), Files.list(ROOT.resolve(".github/scripts")))) {
            for (var file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        if (docs) {
            texts.add(Files.readString(ROOT.resolve("README.md")));
            try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
                for (var doc : pages.sorted().toList()) {
                    texts.add(Files.readString(doc));
                }
            }
            texts.add(Files.readString(ROOT.resolve("CHANGELOG.md")));
        }
        var out = new ArrayList<String>();
        for (var text : texts) {
            for (var line : text.replace("\\\n", " ").split("\n")) {
                out.add(line.strip().replaceFirst("^run: ", ""));
            }
        }
        return out;
    }

    /** Words as the shell would split them, with the workflows' variables given sample values. */
    private static List<String> words(String command) {
        var sampled = command.replace("\"$STACK\"", "prod")
                .replace("\"$TAG\"", "abc123")
                .replace("$TAG", "abc123")
                .replace("\"$stack\"", "prod")
                .replace("\"", "");
        var words = new ArrayList<String>(List.of(sampled.split("\\s+")));
        // Redirections and what follows are not arguments.
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).startsWith(">")
                    || words.get(i).equals("|")
                    || words.get(i).equals(")")) {
                return words.subList(0, i);
            }
        }
        return words;
    }

    @Test
    void theProjectsOwnCommandsParse() throws IOException {
        var pattern = Pattern.compile("java -jar \\S*target/tutors-infra\\.jar (release|verify|run) [^)`#\\n]*");
        int seen = 0;
        for (var line : lines(true)) {
            var m = pattern.matcher(line);
            while (m.find()) {
                var args = words(m.group()).subList(3, words(m.group()).size());
                assertDoesNotThrow(() -> OpsCommand.parse(args.toArray(String[]::new)), m.group());
                seen++;
            }
        }
        assertTrue(seen >= 8, "the deploy's and the README's release, verify and run lines were found: " + seen);
        // And the parser does refuse what is wrong, so the check above can fail.
        assertFalse(parses("verify", "--stack", "prod", "--recrod"));
        assertFalse(parses("release", "--timeout", "90m"));
    }

    private static boolean parses(String... args) {
        try {
            OpsCommand.parse(args);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void pulumiIsCalledOnlyWithFlagsItHas() throws IOException {
        var pattern =
                Pattern.compile("(?<![\\w/-])pulumi (up|preview|stack output|config get|login)\\b[^)|>`\\\\\\n]*");
        int seen = 0;
        for (var line : lines()) {
            if (line.startsWith("#")
                    || line.startsWith("description:")
                    || line.startsWith("- name:")
                    || line.startsWith("name:")) {
                continue;
            }
            var m = pattern.matcher(line);
            while (m.find()) {
                var words = words(m.group());
                PulumiCli.assertAccepted(words.subList(1, words.size()));
                seen++;
            }
        }
        assertTrue(seen >= 4, "up twice, preview, login: " + seen);
    }

    /** The docs' Pulumi lines too, as a person pastes them: each names a command and flags the CLI has. */
    @Test
    void theDocsCallPulumiOnlyWithFlagsItHas() throws IOException {
        var commands = String.join(
                "|",
                PulumiCli.FLAGS.keySet().stream()
                        .sorted((a, b) -> b.length() - a.length())
                        .toList());
        var pattern = Pattern.compile("`(pulumi (?:" + commands + ")\\b[^`]*)`");
        int seen = 0;
        for (var line : lines(true)) {
            var m = pattern.matcher(line);
            while (m.find()) {
                // (A shell string's escaped backquote ends it too; a pipe or redirection ends the command.)
                var command = m.group(1).replace("\\", "").replaceAll("\\s+[|>&].*$", "");
                var words = words(command.replaceAll("\\$\\([^)]*\\)", "x"));
                PulumiCli.assertAccepted(words.subList(1, words.size()));
                seen++;
            }
        }
        assertTrue(seen >= 10, "pulumi lines in the docs: " + seen);
    }

    @Test
    void theBuildMatrixCommandExists() throws IOException {
        assertTrue(lines().stream().anyMatch(l -> l.contains("java -jar target/tutors-infra.jar platforms")));
        assertDoesNotThrow(() -> com.tutors.infra.BuildPlatformsAccess.matrix(ROOT));
    }
}
