package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app contract's services table comes from the declared services: a worker is a row of its own. */
class ServiceDocsTest {

    @Test
    void aWorkerAndASingletonAreRowsWithoutAPortOrAGracePeriod() {
        var plan = StackRuns.succeeded(StackRuns.with(
                        "prod",
                        Map.of(
                                "tutors:workers",
                                "{\"celery\":{\"command\":[\"celery\",\"-A\",\"config\",\"worker\"],\"maxCount\":3},"
                                        + "\"beat\":{\"command\":[\"celery\",\"-A\",\"config\",\"beat\"],"
                                        + "\"singleton\":true}}")))
                .resources();
        var table = ServiceDocs.services("prod", plan);
        assertTrue(
                table.contains(
                        "| worker-celery | nothing: no load balancer (a worker) | none (no port) | 100% to 200% "
                                + "of the count, rolled back by the circuit breaker | 1 at creation, then 1 to 3, tracking CPU 70% |"),
                table);
        assertTrue(
                table.contains("| worker-beat | nothing: no load balancer (a worker) | none (no port) | 0% to 100% "
                        + "of the count, rolled back by the circuit breaker | 1 at creation, then 1 to 1, fixed |"),
                table);
        assertTrue(table.contains("registered as `backend.tutors-<env>.internal`"), table);
    }
}
