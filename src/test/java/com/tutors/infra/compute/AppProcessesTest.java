package com.tutors.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** gunicorn's size for each Fargate task size, and the two container health checks, in full. */
class AppProcessesTest {

    @Test
    void workersAreTwicePerVcpuPlusOneBoundedByMemoryAndAtLeastTwo() {
        // 2 x vCPU + 1, at most one per 256 MiB, at least 2
        assertEquals(2, AppProcesses.autoWorkers(256, 512), "0.25 vCPU: 1.5 -> 1, raised to 2");
        assertEquals(2, AppProcesses.autoWorkers(512, 1024), "0.5 vCPU: 2");
        assertEquals(3, AppProcesses.autoWorkers(1024, 2048), "1 vCPU: 3");
        assertEquals(2, AppProcesses.autoWorkers(1024, 512), "memory caps it: 512 MiB holds 2");
        assertEquals(5, AppProcesses.autoWorkers(2048, 4096), "2 vCPU: 5");
        assertEquals(4, AppProcesses.autoWorkers(2048, 1024), "memory caps 5 at 4");
        assertEquals(9, AppProcesses.autoWorkers(4096, 8192), "4 vCPU: 9");
    }

    @Test
    void theCommandIsGthreadWithTheGivenOrComputedWorkers() {
        assertEquals(
                List.of(
                        "gunicorn",
                        "config.wsgi:application",
                        "--bind",
                        "0.0.0.0:8000",
                        "--worker-class",
                        "gthread",
                        "--workers",
                        "3",
                        "--threads",
                        "4",
                        "--keep-alive",
                        "75",
                        "--access-logfile",
                        "-"),
                AppProcesses.gunicorn(1024, 2048, 0, 4, 75),
                "0: from the task size");
        assertEquals("7", AppProcesses.gunicorn(1024, 2048, 7, 4, 75).get(7), "an explicit count wins");
        assertEquals("1", AppProcesses.gunicorn(1024, 2048, 1, 4, 75).get(7), "even one");
    }

    @Test
    void healthChecksUseTheRuntimesOwnLibrariesAndTheStartPeriod() {
        var backend = AppProcesses.backendHealthCheck();
        assertEquals(
                List.of(
                        "CMD",
                        "python",
                        "-c",
                        "import urllib.request; urllib.request.urlopen("
                                + "'http://127.0.0.1:8000/api/health/', timeout=4)"),
                backend.command());
        var frontend = AppProcesses.frontendHealthCheck();
        assertEquals(
                List.of(
                        "CMD",
                        "node",
                        "-e",
                        "require('http').get('http://127.0.0.1:3000/healthz',r=>process.exit(r.statusCode===200?0:1))"
                                + ".on('error',()=>process.exit(1))"),
                frontend.command(),
                "a path that renders nothing, not /");
        for (var check : List.of(backend, frontend)) {
            assertEquals(
                    List.of(30, 5, 3, 60),
                    List.of(check.interval(), check.timeout(), check.retries(), check.startPeriod()));
        }
    }
}
