package com.tutors.infra.plan;

import com.tutors.infra.config.Keys;
import com.tutors.infra.plan.cost.Usage;
import java.util.List;
import picocli.CommandLine;

/** What {@code plan --help} says beyond the options: every config key and every usage key. */
final class PlanHelp {
    private PlanHelp() {}

    /** The help's footer also names every config key --set takes and every usage key --usage takes, with its default. */
    static CommandLine withKeyLists(CommandLine cli) {
        var message = cli.getCommandSpec().usageMessage();
        var footer = new java.util.ArrayList<>(List.of(message.footer()));
        footer.add("%nConfig keys (--set, --unset, --diff-set; tutors: implied; docs/configuration.md):");
        footer.addAll(wrapped(Keys.ALL.stream()
                .map(k -> k.namespace().equals(Keys.PROJECT) ? k.name() : k.fullName())
                .toList()));
        footer.add("%nUsage keys (--usage key=number; the cost estimate's assumptions, with their defaults):");
        footer.addAll(wrapped(new java.util.TreeMap<>(Usage.DEFAULTS)
                .entrySet().stream()
                        .map(e -> e.getKey() + "="
                                + (e.getValue() == Math.rint(e.getValue())
                                        ? String.valueOf(e.getValue().longValue())
                                        : String.valueOf(e.getValue())))
                        .toList()));
        message.footer(footer.toArray(String[]::new));
        return cli;
    }

    /** Words joined with ", " in lines of at most 78 characters (picocli wraps at 80), indented as the examples are. */
    private static List<String> wrapped(List<String> words) {
        var lines = new java.util.ArrayList<String>();
        var line = new StringBuilder("  ");
        for (var word : words) {
            if (line.length() + word.length() + 2 > 78) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder("  ");
            }
            line.append(word).append(", ");
        }
        lines.add(line.substring(0, line.length() - 2));
        return lines;
    }
}
