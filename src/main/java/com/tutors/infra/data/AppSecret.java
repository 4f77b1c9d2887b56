package com.tutors.infra.data;

/** The stack's Secrets Manager secrets, one per value a container needs: {@code /tutors/<env>/<part>}. */
public enum AppSecret {
    DB_CREDENTIALS("db-credentials", "PostgreSQL credentials as JSON (username, password, engine, host, port, dbname)"),
    DB_URL("db-url", "DATABASE_URL for Django (TLS required)"),
    REDIS_URL("redis-url", "REDIS_URL for Django (TLS, AUTH)"),
    DJANGO_SECRET_KEY("django-secret-key", "Django SECRET_KEY"),
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
