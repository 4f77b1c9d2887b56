package com.tutors.infra.bootstrap;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;

/** The committed bootstrap plan for tests outside this package (the runbooks' tests take its URNs). */
public final class BootstrapRunsAccess {
    private BootstrapRunsAccess() {}

    public static List<PlannedResource> committed() {
        return BootstrapRuns.committed().resources();
    }
}
