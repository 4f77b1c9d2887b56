package com.tutors.infra.core;

import java.util.Arrays;
import java.util.Optional;

/** The six phases of the deployment plan, each one component type. */
public enum Phase {
    FOUNDATION(1, "tutors:network:Foundation"),
    DATA(2, "tutors:data:DataLayer"),
    STORAGE(3, "tutors:storage:Storage"),
    COMPUTE(4, "tutors:compute:Compute"),
    EDGE(5, "tutors:edge:Edge"),
    OPTIMIZATION(6, "tutors:optimization:Optimization");

    public static final int FIRST = 1;
    public static final int LAST = 6;

    private final int number;
    private final String componentType;

    Phase(int number, String componentType) {
        this.number = number;
        this.componentType = componentType;
    }

    public int number() {
        return number;
    }

    public String componentType() {
        return componentType;
    }

    public String title() {
        var n = name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    public static Optional<Phase> ofComponentType(String type) {
        return Arrays.stream(values()).filter(p -> p.componentType.equals(type)).findFirst();
    }
}
