package com.tutors.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTest {

    @Test
    void spotShareBecomesAStrategy() {
        assertEquals(List.of(new Capacity.Share("FARGATE", 1, 1)), Capacity.strategy(0));
        assertEquals(List.of(new Capacity.Share("FARGATE_SPOT", 0, 1)), Capacity.strategy(100));
        assertEquals(
                List.of(new Capacity.Share("FARGATE", 1, 70), new Capacity.Share("FARGATE_SPOT", 0, 30)),
                Capacity.strategy(30));
    }

    @Test
    void fargatePairs() {
        assertTrue(FargateSizes.isValid(256, 512));
        assertTrue(FargateSizes.isValid(256, 2048));
        assertFalse(FargateSizes.isValid(256, 4096));
        assertTrue(FargateSizes.isValid(1024, 8192));
        assertFalse(FargateSizes.isValid(1024, 1024));
        assertTrue(FargateSizes.isValid(8192, 20480));
        assertFalse(FargateSizes.isValid(8192, 18432), "8 vCPU goes in 4 GiB steps");
        assertFalse(FargateSizes.isValid(300, 512));
        assertEquals(List.of(1024, 2048, 3072, 4096), FargateSizes.memories(512));
    }
}
