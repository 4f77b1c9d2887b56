package com.tutors.infra.core;

/** HTTP headers that two phases agree on. */
public final class Headers {
    private Headers() {}

    /** CloudFront adds it to every origin request; its value is the stack's originSecret, which the ALB requires. */
    public static final String ORIGIN_VERIFY = "X-Origin-Verify";
}
