package com.tutors.infra.core;

/**
 * The paths the load balancer and the containers check (the app contract). Each answers 200 without
 * calling anything else: a slow database, cache, backend or CDN must not get healthy tasks replaced.
 */
public final class HealthPaths {
    private HealthPaths() {}

    /** Django: a middleware above SecurityMiddleware answers it (docs/app-contract.md). */
    public static final String BACKEND = "/api/health/";
    /** Next.js: a route handler ({@code app/healthz/route.ts}) that renders nothing and fetches nothing. */
    public static final String FRONTEND = "/healthz";
}
