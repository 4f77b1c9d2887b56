package com.tutors.infra.data;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;

/**
 * What phase 2 gives the later phases: the seed's outputs (endpoints, ports, secret ARNs) plus what
 * the alarms watch (the RDS identifier, the replication group, its member clusters as ElastiCache reports
 * them, and how many there are).
 *
 * @param secretArnsByPart the {@code secretArns} stack output, keyed by {@link AppSecret#part()}
 * @param secretVersions   each secret's current version id: a task definition that names it is replaced
 *                         (and its service rolled) when a secret's value changes
 */
public record DataOutputs(
        Output<String> rdsEndpoint,
        Output<Integer> rdsPort,
        Output<String> redisEndpoint,
        Output<Integer> redisPort,
        Map<AppSecret, Output<String>> secretArns,
        Output<Map<String, String>> secretArnsByPart,
        Map<AppSecret, Output<String>> secretVersions,
        Output<String> rdsIdentifier,
        Output<String> redisGroupId,
        Output<List<String>> cacheClusterIds,
        int redisNodes) {

    public DataOutputs {
        secretArns = Map.copyOf(secretArns);
        secretVersions = Map.copyOf(secretVersions);
    }

    /**
     * What a container's {@code valueFrom} names: the secret's version, so a new value makes a new task
     * definition revision and the service rolls onto it (ECS reads secrets only when a task starts).
     * ECS's form is {@code <secret ARN>:<json key>:<version stage>:<version id>}.
     */
    public Output<String> secretReference(AppSecret secret) {
        var version = secretVersions.get(secret);
        if (version == null) {
            throw new IllegalArgumentException("no version of secret " + secret);
        }
        return Output.tuple(secretArn(secret), version).applyValue(t -> t.t1 + ":::" + t.t2);
    }

    /** Whether the stack declares this secret (the previous Django key exists only during a rotation). */
    public boolean has(AppSecret secret) {
        return secretArns.containsKey(secret);
    }

    /** The ARN of one secret, for task definitions and IAM policies. */
    public Output<String> secretArn(AppSecret secret) {
        var arn = secretArns.get(secret);
        if (arn == null) {
            throw new IllegalArgumentException("no secret " + secret + "; known: " + secretArns.keySet());
        }
        return arn;
    }

    /** The stack's Secrets Manager secrets, one per value a container needs: {@code /tutors/<env>/<part>}. */
    public enum AppSecret {
        DB_CREDENTIALS(
                "db-credentials", "PostgreSQL credentials as JSON (username, password, engine, host, port, dbname)"),
        DB_URL("db-url", "DATABASE_URL for Django (TLS required)"),
        REDIS_URL("redis-url", "REDIS_URL for Django (TLS, AUTH)"),
        DJANGO_SECRET_KEY("django-secret-key", "Django SECRET_KEY"),
        /** Present only during a key rotation (djangoSecretKeyPrevious set). */
        DJANGO_SECRET_KEY_PREVIOUS(
                "django-secret-key-previous", "Django SECRET_KEY_FALLBACKS: the previous key, during a rotation"),
        NEXTAUTH_SECRET("nextauth-secret", "NextAuth.js NEXTAUTH_SECRET");

        private final String part;
        private final String description;

        AppSecret(String part, String description) {
            this.part = part;
            this.description = description;
        }

        /** The last part of the secret's name, and the key of the {@code secretArns} output. */
        public String part() {
            return part;
        }

        public String description() {
            return description;
        }
    }
}
