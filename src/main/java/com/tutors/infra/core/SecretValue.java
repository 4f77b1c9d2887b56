package com.tutors.infra.core;

import com.pulumi.core.Output;

/**
 * A secret from the stack's configuration. It prints as {@code [secret]}, so no settings record or
 * error message can leak it; the only way out is {@link #output()}, a Pulumi secret.
 */
public final class SecretValue {
    private final String value;

    public SecretValue(String value) {
        this.value = value;
    }

    public Output<String> output() {
        return Output.ofSecret(value);
    }

    /** Whether two secrets hold the same value, without either leaving this class. */
    public boolean sameAs(SecretValue other) {
        return other != null && value.equals(other.value);
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
