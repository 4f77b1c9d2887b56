package com.tutors.infra.storage;

import static com.tutors.infra.config.KeyReader.require;

import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phase 3's validated inputs.
 *
 * @param bucketSuffix     the buckets' names end in it; empty: in the account id (see Buckets.name)
 * @param corsOrigins      origins the browser may upload media from (presigned PUT/POST)
 * @param noncurrentVersionDays days an overwritten or deleted media object's old version is kept
 * @param immutableTags    ECR tag immutability; off because CI pushes a moving {@code latest}
 * @param protectData      versioning on the media bucket, no force-destroy, Pulumi {@code protect}
 */
public record StorageSettings(
        Optional<String> bucketSuffix,
        List<String> corsOrigins,
        int noncurrentVersionDays,
        boolean immutableTags,
        boolean protectData) {

    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:\\d{1,5})?");

    public StorageSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Reads phase 3's keys; {@code domain} gives the default CORS origin. */
    public static StorageSettings read(KeyReader r, Optional<String> domain, boolean protect) {
        var suffix = r.optional(Keys.BUCKET_SUFFIX, raw -> {
            require(
                    SUFFIX.matcher(raw).matches(),
                    "allowed: lowercase letters, digits and dashes, " + "starting and ending with a letter or digit");
            return raw;
        });
        var names = r.naming();
        if (r.ok(Keys.BUCKET_SUFFIX) && suffix.isPresent()) {
            for (var part : List.of("media", "static", "alb-logs", "s3-logs")) {
                BucketNames.problem(names.bucketName(part, suffix))
                        .ifPresent(p -> r.problem(Keys.BUCKET_SUFFIX + " = '" + suffix.get() + "': " + p));
            }
        }
        var defaultOrigins = domain.map(d -> "[\"https://" + d + "\"]").orElse("[]");
        var origins = r.get(Keys.CORS_ORIGINS, defaultOrigins, raw -> {
            var list = KeyReader.stringList(raw, "[\"https://tutors.example.com\"]");
            for (var origin : list) {
                require(
                        ORIGIN.matcher(origin).matches(),
                        "'" + origin + "' is not an origin; allowed: "
                                + "scheme and host only, such as https://tutors.example.com (no path or trailing slash)");
            }
            return list;
        });
        var noncurrent = r.number(Keys.MEDIA_NONCURRENT_VERSION_DAYS);
        var immutable = r.flag(Keys.ECR_IMMUTABLE_TAGS);
        return new StorageSettings(suffix, origins, noncurrent, immutable, protect);
    }
}
