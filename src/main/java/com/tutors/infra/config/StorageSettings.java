package com.tutors.infra.config;

import java.util.List;

/**
 * Phase 3's validated inputs.
 *
 * @param mediaBucket      full, validated S3 name
 * @param staticBucket     full, validated S3 name
 * @param corsOrigins      origins the browser may upload media from (presigned PUT/POST)
 * @param noncurrentVersionDays days an overwritten or deleted media object's old version is kept
 * @param immutableTags    ECR tag immutability; off because CI pushes a moving {@code latest}
 * @param protectData      versioning on the media bucket, no force-destroy, Pulumi {@code protect}
 */
public record StorageSettings(String mediaBucket,
                              String staticBucket,
                              List<String> corsOrigins,
                              int noncurrentVersionDays,
                              boolean immutableTags,
                              boolean protectData) {
    public StorageSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
