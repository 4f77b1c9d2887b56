package com.tutors.infra;

import com.tutors.infra.config.ConfigDocs;
import com.tutors.infra.core.Environment;
import com.tutors.infra.network.SecurityRules;
import com.tutors.infra.plan.StackFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated parts of docs/, from the code and the committed stack files, each between its markers:
 * {@code java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs} rewrites them in place (a test
 * fails while a committed copy differs): the configuration reference and the security-group matrix.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {}

    public static final String SG_START =
            "<!-- security-groups:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String SG_END = "<!-- security-groups:end -->";

    /** The configuration table for the committed stacks of {@code projectDir}. */
    public static String configuration(Path projectDir) {
        var stacks = new LinkedHashMap<String, Map<String, String>>();
        for (var env : Environment.values()) {
            stacks.put(env.id(), StackFile.read(projectDir, env.id()).values());
        }
        return ConfigDocs.START + "\n" + ConfigDocs.table(stacks) + ConfigDocs.END + "\n";
    }

    /** Each group's rules from {@link SecurityRules}, the CDN-locked load balancer's as a note. */
    public static String securityGroups() {
        var in = new TreeMap<String, StringBuilder>();
        var out = new TreeMap<String, StringBuilder>();
        for (var group : SecurityRules.Group.values()) {
            in.put(group.id(), new StringBuilder());
            out.put(group.id(), new StringBuilder());
        }
        for (var rule : SecurityRules.rules(true)) {
            var cell = (rule.direction() == SecurityRules.Direction.INGRESS ? in : out)
                    .get(rule.group().id());
            var peer = rule.peer() instanceof SecurityRules.GroupPeer g
                    ? "`sg-" + g.group().id() + "`"
                    : rule.peer() instanceof SecurityRules.CidrPeer c
                            ? c.block()
                            : rule.peer().part();
            cell.append(cell.length() == 0 ? "" : "; ")
                    .append(rule.port())
                    .append(rule.direction() == SecurityRules.Direction.INGRESS ? " from " : " to ")
                    .append(peer)
                    .append(" (")
                    .append(rule.description())
                    .append(")");
        }
        var table = new StringBuilder("| Group | In | Out |\n|---|---|---|\n");
        for (var group : SecurityRules.Group.values()) {
            table.append("| `sg-")
                    .append(group.id())
                    .append("` | ")
                    .append(or(in.get(group.id())))
                    .append(" | ")
                    .append(or(out.get(group.id())))
                    .append(" |\n");
        }
        return SG_START + "\n" + table
                + "\nBehind a locked CDN (`cdn` and `originLock`) `sg-alb` admits only 443 from CloudFront's "
                + "origin-facing prefix list. Every rule is TCP on one port; nothing else is open, egress included.\n"
                + SG_END + "\n";
    }

    private static String or(StringBuilder cell) {
        return cell.length() == 0 ? "none" : cell.toString();
    }

    /** The file with the text between {@code start} and {@code end} (markers included) replaced by {@code block}. */
    public static String replaced(String file, String start, String end, String block) {
        int a = file.indexOf(start);
        int b = file.indexOf(end, a);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("no markers " + start + " ... " + end);
        }
        return file.substring(0, a) + block + file.substring(b + end.length() + 1);
    }

    public static void main(String[] args) throws java.io.IOException {
        var dir = Path.of(args.length > 0 ? args[0] : ".");
        var configuration = dir.resolve("docs/configuration.md");
        Files.writeString(
                configuration,
                replaced(Files.readString(configuration), ConfigDocs.START, ConfigDocs.END, configuration(dir)));
        var security = dir.resolve("docs/security-baseline.md");
        Files.writeString(security, replaced(Files.readString(security), SG_START, SG_END, securityGroups()));
    }
}
