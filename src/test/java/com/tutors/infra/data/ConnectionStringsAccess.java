package com.tutors.infra.data;

/** The package-private encoder, for BoundariesTest. */
public final class ConnectionStringsAccess {
    private ConnectionStringsAccess() {}

    public static String encode(String value) {
        return ConnectionStrings.encode(value);
    }
}
