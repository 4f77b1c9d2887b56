package com.tutors.infra.data;

import static com.tutors.infra.config.KeyReader.require;

import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.OfficeHours;
import com.tutors.infra.core.SecretValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phase 2's validated inputs.
 *
 * @param protectData deletion protection, final snapshots and Pulumi {@code protect} on the stateful resources
 */
public record DataSettings(
        String dbInstanceClass,
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
        boolean protectData,
        boolean applyImmediately,
        String redisEngine,
        Optional<OfficeHours> officeHours,
        String redisAuthTokenUpdateStrategy,
        Optional<SecretValue> djangoSecretKeyPrevious) {

    /** The cache engines, with the version and default parameter group each runs. */
    public static final java.util.Map<String, String[]> CACHE_ENGINES = java.util.Map.of(
            "redis", new String[] {"7.1", "default.redis7"},
            "valkey", new String[] {"8.0", "default.valkey8"});

    private static final Pattern DB_CLASS = Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern CACHE_NODE = Pattern.compile("cache\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");

    /**
     * @param declared phase 2 is declared: only then must its secrets be set
     * @return empty when a secret is not set (allowed while phase 2 is not declared)
     */
    public static Optional<DataSettings> read(
            KeyReader r, boolean protect, boolean declared, Optional<OfficeHours> hours) {
        var dbClass = r.get(Keys.DB_INSTANCE_CLASS, raw -> {
            require(
                    DB_CLASS.matcher(raw).matches(),
                    "not an RDS instance class; allowed: db.<family>.<size> such as db.t4g.micro");
            InstanceClasses.problem(InstanceClasses.RDS, raw, "RDS PostgreSQL").ifPresent(p -> {
                throw new KeyReader.Invalid(p);
            });
            return raw;
        });
        var multiAz = r.flag(Keys.DB_MULTI_AZ);
        var allocated = r.number(Keys.DB_ALLOCATED_STORAGE);
        var max = r.number(Keys.DB_MAX_ALLOCATED_STORAGE);
        if (r.ok(Keys.DB_ALLOCATED_STORAGE, Keys.DB_MAX_ALLOCATED_STORAGE) && max != 0 && max * 10 < allocated * 11) {
            r.problem(Keys.DB_MAX_ALLOCATED_STORAGE + " = '" + max + "': below 110% of " + Keys.DB_ALLOCATED_STORAGE
                    + " (" + allocated + "); allowed: 0 (no autoscaling) or at least " + ((allocated * 11 + 9) / 10));
        }
        var backups = r.number(Keys.DB_BACKUP_RETENTION_DAYS);
        var immediately = r.flag(Keys.APPLY_IMMEDIATELY);
        var password = r.secret(Keys.DB_PASSWORD, declared, value -> {
            require(
                    value.length() >= 16 && value.length() <= 128,
                    "has " + value.length() + " characters; allowed: 16 to 128");
            require(
                    value.chars().allMatch(c -> c > ' ' && c < 127 && c != '/' && c != '@' && c != '"'),
                    "holds a character RDS refuses; allowed: printable ASCII except '/', '@', '\"' and space");
        });
        var nodeType = r.get(Keys.REDIS_NODE_TYPE, raw -> {
            require(
                    CACHE_NODE.matcher(raw).matches(),
                    "not an ElastiCache node type; allowed: cache.<family>.<size> such as cache.t4g.micro");
            InstanceClasses.problem(InstanceClasses.CACHE, raw, "ElastiCache node")
                    .ifPresent(p -> {
                        throw new KeyReader.Invalid(p);
                    });
            return raw;
        });
        var engine = r.get(Keys.REDIS_ENGINE, raw -> {
            require(CACHE_ENGINES.containsKey(raw), "unknown cache engine; allowed: redis, valkey");
            return raw;
        });
        var replicas = r.number(Keys.REDIS_REPLICAS);
        var snapshots = r.number(Keys.REDIS_SNAPSHOT_RETENTION_DAYS);
        var token = r.secret(Keys.REDIS_AUTH_TOKEN, declared, value -> {
            require(
                    value.length() >= 16 && value.length() <= 128,
                    "has " + value.length() + " characters; allowed: 16 to 128");
            // CreateReplicationGroup's AuthToken: printable ASCII letters, digits and ! & # $ ^ < > - only.
            require(
                    value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 127 || "!&#$^<>-".indexOf(c) >= 0),
                    "holds a character ElastiCache refuses; allowed: letters, digits and ! & # $ ^ < > - (openssl rand -hex 32)");
        });
        var django = r.secret(
                Keys.DJANGO_SECRET_KEY,
                declared,
                value -> require(
                        value.length() >= 50,
                        "has " + value.length()
                                + " characters; allowed: at least 50 (python -c 'import secrets; print(secrets.token_urlsafe(50))')"));
        var nextauth = r.secret(
                Keys.NEXTAUTH_SECRET,
                declared,
                value -> require(
                        value.length() >= 32,
                        "has " + value.length() + " characters; allowed: at least 32 (openssl rand -base64 32)"));
        var previous = r.secret(
                Keys.DJANGO_SECRET_KEY_PREVIOUS,
                false,
                value -> require(
                        value.length() >= 50,
                        "has " + value.length() + " characters; allowed: at least 50 (the key being replaced)"));
        if (previous.isPresent() && django.isPresent() && previous.get().sameAs(django.get())) {
            r.problem(Keys.DJANGO_SECRET_KEY_PREVIOUS + " = [secret]: the same as " + Keys.DJANGO_SECRET_KEY
                    + "; allowed: the key being replaced, or unset");
        }
        var strategy = r.get(Keys.REDIS_AUTH_TOKEN_UPDATE_STRATEGY, raw -> {
            require(
                    List.of("ROTATE", "SET", "DELETE").contains(raw),
                    "not an auth token update strategy; allowed: ROTATE, SET, DELETE");
            return raw;
        });
        if (password.isEmpty() || token.isEmpty() || django.isEmpty() || nextauth.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DataSettings(
                dbClass,
                multiAz,
                allocated,
                max,
                backups,
                password.get(),
                nodeType,
                replicas,
                snapshots,
                token.get(),
                django.get(),
                nextauth.get(),
                protect,
                immediately,
                engine,
                hours,
                strategy,
                previous));
    }
}
