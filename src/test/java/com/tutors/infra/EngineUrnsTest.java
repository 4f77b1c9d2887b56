package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.PlanCommand;
import com.tutors.infra.plan.PlanFormats;
import com.tutors.infra.plan.cost.Usage;
import com.tutors.infra.plan.diff.SavedPlan;
import com.tutors.infra.plan.model.PlannedResource;
import com.tutors.infra.plan.model.Urns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every URN the offline plan shows is the one the real engine gives (pulumi/pulumi generateURN: the
 * root stack's type is left out of a child's qualified type), so a URN copied into --target, --replace,
 * pulumi state or import --parent names a real resource.
 */
class EngineUrnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void everyUrnIsBuiltFromItsParentAsTheEngineBuildsIt(String stack) {
        var result = StackRuns.succeeded(StackRuns.committed(stack));
        for (var r : result.resources()) {
            if (r.parentUrn().isEmpty()) {
                assertEquals("urn:pulumi:" + stack + "::tutors::pulumi:pulumi:Stack::tutors-" + stack, r.urn());
                continue;
            }
            // Derived here from the rule, not from Urns: the parent's qualified type, unless it is the root stack.
            var parentType = r.parentUrn().split("::")[2];
            var expected = "urn:pulumi:" + stack + "::tutors::"
                    + (parentType.equals("pulumi:pulumi:Stack") ? "" : parentType + "$") + r.type() + "::" + r.name();
            assertEquals(expected, r.urn());
            assertFalse(r.urn().contains("pulumi:pulumi:Stack$"), r.urn());
            if (!r.providerRef().isEmpty()) {
                assertTrue(
                        r.providerRef().startsWith("urn:pulumi:" + stack + "::tutors::pulumi:providers:aws::"),
                        r.providerRef());
            }
            r.dependencies().forEach(d -> assertFalse(d.contains("pulumi:pulumi:Stack$"), d));
        }
    }

    @Test
    void theMigrateTaskDefinitionHasTheUrnTheIssueQuotes() {
        var urns = StackRuns.succeeded(StackRuns.committed("prod")).resources().stream()
                .map(PlannedResource::urn)
                .toList();
        assertTrue(
                urns.contains("urn:pulumi:prod::tutors::tutors:compute:Compute$aws:ecs/taskDefinition:TaskDefinition"
                        + "::tutors-prod-backend-migrate"),
                "no engine-form URN for the migrate task definition");
        assertTrue(urns.contains("urn:pulumi:prod::tutors::pulumi:providers:aws::tutors-prod-aws"));
    }

    @Test
    void mockFormIsRewrittenAndEngineFormKept() {
        var mock = "urn:pulumi:prod::tutors::pulumi:pulumi:Stack$tutors:compute:Compute$aws:ecs/service:Service::a::b";
        assertEquals(
                "urn:pulumi:prod::tutors::tutors:compute:Compute$aws:ecs/service:Service::a::b", Urns.engineForm(mock));
        assertEquals(Urns.engineForm(mock), Urns.engineForm(Urns.engineForm(mock)));
        var stack = "urn:pulumi:prod::tutors::pulumi:pulumi:Stack::tutors-prod";
        assertEquals(stack, Urns.engineForm(stack));
    }

    @Test
    void aPlanSavedInTheMockFormReadsBackInTheEngineForm() {
        var run = StackRuns.succeeded(StackRuns.committed("staging"));
        var json = PlanFormats.json(run, PlanCommand.estimate(run, Usage.defaults()));
        var old = json.replace("::tutors::", "::tutors::pulumi:pulumi:Stack$")
                .replace("pulumi:pulumi:Stack$pulumi:pulumi:Stack::", "pulumi:pulumi:Stack::");
        assertTrue(old.contains("pulumi:pulumi:Stack$tutors:compute:Compute"));
        assertEquals(
                SavedPlan.resources(json).stream().map(PlannedResource::urn).toList(),
                SavedPlan.resources(old).stream().map(PlannedResource::urn).toList());
    }
}
