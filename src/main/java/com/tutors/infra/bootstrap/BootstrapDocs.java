package com.tutors.infra.bootstrap;

import com.tutors.infra.plan.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bootstrap stack's key table in docs/ci-cd.md, generated from {@link BootstrapSettings#KEYS} and the
 * committed {@code bootstrap/Pulumi.account.yaml}:
 * {@code java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs} rewrites it.
 */
public final class BootstrapDocs {
    private BootstrapDocs() {}

    public static final String START =
            "<!-- bootstrap-keys:start (generated: java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs) -->";
    public static final String END = "<!-- bootstrap-keys:end -->";

    public static final String ROLES_START =
            "<!-- ci-roles:start (generated: java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs) -->";
    public static final String ROLES_END = "<!-- ci-roles:end -->";

    /** The CI roles from {@link CiRole}: who may assume each (GitHub's subject), where its ARN goes, what it may do. */
    public static String roles() {
        var out = new StringBuilder(ROLES_START
                + "\n| Role | `sub` after `repo:<owner>/<repo>:` | Its ARN goes in | May |\n|---|---|---|---|\n");
        for (var role : CiRole.values()) {
            var stack = role.stack().id();
            var may = role.deploys()
                    ? "`pulumi up` of " + stack + " (the deploy roles, below), kept off the other stack"
                            + (role.stack().isProduction() ? "; pulls staging's images to promote them" : "")
                    : "`pulumi preview` of " + stack
                            + ": AWS ReadOnlyAccess without data reads (objects, log events, image "
                            + "layers), " + stack + "'s state (read, lock files), key (decrypt) and secret values"
                            + (role.stack().isProduction() ? "" : "; never prod's state");
            out.append("| `")
                    .append(role.roleName())
                    .append("` | `")
                    .append(role.subject())
                    .append("` | ")
                    .append(role.secret())
                    .append(" | ")
                    .append(may)
                    .append(" |\n");
        }
        return out.append(ROLES_END).append("\n").toString();
    }

    /** @param committed the account file's values */
    public static String table(Map<String, String> committed) {
        var out = new StringBuilder(
                START + "\n| Key | What | Allowed | Default | Committed (example account) |\n|---|---|---|---|---|\n");
        for (var key : BootstrapSettings.KEYS) {
            var value = committed.get(key.fullName());
            out.append("| `")
                    .append(key.fullName())
                    .append("` | ")
                    .append(key.description().replace("|", "\\|"))
                    .append(" | ")
                    .append(
                            key.rule() == null
                                    ? "as the meaning says"
                                    : key.rule().allowed())
                    .append(" | ")
                    .append(
                            BootstrapSettings.REQUIRED.contains(key)
                                    ? "(required)"
                                    : key.defaultValue() == null ? "unset" : "`" + key.defaultValue() + "`")
                    .append(" | ")
                    .append(value == null ? "" : "`" + value + "`")
                    .append(" |\n");
        }
        return out.append(END).append("\n").toString();
    }

    public static void main(String[] args) throws IOException {
        var dir = Path.of(args.length > 0 ? args[0] : ".");
        var doc = dir.resolve("docs/ci-cd.md");
        var text = Files.readString(doc);
        int a = text.indexOf(START);
        int b = text.indexOf(END, a);
        var table = table(StackFile.read(dir.resolve("bootstrap"), "account").values());
        text = text.substring(0, a) + table + text.substring(b + END.length() + 1);
        int c = text.indexOf(ROLES_START);
        int d = text.indexOf(ROLES_END, c);
        Files.writeString(doc, text.substring(0, c) + roles() + text.substring(d + ROLES_END.length() + 1));
    }
}
