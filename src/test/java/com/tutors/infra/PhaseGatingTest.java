package com.tutors.infra;

import com.tutors.infra.config.Phase;
import com.tutors.infra.plan.PlannedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploying phase by phase: raising lastPhase must never rename (and so replace) what exists. */
class PhaseGatingTest {

    private static Set<String> urnsUpTo(int lastPhase, String stack, int phase) {
        var result = StackRuns.succeeded(StackRuns.with(stack, StackRuns.override("tutors:lastPhase", String.valueOf(lastPhase))));
        assertTrue(result.resources().stream().allMatch(r -> r.phase() <= lastPhase),
                "lastPhase=" + lastPhase + " declared a later phase");
        return result.resources().stream().filter(r -> r.phase() == phase || r.isProvider())
                .map(PlannedResource::urn).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void earlierPhasesKeepTheirUrnsWhenLaterPhasesAreAdded(String stack) {
        for (int phase = Phase.FIRST; phase <= Phase.LAST; phase++) {
            var alone = urnsUpTo(phase, stack, phase);
            var withAll = urnsUpTo(Phase.LAST, stack, phase);
            assertEquals(alone, withAll, "phase " + phase + " changes when later phases are declared");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void lastPhaseOneDeclaresTheFoundationOnly(String stack) {
        var result = StackRuns.succeeded(StackRuns.with(stack, StackRuns.override("tutors:lastPhase", "1")));
        assertFalse(StackRuns.awsResources(result).isEmpty());
        assertTrue(StackRuns.awsResources(result).stream().allMatch(r -> r.phase() == 1));
    }
}
