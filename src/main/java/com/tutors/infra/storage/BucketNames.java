package com.tutors.infra.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/** S3's naming rules for general purpose buckets (names are global across all AWS accounts). */
public final class BucketNames {
    private BucketNames() {}

    // No dots: a dotted name breaks TLS for virtual-hosted-style requests (*.s3.amazonaws.com).
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9-]*[a-z0-9]");
    private static final String[] RESERVED_PREFIXES = {"xn--", "sthree-", "amzn-s3-demo-"};
    private static final String[] RESERVED_SUFFIXES = {"-s3alias", "--ol-s3", "--x-s3", "--table-s3"};

    /** @return what is wrong with {@code name}, or empty if S3 accepts it */
    public static Optional<String> problem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return Optional.of("bucket name '" + name + "' has " + name.length() + " characters; S3 allows 3 to 63");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("bucket name '" + name + "' may hold only lowercase letters, digits and dashes, "
                    + "starting and ending with a letter or digit");
        }
        for (var prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.of("bucket name '" + name + "' starts with the reserved '" + prefix + "'");
            }
        }
        for (var suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("bucket name '" + name + "' ends with the reserved '" + suffix + "'");
            }
        }
        return Optional.empty();
    }
}
