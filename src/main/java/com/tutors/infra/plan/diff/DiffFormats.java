package com.tutors.infra.plan.diff;

import com.google.gson.GsonBuilder;
import com.tutors.infra.core.Phase;
import com.tutors.infra.plan.diff.PlanDiff.Change;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.PlanDiff.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** A diff as text (terminal), markdown (a pull-request comment) or JSON (tests and tools). */
public final class DiffFormats {
    private DiffFormats() {}

    public static final List<String> FORMATS = List.of("text", "markdown", "json");
    /** The first line of the markdown: the pull-request workflow finds its own comment by it. */
    public static final String MARKER = "<!-- tutors-plan-diff -->";

    public static String render(Result diff, String format) {
        return switch (format) {
            case "markdown" -> markdown(diff);
            case "json" -> json(diff);
            default -> text(diff);
        };
    }

    public static String text(Result d) {
        var out = new StringBuilder("Changes from " + d.before() + " to " + d.after() + ": " + summary(d) + "\n");
        d.warnings()
                .forEach(w -> out.append(w.severity() == PlanDiff.Severity.DANGER ? "DANGER " : "note   ")
                        .append(w.name())
                        .append(": ")
                        .append(w.message())
                        .append('\n'));
        for (var phase : phases(d)) {
            out.append("\nPhase ")
                    .append(phase)
                    .append(' ')
                    .append(title(phase))
                    .append('\n');
            for (var c : d.changes()) {
                if (c.phase() == phase) {
                    out.append("  ")
                            .append(c.kind().symbol)
                            .append(' ')
                            .append(pad(c.kind().word, 8))
                            .append(c.name())
                            .append("  ")
                            .append(Warnings.shortType(c.type()))
                            .append(detail(c))
                            .append('\n');
                }
            }
        }
        if (d.changes().isEmpty()) {
            out.append("No changes.\n");
        }
        out.append("\n(")
                .append("offline: compares the two configurations, not live state; replace rules: ")
                .append(d.rulesVersion())
                .append(")\n");
        return out.toString();
    }

    public static String markdown(Result d) {
        var out =
                new StringBuilder(MARKER + "\n### Infrastructure changes: " + d.before() + " → " + d.after() + "\n\n");
        out.append("**").append(summary(d)).append("**\n\n");
        if (!d.warnings().isEmpty()) {
            d.warnings()
                    .forEach(w -> out.append("- ")
                            .append(w.severity() == PlanDiff.Severity.DANGER ? ":warning: **danger**" : "note")
                            .append(" `")
                            .append(w.name())
                            .append("`: ")
                            .append(w.message())
                            .append('\n'));
            out.append('\n');
        }
        if (!d.changes().isEmpty()) {
            out.append("| | Phase | Resource | Type | What |\n|---|---|---|---|---|\n");
            for (var c : d.changes()) {
                out.append("| ")
                        .append(c.kind().symbol)
                        .append(' ')
                        .append(c.kind().word)
                        .append(" | ")
                        .append(c.phase())
                        .append(" | `")
                        .append(c.name())
                        .append("` | ")
                        .append(Warnings.shortType(c.type()))
                        .append(" | ")
                        .append(detail(c).trim().replace("|", "\\|"))
                        .append(" |\n");
            }
        } else {
            out.append("No changes.\n");
        }
        out.append(
                        "\n<sub>Offline: compares configurations, not live state (`pulumi preview` sees drift). Replace rules: ")
                .append(d.rulesVersion())
                .append(".</sub>\n");
        return out.toString();
    }

    public static String json(Result d) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("before", d.before());
        doc.put("after", d.after());
        var counts = new LinkedHashMap<String, Long>();
        for (var k : Kind.values()) {
            counts.put(k.word, d.count(k));
        }
        doc.put("counts", counts);
        doc.put("dangerous", d.dangerous());
        doc.put("warnings", d.warnings());
        doc.put("changes", d.changes());
        doc.put("rules", d.rulesVersion());
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(doc) + "\n";
    }

    static String summary(Result d) {
        return d.count(Kind.CREATE) + " to create, " + d.count(Kind.UPDATE) + " to update, " + d.count(Kind.REPLACE)
                + " to replace, " + d.count(Kind.DELETE) + " to delete"
                + (d.warnings().isEmpty() ? "" : "; " + d.warnings().size() + " warning(s)");
    }

    private static String detail(Change c) {
        return switch (c.kind()) {
            case UPDATE -> "  [" + String.join(", ", c.changed()) + "]";
            case REPLACE ->
                "  [" + String.join(", ", c.changed()) + "] replaced: " + String.join(", ", c.replacing())
                        + " forces it"
                        + (c.deleteFirst() ? "; deleted first (explicit name)" : "; new one created first");
            default -> c.protect() ? "  [protected]" : "";
        };
    }

    private static List<Integer> phases(Result d) {
        var list = new ArrayList<Integer>();
        d.changes().forEach(c -> {
            if (!list.contains(c.phase())) {
                list.add(c.phase());
            }
        });
        return list;
    }

    private static String title(int phase) {
        for (var p : Phase.values()) {
            if (p.number() == phase) {
                return p.title();
            }
        }
        return "";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
