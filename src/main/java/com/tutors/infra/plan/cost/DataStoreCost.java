package com.tutors.infra.plan.cost;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** The data stores' lines: the database's instance hours, storage and monitoring; the cache's node hours. */
final class DataStoreCost {
    private DataStoreCost() {}

    /** @param share the part of the month the database runs (1 without office hours) */
    static List<CostLine> database(PlannedResource r, double hours, double share, Usage usage, PriceBook prices) {
        var lines = new ArrayList<CostLine>();
        int phase = r.phase();
        var name = r.name();

        var cls = String.valueOf(r.input("instanceClass"));
        int copies = Boolean.TRUE.equals(r.input("multiAz")) ? 2 : 1;
        var az = copies == 2 ? " Multi-AZ" : " single-AZ";
        lines.add(new CostLine(
                phase,
                name,
                "RDS PostgreSQL " + cls + az + (share < 1 ? ", office hours" : ""),
                hours * copies * share,
                "instance-hours",
                prices.price("rdsPostgresHour", cls)));
        lines.add(new CostLine(
                phase,
                name,
                "RDS gp3 storage" + az,
                CostModel.number(r, "allocatedStorage") * copies,
                "GB-months",
                prices.price("rdsGp3GbMonth")));
        if (r.input("monitoringInterval") instanceof Number n && n.doubleValue() > 0) {
            lines.add(new CostLine(
                    phase,
                    name,
                    "RDS enhanced monitoring (CloudWatch Logs)",
                    usage.get("rdsMonitoringGb"),
                    "GB",
                    prices.price("cloudwatchLogsIngestGb")));
        }

        return lines;
    }

    static List<CostLine> cache(PlannedResource r, double hours, PriceBook prices) {
        var lines = new ArrayList<CostLine>();
        int phase = r.phase();
        var name = r.name();

        var node = String.valueOf(r.input("nodeType"));
        double nodes = CostModel.number(r, "numCacheClusters");
        boolean valkey = "valkey".equals(r.input("engine"));
        lines.add(new CostLine(
                phase,
                name,
                "ElastiCache " + (valkey ? "Valkey " : "Redis ") + node + " x " + (int) nodes,
                hours * nodes,
                "node-hours",
                prices.price(valkey ? "elasticacheValkeyHour" : "elasticacheHour", node)));

        return lines;
    }
}
