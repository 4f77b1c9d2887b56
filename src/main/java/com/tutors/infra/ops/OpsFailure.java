package com.tutors.infra.ops;

/** An operation that did not do what it was for; its message says what happened and what to do. */
public final class OpsFailure extends RuntimeException {
    public OpsFailure(String message) {
        super(message);
    }
}
