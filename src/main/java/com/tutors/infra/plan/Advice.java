package com.tutors.infra.plan;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** Warnings for a valid plan that is probably not what the user wants; printed, never fatal. */
final class Advice {
    private Advice() {}

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";

    static List<String> of(OfflineRun.Result result) {
        var out = new ArrayList<String>();
        // The NAT instances' recovery alarms act on EC2 themselves; only the others need a reader.
        long alarms = result.resources().stream()
                .filter(r -> r.type().equals(ALARM))
                .filter(r -> !String.valueOf(r.input("alarmActions")).contains(":automate:"))
                .count();
        if (alarms > 0 && count(result, SUBSCRIPTION) == 0) {
            out.add(
                    alarms
                            + " alarms notify nobody: set tutors:alarmEmail, or subscribe another endpoint to the alarm topic(s)");
        }
        if (result.placeholders().stream().anyMatch(k -> !k.equals("tutors:originSecret"))
                && count(result, "aws:rds/instance:Instance") == 0) {
            out.add(
                    "the data secrets got stand-ins, but phase 2 is not declared (lastPhase < 2): they are not needed yet");
        }
        return out;
    }

    private static long count(OfflineRun.Result result, String type) {
        return result.resources().stream()
                .map(PlannedResource::type)
                .filter(type::equals)
                .count();
    }
}
