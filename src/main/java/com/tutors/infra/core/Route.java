package com.tutors.infra.core;

import java.util.List;

/**
 * One load-balancer rule's paths for a service: lower priorities are matched first. {@code /api/*}
 * alone does not match {@code /api}, so routes list both.
 */
public record Route(int priority, List<String> paths) {
    public Route {
        paths = List.copyOf(paths);
    }
}
