package com.tutors.infra.core;

import java.util.ArrayList;

/** A component's inputs record's required inputs: every missing one named at once, before anything is declared. */
public final class Required {
    private Required() {}

    /**
     * @param namesAndValues each required input's name, then its value
     * @throws IllegalArgumentException "&lt;record&gt; without a, b" when any value is null
     */
    public static void check(String record, Object... namesAndValues) {
        var missing = new ArrayList<String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add((String) namesAndValues[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(record + " without " + String.join(", ", missing));
        }
    }
}
