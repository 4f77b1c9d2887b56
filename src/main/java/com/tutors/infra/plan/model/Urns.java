package com.tutors.infra.plan.model;

/**
 * URNs as the real engine writes them. pulumi/pulumi's step generator ({@code generateURN}) leaves the
 * root stack's type out of a child's qualified type ("Skip empty parents and don't use the root stack
 * type"), so a component directly under the stack is {@code tutors:compute:Compute} and its children
 * {@code tutors:compute:Compute$aws:...}. The SDK's mock engine keeps {@code pulumi:pulumi:Stack$} in
 * front; every URN the offline plan shows (and so every {@code --target}, {@code --replace},
 * {@code pulumi state} or {@code import --parent} a user copies from it) goes through here first.
 */
public final class Urns {
    private Urns() {}

    /** The qualified type of the root stack, which the engine never puts into a child's URN. */
    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    private static final String PREFIX = ROOT_STACK_TYPE + "$";

    /** The engine's form of a URN; a URN already in that form (or the stack's own) is returned as is. */
    public static String engineForm(String urn) {
        if (urn == null || !urn.startsWith("urn:pulumi:")) {
            return urn;
        }
        // urn:pulumi:<stack>::<project>::<qualified type>::<name>; the name may itself contain "::"
        int projectEnd = urn.indexOf("::", urn.indexOf("::") + 2);
        if (projectEnd < 0) {
            return urn;
        }
        int typeStart = projectEnd + 2;
        return urn.startsWith(PREFIX, typeStart)
                ? urn.substring(0, typeStart) + urn.substring(typeStart + PREFIX.length())
                : urn;
    }
}
