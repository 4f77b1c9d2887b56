package com.tutors.infra.core;

/** The TCP ports the stack's parts talk on: one definition for security groups, containers, URLs. */
public final class Ports {
    private Ports() {}

    public static final int HTTP = 80;
    public static final int HTTPS = 443;
    /** gunicorn in the backend container. */
    public static final int BACKEND = 8000;
    /** Next.js in the frontend container. */
    public static final int FRONTEND = 3000;

    public static final int POSTGRES = 5432;
    public static final int REDIS = 6379;
}
