package com.tutors.infra.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's mock monitor, keeping every registration request as sent. The request carries what the
 * mocks' view loses: the parent, the provider reference, protect, dependencies, and which values are
 * secret.
 */
final class RecordingMonitor extends MockMonitor {

    record Registration(String urn, RegisterResourceRequest request, Resource resource) {
    }

    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            registrations.add(new Registration(response.getUrn(), request, resource));
            return response;
        });
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }
}
