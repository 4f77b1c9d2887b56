package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the docs leads somewhere: the file exists, and its #anchor is a heading of it
 * (GitHub's anchor form). The README stays short: it leads to the docs.
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = StackRuns.PROJECT_DIR;

    private static List<Path> pages() throws IOException {
        var pages = new ArrayList<>(List.of(
                ROOT.resolve("README.md"),
                ROOT.resolve("CONTRIBUTING.md"),
                ROOT.resolve("ARCHITECTURE.md"),
                ROOT.resolve("CHANGELOG.md")));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's anchor of a heading: lowercase, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }

    private static Set<String> anchors(Path page) throws IOException {
        var out = new HashSet<String>();
        boolean code = false;
        for (var line : Files.readAllLines(page)) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (!code && line.startsWith("#")) {
                out.add(anchor(line.replaceFirst("^#+ ", "")));
            }
        }
        return out;
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        int checked = 0;
        var broken = new ArrayList<String>();
        for (var page : pages()) {
            var m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                var target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                var hash = target.indexOf('#');
                var file = hash == 0
                        ? page
                        : page.getParent()
                                .resolve(hash < 0 ? target : target.substring(0, hash))
                                .normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
                checked++;
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 20, "links checked: " + checked);
    }

    @Test
    void everyAlarmOfBothStacksPointsToItsRunbookSection() throws IOException {
        var target = com.tutors.infra.core.Runbook.ALARMS;
        assertTrue(anchors(ROOT.resolve(target.substring(0, target.indexOf('#'))))
                .contains(target.substring(target.indexOf('#') + 1)));
        for (var stack : List.of("prod", "staging")) {
            var alarms = StackRuns.ofType(StackRuns.committed(stack), com.pulumi.aws.cloudwatch.MetricAlarm.class);
            assertTrue(alarms.size() > 10, stack);
            alarms.forEach(a ->
                    assertTrue(((String) a.input("alarmDescription")).endsWith("(runbook: " + target + ")"), a.name()));
        }
    }

    @Test
    void theReadmeIsShortAndLeadsToEveryDoc() throws IOException {
        var readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.lines().count() <= 250, "README: " + readme.lines().count() + " lines");
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.forEach(d ->
                    assertTrue(readme.contains("](docs/" + d.getFileName() + ")"), "README does not lead to " + d));
        }
    }
}
