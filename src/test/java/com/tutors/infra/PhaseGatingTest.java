package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.core.Phase;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deploying phase by phase: raising lastPhase must never rename (and so replace) what exists. */
class PhaseGatingTest {

    private static Set<String> urnsUpTo(int lastPhase, String stack, int phase) {
        var overrides = StackRuns.override("tutors:lastPhase", String.valueOf(lastPhase));
        if (lastPhase == Phase.LAST && stack.equals("prod")) {
            // Phase 6 goes on with the origin lock off (README): the lock then swaps the ALB's open ingress
            // rules for CloudFront's prefix list, a change of its own.
            overrides.put("tutors:originLock", "false");
        }
        var result = StackRuns.succeeded(StackRuns.with(stack, overrides));
        assertTrue(
                result.resources().stream().allMatch(r -> r.phase() <= lastPhase),
                "lastPhase=" + lastPhase + " declared a later phase");
        return result.resources().stream()
                .filter(r -> r.phase() == phase)
                .map(PlannedResource::urn)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void earlierPhasesKeepTheirUrnsWhenLaterPhasesAreAdded(String stack) {
        for (int phase = Phase.FIRST; phase <= Phase.LAST; phase++) {
            var alone = urnsUpTo(phase, stack, phase);
            var withAll = urnsUpTo(Phase.LAST, stack, phase);
            // Later phases may add to an earlier component (a CDN adds a listener rule) but never rename.
            var renamed = new java.util.TreeSet<>(alone);
            renamed.removeAll(withAll);
            assertEquals(Set.of(), renamed, "phase " + phase + " resources renamed when later phases are declared");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void eachDataSourceIsReadOnceNeverPerResource(String stack) {
        var result = StackRuns.succeeded(StackRuns.committed(stack));
        var expected = new java.util.TreeMap<String, Integer>(java.util.Map.of(
                // prod's locked CDN: CloudFront's origin-facing prefix list for the ALB's group
                "aws:ec2/getManagedPrefixList:getManagedPrefixList", stack.equals("prod") ? 1 : 0,
                "aws:index/getAvailabilityZones:getAvailabilityZones", 1,
                "aws:index/getCallerIdentity:getCallerIdentity", 1,
                "aws:route53/getZone:getZone", 1,
                // The NAT instances' AMI, once for all of them (prod has two, staging one)
                "aws:ssm/getParameter:getParameter", 1,
                // The image tag the last verified deploy recorded (the stack files name none)
                "aws:ssm/getParametersByPath:getParametersByPath", 1));
        expected.values().removeIf(n -> n == 0);
        assertEquals(expected, result.invokes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void theProviderIsTheSameWhateverLastPhaseSays(String stack) {
        var one = StackRuns.succeeded(StackRuns.with(stack, StackRuns.override("tutors:lastPhase", "1")));
        var all = StackRuns.succeeded(StackRuns.committed(stack));
        var provider = "urn:pulumi:" + stack + "::tutors::pulumi:providers:aws::tutors-" + stack + "-aws";
        var first =
                one.resources().stream().filter(r -> r.urn().equals(provider)).toList();
        var last =
                all.resources().stream().filter(r -> r.urn().equals(provider)).toList();
        assertEquals(1, first.size());
        assertEquals(1, last.size());
        // Same URN and same inputs: raising lastPhase neither replaces nor updates the provider every
        // resource hangs from (a changed region or tag would touch all of them).
        assertEquals(first.get(0).inputs(), last.get(0).inputs());
        assertEquals("eu-central-1", last.get(0).input("region"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void lastPhaseOneDeclaresTheFoundationOnly(String stack) {
        var result = StackRuns.succeeded(StackRuns.with(stack, StackRuns.override("tutors:lastPhase", "1")));
        assertFalse(StackRuns.awsResources(result).isEmpty());
        assertTrue(StackRuns.awsResources(result).stream().allMatch(r -> r.phase() == 1));
    }
}
