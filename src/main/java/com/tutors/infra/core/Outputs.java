package com.tutors.infra.core;

import com.pulumi.core.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small helpers over {@link Output}, used where several phases need the same shape. */
public final class Outputs {
    private Outputs() {}

    /** One output of a map from each key's name to its output's value, in the order of {@code keys}. */
    public static <K, V> Output<Map<String, V>> keyed(
            List<K> keys, Function<K, String> name, Function<K, Output<V>> value) {
        var ordered = List.copyOf(keys);
        return Output.all(ordered.stream().map(value).toList()).applyValue(values -> {
            var map = new LinkedHashMap<String, V>();
            for (int i = 0; i < ordered.size(); i++) {
                map.put(name.apply(ordered.get(i)), values.get(i));
            }
            return map;
        });
    }
}
