package com.tutors.infra.plan.cost;

/**
 * One priced item.
 *
 * @param resource the declared resource it prices (its logical name)
 * @param quantity in {@code unit}s a month
 */
public record CostLine(int phase, String resource, String item, double quantity, String unit, double unitPrice) {
    /** False when the price file has no price for it (another region, a size not in the file). */
    public boolean priced() {
        return !Double.isNaN(unitPrice);
    }

    /** 0 for an unpriced line: totals then count what is priced, and say they are partial. */
    public double monthly() {
        return priced() ? quantity * unitPrice : 0;
    }
}
