package com.tutors.infra.core;

import java.util.regex.Pattern;

/** What both programs accept as a domain: lowercase DNS labels, a top-level domain of letters, 253 characters at most. */
public final class DomainName {
    private DomainName() {}

    private static final Pattern FORM =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public static boolean isValid(String name) {
        return FORM.matcher(name).matches();
    }

    /** Whether {@code name} is {@code domain} or a name under it. */
    public static boolean within(String name, String domain) {
        return name.equals(domain) || name.endsWith("." + domain);
    }
}
