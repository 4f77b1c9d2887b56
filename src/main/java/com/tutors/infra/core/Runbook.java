package com.tutors.infra.core;

/** Where the docs say what to do: an alarm's description ends with its section, so the notification leads there. */
public final class Runbook {
    private Runbook() {}

    /** The section of docs/operations.md every alarm points to. */
    public static final String ALARMS = "docs/operations.md#when-an-alarm-fires";

    /** An alarm's description with the pointer to its runbook. */
    public static String alarm(String description) {
        return description + " (runbook: " + ALARMS + ")";
    }
}
