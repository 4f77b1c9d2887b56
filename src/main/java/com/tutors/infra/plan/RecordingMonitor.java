package com.tutors.infra.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.tutors.infra.plan.model.Urns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock monitor, keeping every registration request as sent. The request carries what the
 * mocks' view loses: the parent, the provider reference, protect, dependencies, and which values are
 * secret. URNs are rewritten to the real engine's form ({@link Urns}).
 */
final class RecordingMonitor extends MockMonitor {

    /** @param identifiers the id and ARN the mocks gave it (what another resource would take of it) */
    record Registration(String urn, RegisterResourceRequest request, Resource resource, List<String> identifiers) {}

    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
            Resource resource, RegisterResourceRequest request) {
        // The program, its children and the plan see the URN the real engine would give (Urns).
        return super.registerResourceAsync(resource, request).thenApply(mocked -> {
            var response =
                    mocked.toBuilder().setUrn(Urns.engineForm(mocked.getUrn())).build();
            var identifiers = new ArrayList<String>();
            if (!response.getId().isEmpty()) {
                identifiers.add(response.getId());
            }
            var arn = response.getObject().getFieldsMap().get("arn");
            if (arn != null && arn.hasStringValue() && !identifiers.contains(arn.getStringValue())) {
                identifiers.add(arn.getStringValue());
            }
            registrations.add(new Registration(response.getUrn(), request, resource, List.copyOf(identifiers)));
            return response;
        });
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }
}
