package com.tutors.infra.plan;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Scalars resolved as the Pulumi CLI does (YAML 1.2 core schema): only true/false are booleans, so
 * {@code yes}, {@code on} or {@code no} stay text and the program refuses them as it would under the CLI,
 * instead of SnakeYAML's YAML 1.1 turning them into booleans silently.
 */
final class Yaml12Resolver extends Resolver {
    private static final Pattern BOOL_12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL_12, "tTfF");
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}
