package com.tutors.infra;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;

/** A planned alarm's inputs, read where a ratio alarm keeps its metric: in its first query (m1). */
public final class AlarmInputs {
    private AlarmInputs() {}

    public static Object of(PlannedResource alarm, String input) {
        if (alarm.input("metricQueries") instanceof List<?> queries && !queries.isEmpty()) {
            var m1 = (Map<?, ?>) ((Map<?, ?>) queries.get(0)).get("metric");
            return switch (input) {
                case "statistic" -> m1.get("stat");
                case "namespace", "metricName", "period", "dimensions" -> m1.get(input);
                default -> alarm.input(input);
            };
        }
        return alarm.input(input);
    }
}
