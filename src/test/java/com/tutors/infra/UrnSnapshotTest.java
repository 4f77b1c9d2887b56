package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tutors.infra.plan.model.PlannedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every resource's URN (type and logical name) of each committed stack, against a committed snapshot:
 * a renamed resource is replaced on the next {@code pulumi up}, so a rename must fail here until the
 * snapshot is updated on purpose ({@code mvn -B test -Dtest=UrnSnapshotTest -Durns.update=true}).
 */
class UrnSnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void urnsAreTheCommittedOnes(String stack) throws IOException {
        var urns = StackRuns.succeeded(StackRuns.committed(stack)).resources().stream()
                .map(PlannedResource::urn)
                .map(u -> u.replaceAll("::[0-9a-f-]{30,}$", ""))
                .sorted()
                .distinct()
                .toList();
        var file = StackRuns.PROJECT_DIR.resolve("src/test/resources/urns/" + stack + ".txt");
        if (Boolean.getBoolean("urns.update")) {
            Files.write(file, urns);
        }
        var committed = new ArrayList<>(Files.readAllLines(file));
        var added = new ArrayList<>(urns);
        added.removeAll(committed);
        var removed = new ArrayList<>(committed);
        removed.removeAll(urns);
        assertEquals(
                List.of(), removed, "gone or renamed (a rename replaces the resource on the next up); added: " + added);
        assertEquals(List.of(), added, "new URNs: update the snapshot on purpose (-Durns.update=true)");
    }
}
