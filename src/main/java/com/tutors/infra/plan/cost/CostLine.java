package com.tutors.infra.plan.cost;

/**
 * One priced item.
 *
 * @param resource the declared resource it prices (its logical name)
 * @param quantity in {@code unit}s a month
 */
public record CostLine(int phase, String resource, String item, double quantity, String unit, double unitPrice) {
    public double monthly() {
        return quantity * unitPrice;
    }
}
