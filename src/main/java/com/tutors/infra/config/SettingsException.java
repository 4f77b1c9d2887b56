package com.tutors.infra.config;

import java.util.List;

/**
 * Invalid stack configuration. Thrown before any resource is declared; the message lists every
 * problem, one a line, each naming the key, the bad value and what is allowed.
 */
public final class SettingsException extends RuntimeException {
    private final List<String> problems;

    public SettingsException(String stack, List<String> problems) {
        super("invalid configuration for stack '" + stack + "':\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
