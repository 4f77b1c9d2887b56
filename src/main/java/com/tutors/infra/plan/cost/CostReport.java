package com.tutors.infra.plan.cost;

import com.tutors.infra.core.Phase;
import java.util.Locale;
import java.util.TreeSet;

/** Renders estimates: a table per phase, and a markdown comparison for pull-request comments. */
public final class CostReport {
    private CostReport() {}

    public static String money(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }

    static String phaseName(int phase) {
        return phase == 0 ? "Shared" : phase + " " + Phase.values()[phase - 1].title();
    }

    public static String text(String stack, CostModel.Estimate e) {
        var out = new StringBuilder();
        out.append("Estimated monthly cost of stack ")
                .append(stack)
                .append(": ")
                .append(money(e.total()))
                .append(e.partial() ? " PARTIAL: " + e.unpriced().size() + " line(s) unpriced" : "")
                .append(" (prices ")
                .append(e.priceVersion())
                .append(", USD, before tax and free tier)\n");
        for (var entry : e.byPhase().entrySet()) {
            out.append("\nPhase ")
                    .append(phaseName(entry.getKey()))
                    .append(": ")
                    .append(money(entry.getValue()))
                    .append('\n');
            for (var line : e.lines()) {
                if (line.phase() != entry.getKey()) {
                    continue;
                }
                out.append(String.format(
                        Locale.ROOT,
                        "  %-58s %12s %-16s x %-10s = %10s   %s%n",
                        line.item(),
                        quantity(line.quantity()),
                        line.unit(),
                        line.priced() ? "$" + line.unitPrice() : "unpriced",
                        line.priced() ? money(line.monthly()) : "?",
                        line.resource()));
            }
        }
        out.append("\nUsage assumptions (override with --usage key=value): ");
        var first = true;
        for (var u : e.usage().all().entrySet()) {
            out.append(first ? "" : ", ").append(u.getKey()).append('=').append(quantity(u.getValue()));
            first = false;
        }
        return out.append('\n').toString();
    }

    /** Resources and monthly cost per phase, side by side, with the difference B - A. */
    public static String compare(String a, PlanSummary sa, String b, PlanSummary sb) {
        var out = new StringBuilder();
        out.append("### Infrastructure: `").append(a).append("` vs `").append(b).append("`\n\n");
        out.append("| Phase | Resources ")
                .append(a)
                .append(" | Resources ")
                .append(b)
                .append(" | Monthly ")
                .append(a)
                .append(" | Monthly ")
                .append(b)
                .append(" | Difference |\n|---|---:|---:|---:|---:|---:|\n");
        var phases = new TreeSet<Integer>(sa.cost().keySet());
        phases.addAll(sb.cost().keySet());
        for (int p = 1; p <= Phase.LAST; p++) {
            phases.add(p);
        }
        for (var p : phases) {
            double ca = sa.cost().getOrDefault(p, 0.0);
            double cb = sb.cost().getOrDefault(p, 0.0);
            out.append("| ")
                    .append(phaseName(p))
                    .append(" | ")
                    .append(sa.resources().getOrDefault(p, 0L))
                    .append(" | ")
                    .append(sb.resources().getOrDefault(p, 0L))
                    .append(" | ")
                    .append(money(ca))
                    .append(" | ")
                    .append(money(cb))
                    .append(" | ")
                    .append(signed(cb - ca))
                    .append(" |\n");
        }
        long ra = sa.resources().values().stream().mapToLong(Long::longValue).sum();
        long rb = sb.resources().values().stream().mapToLong(Long::longValue).sum();
        out.append("| **Total** | ")
                .append(ra)
                .append(" | ")
                .append(rb)
                .append(" | **")
                .append(money(sa.total()))
                .append("** | **")
                .append(money(sb.total()))
                .append("** | **")
                .append(signed(sb.total() - sa.total()))
                .append("** |\n\n");
        out.append("Prices ")
                .append(sb.priceVersion())
                .append(" (USD, before tax and free tier); usage assumptions as in ")
                .append("`plan --format cost`.\n");
        return out.toString();
    }

    static String signed(double usd) {
        return (usd >= 0.005 ? "+" : usd <= -0.005 ? "-" : "") + money(Math.abs(usd));
    }

    private static String quantity(double q) {
        return q == Math.rint(q) ? String.format(Locale.ROOT, "%,d", (long) q) : String.format(Locale.ROOT, "%,.2f", q);
    }
}
