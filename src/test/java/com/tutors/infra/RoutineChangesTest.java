package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The routine changes docs/operations.md promises are safe: each step of each row, planned on the
 * committed stack, raises none of the diff's dangers, and never replaces or deletes a data store.
 */
class RoutineChangesTest {
    private static final ReferenceDocs.Planner PLANNER =
            (stack, overrides) -> StackRuns.succeeded(StackRuns.with(stack, overrides));

    private static final Set<String> DATA_STORES = Set.of(
            "aws:rds/instance:Instance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:s3/bucketV2:BucketV2",
            "aws:ecr/repository:Repository",
            "aws:secretsmanager/secret:Secret");

    @Test
    void everyStepOfEveryRoutineChangeIsSafeForTheData() {
        for (var row : RoutineChange.ALL) {
            var steps = row.steps(PLANNER);
            assertEquals(row.states().size() - 1, steps.size());
            for (var step : steps) {
                assertFalse(step.dangerous(), row.change() + ": " + step.warnings());
                var touched = step.changes().stream()
                        .filter(c -> c.kind() == PlanDiff.Kind.REPLACE || c.kind() == PlanDiff.Kind.DELETE)
                        .filter(c -> DATA_STORES.contains(c.type()))
                        .map(PlanDiff.Change::name)
                        .toList();
                assertEquals(List.of(), touched, row.change() + " replaces or deletes a data store");
                assertFalse(step.changes().isEmpty(), row.change() + ": a step that changes nothing is no step");
            }
        }
    }

    @Test
    void theMeasuredCellNamesWhatIsReplacedOrDeleted() {
        var ami = RoutineChange.ALL.stream()
                .filter(r -> r.change().startsWith("`natAmi`"))
                .findFirst()
                .orElseThrow();
        var cell = RoutineChange.measured(ami.steps(PLANNER).get(0));
        assertTrue(cell.contains("2 replaced (Instance)"), cell);
        assertFalse(cell.contains("deleted"), cell);
    }
}
