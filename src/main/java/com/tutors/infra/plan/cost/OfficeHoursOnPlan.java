package com.tutors.infra.plan.cost;

import com.tutors.infra.core.OfficeHours;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the week each service and database is awake, read back from the schedules the plan
 * declares (ECS scheduled actions, EventBridge Scheduler's RDS stop and start), not from the
 * settings: the estimate prices what would be deployed.
 */
final class OfficeHoursOnPlan {
    private static final double HOURS_PER_WEEK = 7 * 24;

    private final Map<String, Double> services;
    private final Map<String, Double> databases;

    private OfficeHoursOnPlan(Map<String, Double> services, Map<String, Double> databases) {
        this.services = services;
        this.databases = databases;
    }

    static OfficeHoursOnPlan of(List<PlannedResource> resources) {
        var up = new HashMap<String, String>();
        var down = new HashMap<String, String>();
        for (var r : resources) {
            if (r.type().equals("aws:appautoscaling/scheduledAction:ScheduledAction")) {
                var id = String.valueOf(r.input("resourceId"));
                var service = id.substring(id.lastIndexOf('/') + 1);
                boolean closes = ((Number) r.input("scalableTargetAction.maxCapacity")).intValue() == 0;
                (closes ? down : up).put("service:" + service, String.valueOf(r.input("schedule")));
            } else if (r.type().equals("aws:scheduler/schedule:Schedule")
                    && String.valueOf(r.input("target.arn")).contains(":rds:")) {
                // (The database's schedules; a scheduled job's targets the cluster.)
                var target = String.valueOf(r.input("target.arn"));
                var input = String.valueOf(r.input("target.input"));
                var db = com.google.gson.JsonParser.parseString(input)
                        .getAsJsonObject()
                        .get("DbInstanceIdentifier")
                        .getAsString();
                if (target.endsWith(":rds:stopDBInstance")) {
                    down.put("db:" + db, String.valueOf(r.input("scheduleExpression")));
                } else if (target.endsWith(":rds:startDBInstance")) {
                    up.put("db:" + db, String.valueOf(r.input("scheduleExpression")));
                }
            }
        }
        var services = new HashMap<String, Double>();
        var databases = new HashMap<String, Double>();
        up.forEach((key, cron) -> {
            if (!down.containsKey(key)) {
                return; // started but never stopped: awake all week
            }
            double share = OfficeHours.hoursPerWeek(cron, down.get(key)) / HOURS_PER_WEEK;
            (key.startsWith("db:") ? databases : services).put(key.substring(key.indexOf(':') + 1), share);
        });
        return new OfficeHoursOnPlan(services, databases);
    }

    double serviceShare(String serviceName) {
        return services.getOrDefault(serviceName, 1.0);
    }

    double databaseShare(String identifier) {
        return databases.getOrDefault(identifier, 1.0);
    }
}
