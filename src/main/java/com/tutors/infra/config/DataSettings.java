package com.tutors.infra.config;

/**
 * Phase 2's validated inputs.
 *
 * @param protectData deletion protection, final snapshots and Pulumi {@code protect} on the stateful resources
 */
public record DataSettings(String dbInstanceClass,
                           boolean dbMultiAz,
                           int dbAllocatedStorageGb,
                           int dbMaxAllocatedStorageGb,
                           int dbBackupRetentionDays,
                           SecretValue dbPassword,
                           String redisNodeType,
                           int redisReplicas,
                           int redisSnapshotRetentionDays,
                           SecretValue redisAuthToken,
                           SecretValue djangoSecretKey,
                           SecretValue nextauthSecret,
                           boolean protectData) {
}
