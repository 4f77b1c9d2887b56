package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.PlanCommand;
import com.tutors.infra.plan.PlanFormats;
import com.tutors.infra.plan.cost.Usage;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import com.tutors.infra.plan.diff.SavedPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the next {@code pulumi up} of this program does to each committed stack as it was last planned:
 * the program's plan is diffed by URN against a saved plan (src/test/resources/plans), with the provider's
 * replace rules. Nothing may be replaced but task definitions (a new revision) and nothing deleted, and
 * no danger raised, unless the snapshot is updated on purpose
 * ({@code mvn -B test -Dtest=CommittedTransitionsTest -Dplans.update=true}), which the commit then says.
 */
class CommittedTransitionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void theNextUpOfEachCommittedStackReplacesAndDeletesNothing(String stack) throws IOException {
        var run = StackRuns.succeeded(StackRuns.committed(stack));
        var file = StackRuns.PROJECT_DIR.resolve("src/test/resources/plans/" + stack + ".json");
        if (Boolean.getBoolean("plans.update")) {
            Files.writeString(file, snapshot(run));
        }
        var saved = SavedPlan.resources(Files.readString(file));
        var diff = PlanDiff.between("saved", saved, "now", run.resources(), ReplaceRules.standard());
        assertFalse(diff.dangerous(), diff.warnings()::toString);
        var replacedOrDeleted = diff.changes().stream()
                .filter(c -> c.kind() == PlanDiff.Kind.DELETE
                        || (c.kind() == PlanDiff.Kind.REPLACE
                                && !c.type().equals("aws:ecs/taskDefinition:TaskDefinition")))
                .map(c -> c.kind() + " " + c.name() + " " + c.replacing())
                .toList();
        assertEquals(
                List.of(),
                replacedOrDeleted,
                "the next up would replace or delete these: make it the point of the change, then update the "
                        + "snapshot (-Dplans.update=true)");
    }

    /** The plan as `plan --format json` prints it, without the estimate and the configuration. */
    static String snapshot(OfflineRun.Result run) {
        var doc = JsonParser.parseString(PlanFormats.json(run, PlanCommand.estimate(run, Usage.defaults())))
                .getAsJsonObject();
        doc.remove("cost");
        doc.remove("config");
        // Nulls kept: a saved plan names every field, "parent": null included.
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .serializeNulls()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(doc)
                + "\n";
    }

    @Test
    void theSnapshotItWritesReadsBackAsTheSamePlan() {
        // What -Dplans.update=true writes is a saved plan that diffs against its own run as no change.
        var run = StackRuns.succeeded(StackRuns.committed("staging"));
        var diff = PlanDiff.between(
                "written", SavedPlan.resources(snapshot(run)), "run", run.resources(), ReplaceRules.standard());
        assertEquals(List.of(), diff.changes());
    }
}
