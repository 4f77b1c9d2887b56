package com.tutors.infra.plan.model;

import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * One resource as the engine would receive it: its registration request, decoded.
 *
 * @param inputs   property names as the provider receives them (camelCase); values are String,
 *                 Double, Boolean, List, Map, null or {@link Secret}
 * @param secretOutputs outputs the engine is asked to keep secret (additionalSecretOutputs)
 * @param phase    1..6 from the enclosing phase component; 0 for the stack and the providers
 * @param resource the SDK object, for tests that look at component fields
 * @param identifiers what other resources take of this one (its id and ARN, as the mock engine gave them):
 *                    a dependent whose input holds one of them gets a new value when this one is replaced
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        boolean custom,
        String parentUrn,
        String providerRef,
        boolean protect,
        List<String> dependencies,
        List<String> ignoreChanges,
        List<String> secretOutputs,
        Map<String, Object> inputs,
        int phase,
        Resource resource,
        List<String> identifiers) {

    /** A value the program marked secret; it is printed as {@code "[secret]"}. */
    public record Secret(Object value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** The input at a dotted path such as {@code defaultTags.tags.Project}; null if absent. */
    @SuppressWarnings("unchecked")
    public Object input(String path) {
        Object value = inputs;
        for (var part : path.split("\\.")) {
            if (value instanceof Secret s) {
                value = s.value();
            }
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(part);
        }
        return value;
    }
}
