package com.tutors.infra.data;

import com.google.gson.Gson;
import com.tutors.infra.core.Ports;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * The secret values the containers read, as pure functions. Credentials are percent-encoded in
 * URLs, so a password with '#', '%', ':' or '?' still parses (dj-database-url and redis-py decode it).
 */
public final class ConnectionStrings {
    private ConnectionStrings() {}

    public static final String DB_USER = "tutors";
    public static final String DB_NAME = "tutors";

    /** {@code postgres://tutors:<pw>@<host>:5432/tutors?sslmode=require}: RDS forces TLS. */
    public static String databaseUrl(String password, String host) {
        return "postgres://" + DB_USER + ":" + encode(password) + "@" + host + ":" + Ports.POSTGRES + "/" + DB_NAME
                + "?sslmode=require";
    }

    /** {@code rediss://:<token>@<host>:6379/0}: in-transit encryption is on, so TLS ("rediss"). */
    public static String redisUrl(String authToken, String host) {
        return "rediss://:" + encode(authToken) + "@" + host + ":" + Ports.REDIS + "/0";
    }

    /** The JSON shape of the RDS console's own credentials secrets, so rotation tooling recognises it. */
    public static String dbCredentialsJson(String password, String host) {
        var json = new LinkedHashMap<String, Object>();
        json.put("username", DB_USER);
        json.put("password", password);
        json.put("engine", "postgres");
        json.put("host", host);
        json.put("port", Ports.POSTGRES);
        json.put("dbname", DB_NAME);
        return new Gson().toJson(json);
    }

    /** RFC 3986 userinfo: everything but unreserved characters is percent-encoded. */
    static String encode(String value) {
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
