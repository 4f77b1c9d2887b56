package com.tutors.infra.config;

import com.tutors.infra.core.Environment;

/**
 * The README's configuration table, generated from {@link Keys} (a test keeps the README's copy equal):
 * {@code java -cp target/tutors-infra.jar com.tutors.infra.config.ConfigDocs}.
 */
public final class ConfigDocs {
    private ConfigDocs() {}

    public static final String START =
            "<!-- keys:start (generated from Keys.java: java -cp target/tutors-infra.jar com.tutors.infra.config.ConfigDocs) -->";
    public static final String END = "<!-- keys:end -->";

    public static String table() {
        var out = new StringBuilder("| Key | Meaning | prod | staging |\n|---|---|---|---|\n");
        for (var key : Keys.ALL) {
            out.append("| `")
                    .append(key.fullName())
                    .append("` | ")
                    .append(key.description().replace("|", "\\|"))
                    .append(" | ")
                    .append(value(key, Environment.PROD))
                    .append(" | ")
                    .append(value(key, Environment.STAGING))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String value(Key key, Environment env) {
        if (key.secret()) {
            return "secret";
        }
        var value = key.defaultFor(env);
        if (value == null) {
            return key == Keys.ENVIRONMENT ? "the stack name" : "none";
        }
        return "`" + value.replace("|", "\\|") + "`";
    }

    public static void main(String[] args) {
        System.out.print(START + "\n" + table() + END + "\n");
    }
}
