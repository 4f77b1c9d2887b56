package com.tutors.infra.config;

/**
 * One documented configuration key.
 *
 * @param namespace      {@code tutors} or {@code aws}
 * @param name           the key without its namespace
 * @param description    what it controls and what it accepts (docs/configuration.md repeats it)
 * @param defaultValue   the value when the stack file does not set the key, the same for every stack (what
 *                       differs per stack is written in its {@code Pulumi.<stack>.yaml}); {@code null}: none
 * @param secret         set with {@code pulumi config set --secret}; never printed
 * @param rule           what it accepts, when that is a flag or a number range (its reads use it, the docs show it);
 *                       {@code null}: its settings class validates it (lists, names, CIDRs, maps)
 */
public record Key(String namespace, String name, String description, String defaultValue, boolean secret, Rule rule) {

    public Key(String namespace, String name, String description, String defaultValue, boolean secret) {
        this(namespace, name, description, defaultValue, secret, null);
    }

    public String fullName() {
        return namespace + ":" + name;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
