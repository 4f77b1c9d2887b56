package com.tutors.infra.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runner that replaces the SDK's busy wait must keep its two promises: wait for all, report failures. */
class BatchingRunnerTest {

    private static OfflineRun.Result run(java.util.function.Consumer<com.pulumi.Context> program) {
        return OfflineRun.execute(program, "runner", Map.of(), Set.of(), Set.of());
    }

    @Test
    void resourcesDeclaredInsideLateOutputsAreWaitedFor() {
        // Each VPC is declared only once the previous one's id resolves: a chain the program's own
        // task has long returned from when its tail is registered.
        var result = run(ctx -> {
            Output<String> id = Output.of("start");
            for (int i = 0; i < 20; i++) {
                int n = i;
                id = id.applyValue(previous -> new Vpc(
                                "chain-" + n,
                                VpcArgs.builder().cidrBlock("10.0.0.0/16").build()))
                        .apply(Vpc::id);
            }
            ctx.export("last", id);
        });
        assertTrue(result.succeeded(), () -> result.problems().toString());
        assertEquals(
                20,
                result.resources().stream()
                        .filter(r -> r.name().startsWith("chain-"))
                        .count());
        var last = result.resources().stream()
                .filter(r -> r.name().equals("chain-19"))
                .findFirst()
                .orElseThrow();
        var lastId = com.pulumi.test.internal.PulumiTestInternal.extractOutputData(((Vpc) last.resource()).id())
                .getValueNullable();
        assertEquals(lastId, result.outputs().get("last"));
    }

    @Test
    void aFailingOutputFailsTheRunWithItsMessage() {
        var result = run(ctx -> {
            new Vpc("fine", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            ctx.export("broken", Output.of(1).applyValue(x -> {
                throw new IllegalStateException("planted failure in an output");
            }));
        });
        assertFalse(result.succeeded());
        assertEquals(List.of("planted failure in an output"), result.problems());
    }
}
