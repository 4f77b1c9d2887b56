package com.tutors.infra.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The environments this program knows. Each one has its own column of defaults in the config keys, so a
 * new environment is a deliberate change here rather than a typo that silently gets prod's settings.
 */
public enum Environment {
    PROD("prod"),
    STAGING("staging");

    private final String id;

    Environment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isProduction() {
        return this == PROD;
    }

    public static Optional<Environment> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Environment::id).collect(Collectors.joining(", "));
    }
}
