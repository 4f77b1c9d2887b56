package com.tutors.infra.config;

import com.tutors.infra.core.Environment;

/**
 * One documented configuration key.
 *
 * @param namespace      {@code tutors} or {@code aws}
 * @param name           the key without its namespace
 * @param description    what it controls and what it accepts (the README's table repeats it)
 * @param prodDefault    the value used in prod when the stack file does not set the key; {@code null}: none
 * @param stagingDefault likewise for staging
 * @param secret         set with {@code pulumi config set --secret}; never printed
 */
public record Key(
        String namespace, String name, String description, String prodDefault, String stagingDefault, boolean secret) {

    public String fullName() {
        return namespace + ":" + name;
    }

    public String defaultFor(Environment env) {
        return env.isProduction() ? prodDefault : stagingDefault;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
