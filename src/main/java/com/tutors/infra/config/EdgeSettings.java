package com.tutors.infra.config;

import java.util.Optional;

/**
 * Phase 5's validated inputs.
 *
 * @param domain            empty: no-domain mode (HTTP on the ALB's own name)
 * @param hostedZone        Route 53 zone name or id, present exactly when {@code domain} is
 * @param idleTimeoutSeconds ALB idle timeout; the containers' keep-alive is set longer
 */
public record EdgeSettings(Optional<String> domain,
                           Optional<String> hostedZone,
                           boolean accessLogs,
                           int idleTimeoutSeconds,
                           String logBucket,
                           boolean deletionProtection) {

    /** Seconds gunicorn keeps an idle connection: longer than the ALB's, so the ALB always closes first. */
    public int keepAliveSeconds() {
        return idleTimeoutSeconds + 15;
    }
}
