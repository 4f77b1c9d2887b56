package com.tutors.infra.config;

import java.util.Map;

/**
 * The configuration reference (docs/configuration.md), generated from {@link Keys} and the committed stack
 * files: each key's meaning, its one default, and the value each committed stack runs (bold where its
 * stack file sets it). {@code java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs}
 * regenerates it; a test keeps the committed copy equal.
 */
public final class ConfigDocs {
    private ConfigDocs() {}

    public static final String START =
            "<!-- keys:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String END = "<!-- keys:end -->";

    /** @param stacks stack name to its file's values, in column order */
    public static String table(Map<String, Map<String, String>> stacks) {
        var out = new StringBuilder("| Key | Meaning | Allowed | Default");
        stacks.keySet().forEach(s -> out.append(" | ").append(s));
        out.append(" |\n|---|---|---|---").append("|---".repeat(stacks.size())).append("|\n");
        for (var key : Keys.ALL) {
            out.append("| `")
                    .append(key.fullName())
                    .append("` | ")
                    .append(escape(key.description()))
                    .append(" | ")
                    // From the rule the reads use; keys without one say what they accept in their meaning.
                    .append(
                            key.rule() == null
                                    ? "as the meaning says"
                                    : key.rule().allowed())
                    .append(" | ")
                    .append(key.secret() ? "secret" : shown(key.defaultValue(), key));
            for (var values : stacks.values()) {
                out.append(" | ").append(cell(key, values));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    /** What the stack runs: its file's value in bold, else the default; a secret's value is never shown. */
    private static String cell(Key key, Map<String, String> values) {
        var set = values.get(key.fullName());
        if (key.secret()) {
            return set == null ? "not in the file" : "**set (encrypted)**";
        }
        return set == null ? shown(key.defaultValue(), key) : "**" + shown(set, key) + "**";
    }

    private static String shown(String value, Key key) {
        if (value == null) {
            return key == Keys.ENVIRONMENT ? "the stack name" : "none";
        }
        return "`" + escape(value) + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
