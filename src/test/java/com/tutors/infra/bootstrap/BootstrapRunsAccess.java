package com.tutors.infra.bootstrap;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;

/** The committed bootstrap plan for tests outside this package (the runbooks' tests take its URNs). */
public final class BootstrapRunsAccess {
    private BootstrapRunsAccess() {}

    /** The workload boundary's document for an account (no domains: no mail statements). */
    public static String boundary(String accountId) {
        return WorkloadBoundary.document(accountId, java.util.Map.of());
    }

    public static List<PlannedResource> committed() {
        return BootstrapRuns.committed().resources();
    }
}
