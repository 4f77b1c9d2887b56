package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every alarm the program can declare has a line of guidance: a new alarm without one fails here. */
class AlarmGuideTest {

    @Test
    void everyAlarmOfBothStacksAndOfWorkersHasGuidance() {
        var workers = Map.of(
                "tutors:workers",
                "{\"celery\":{\"command\":[\"celery\"]},\"beat\":{\"command\":[\"celery\",\"beat\"],\"singleton\":true}}");
        int checked = 0;
        for (var plan :
                List.of(StackRuns.committed("prod"), StackRuns.committed("staging"), StackRuns.with("prod", workers))) {
            var stack = plan.stack();
            for (var alarm : StackRuns.ofType(StackRuns.succeeded(plan), com.pulumi.aws.cloudwatch.MetricAlarm.class)) {
                var part = ((String) alarm.input("name")).replace("tutors-" + stack + "-", "");
                assertTrue(AlarmGuide.of(part).isPresent(), "no AlarmGuide entry for " + part);
                checked++;
            }
        }
        assertTrue(checked > 40, "alarms checked: " + checked);
        assertTrue(AlarmGuide.of("worker-celery-cpu").isPresent()
                && AlarmGuide.of("something-else").isEmpty());
    }
}
