package com.tutors.infra.plan.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The cost texts on hand-made estimates: every phase row, signs and totals, unpriced lines, quantities. */
class CostReportTest {

    private static PlanSummary summary(Map<Integer, Long> resources, Map<Integer, Double> cost) {
        return new PlanSummary(
                new TreeMap<>(resources),
                new TreeMap<>(cost),
                cost.values().stream().mapToDouble(Double::doubleValue).sum(),
                "2025-06-01");
    }

    @Test
    void aComparisonHasEveryPhaseASharedRowWhenThereIsOneAndSignedDifferences() {
        var a = summary(Map.of(1, 10L, 2, 4L), Map.of(0, 0.5, 1, 10.0, 2, 20.0));
        var b = summary(Map.of(1, 12L, 3, 2L), Map.of(0, 0.5, 1, 12.5, 3, 0.004));
        var table = CostReport.compare("main", a, "pr", b);
        assertEquals("""
                ### Infrastructure: `main` vs `pr`

                | Phase | Resources main | Resources pr | Monthly main | Monthly pr | Difference |
                |---|---:|---:|---:|---:|---:|
                | Shared | 0 | 0 | $0.50 | $0.50 | $0.00 |
                | 1 Foundation | 10 | 12 | $10.00 | $12.50 | +$2.50 |
                | 2 Data | 4 | 0 | $20.00 | $0.00 | -$20.00 |
                | 3 Storage | 0 | 2 | $0.00 | $0.00 | $0.00 |
                | 4 Compute | 0 | 0 | $0.00 | $0.00 | $0.00 |
                | 5 Edge | 0 | 0 | $0.00 | $0.00 | $0.00 |
                | 6 Optimization | 0 | 0 | $0.00 | $0.00 | $0.00 |
                | **Total** | 14 | 14 | **$30.50** | **$13.00** | **-$17.50** |

                Prices 2025-06-01 (USD, before tax and free tier); usage assumptions as in `plan --format cost`.
                """, table);
        // Half a cent either way rounds to no difference; a cent does not.
        assertTrue(CostReport.compare("a", summary(Map.of(), Map.of(1, 1.0)), "b", summary(Map.of(), Map.of(1, 1.01)))
                .contains("| 1 Foundation | 0 | 0 | $1.00 | $1.01 | +$0.01 |"));
        assertTrue(CostReport.compare("a", summary(Map.of(), Map.of(1, 1.01)), "b", summary(Map.of(), Map.of(1, 1.0)))
                .contains("| -$0.01 |"));
    }

    @Test
    void aDifferenceIsSignedFromHalfACentAndPrintedWithoutASignBelow() {
        assertEquals("+$0.01", CostReport.signed(0.005));
        assertEquals("-$0.01", CostReport.signed(-0.005));
        assertEquals("$0.00", CostReport.signed(0.0049));
        assertEquals("$0.00", CostReport.signed(-0.0049));
        assertEquals("+$12.30", CostReport.signed(12.3));
    }

    @Test
    void theTextListsEachPhasesLinesMarksUnpricedOnesAndTheUsage() {
        var lines = List.of(
                new CostLine(1, "nat", "NAT gateway", 730, "hours", 0.052),
                new CostLine(2, "db", "RDS PostgreSQL db.x1.huge", 1460.5, "instance-hours", Double.NaN),
                new CostLine(2, "secret", "Secrets Manager secret", 1, "secret-months", 0.4));
        var byPhase = new TreeMap<Integer, Double>(Map.of(1, 37.96, 2, 0.4));
        var e = new CostModel.Estimate(lines, byPhase, 38.36, Usage.defaults(), "2025-06-01");
        var text = CostReport.text("prod", e);
        assertTrue(
                text.startsWith(
                        "Estimated monthly cost of stack prod: $38.36 PARTIAL: 1 line(s) unpriced (prices 2025-06-01, "
                                + "USD, before tax and free tier)\n\nPhase 1 Foundation: $37.96\n"),
                text);
        assertTrue(text.contains("\nPhase 2 Data: $0.40\n"), text);
        assertTrue(
                text.contains("  NAT gateway" + " ".repeat(47)
                        + "          730 hours            x $0.052     =     $37.96   nat\n"),
                text);
        assertTrue(text.contains("1,460.50 instance-hours   x unpriced   =          ?   db"), text);
        assertEquals(
                1, text.lines().filter(l -> l.contains("NAT gateway")).count(), "each line under its own phase only");
        int phase2 = text.indexOf("\nPhase 2 Data");
        assertTrue(
                text.indexOf("NAT gateway") < phase2 && text.indexOf("Secrets Manager secret") > phase2,
                "and under the right one");
        assertTrue(
                text.contains("Usage assumptions (override with --usage key=value): albLcu=0.50, albLogsGb=2, "), text);
        assertTrue(text.endsWith("\n") && !text.contains(", , "), text);
        var whole = new CostModel.Estimate(
                List.of(lines.get(0)), new TreeMap<>(Map.of(1, 37.96)), 37.96, Usage.defaults(), "v");
        assertTrue(
                CostReport.text("s", whole).startsWith("Estimated monthly cost of stack s: $37.96 (prices v,"),
                "not partial");
    }

    @Test
    void aRegionWithoutAPriceFileIsAnEmptyBookAndTheCommittedOneNamesItsSource() {
        var none = PriceBook.load("ap-south-2");
        assertEquals("none for ap-south-2", none.version());
        assertEquals("no price file for ap-south-2: every line is unpriced", none.source());
        assertEquals(730.0, none.hoursPerMonth());
        assertTrue(Double.isNaN(none.price("albHour")), "unpriced, not zero");
        var frankfurt = PriceBook.load("eu-central-1");
        assertEquals("2025-06-01", frankfurt.version());
        assertTrue(
                frankfurt.source().startsWith("AWS public on-demand list prices for Europe (Frankfurt)"),
                frankfurt.source());
    }
}
