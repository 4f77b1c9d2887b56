package com.tutors.infra.compute;

import java.util.ArrayList;
import java.util.List;

/** The CPU/memory pairs Fargate accepts for a Linux task (platform 1.4). */
public final class FargateSizes {
    private FargateSizes() {}

    private record Row(int cpu, int minMemory, int maxMemory, int step) {}

    private static final List<Row> ROWS = List.of(
            new Row(256, 512, 2048, -1), // 512, 1024, 2048 only
            new Row(512, 1024, 4096, 1024),
            new Row(1024, 2048, 8192, 1024),
            new Row(2048, 4096, 16384, 1024),
            new Row(4096, 8192, 30720, 1024),
            new Row(8192, 16384, 61440, 4096),
            new Row(16384, 32768, 122880, 8192));

    public static boolean isValid(int cpu, int memory) {
        return memories(cpu).contains(memory);
    }

    public static List<Integer> cpus() {
        return ROWS.stream().map(Row::cpu).toList();
    }

    /** The memory sizes (MiB) allowed with {@code cpu} units; empty for an unknown CPU value. */
    public static List<Integer> memories(int cpu) {
        var out = new ArrayList<Integer>();
        for (var row : ROWS) {
            if (row.cpu() != cpu) {
                continue;
            }
            if (row.step() < 0) {
                return List.of(512, 1024, 2048);
            }
            for (int m = row.minMemory(); m <= row.maxMemory(); m += row.step()) {
                out.add(m);
            }
        }
        return out;
    }

    /** A human summary of the allowed pairs, for error messages. */
    public static String describe() {
        return "256 CPU: 512, 1024 or 2048 MiB; 512: 1024-4096 by 1024; 1024: 2048-8192 by 1024; "
                + "2048: 4096-16384 by 1024; 4096: 8192-30720 by 1024; 8192: 16384-61440 by 4096; "
                + "16384: 32768-122880 by 8192";
    }
}
