package com.tutors.infra.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionStringsTest {

    @Test
    void databaseUrlRequiresTlsAndSurvivesSpecialCharacters() {
        var url = ConnectionStrings.databaseUrl("p#ss%w?rd:1", "db.example.internal");
        assertEquals("postgres://tutors:p%23ss%25w%3Frd%3A1@db.example.internal:5432/tutors?sslmode=require", url);
        var uri = URI.create(url);
        assertEquals("db.example.internal", uri.getHost());
        assertEquals(5432, uri.getPort());
        assertEquals("/tutors", uri.getPath());
        assertEquals("p#ss%w?rd:1", URLDecoder.decode(uri.getRawUserInfo().split(":", 2)[1], StandardCharsets.UTF_8));
    }

    @Test
    void redisUrlUsesTlsAndAnEmptyUser() {
        var url = ConnectionStrings.redisUrl("tok+en=1", "master.redis.internal");
        assertEquals("rediss://:tok%2Ben%3D1@master.redis.internal:6379/0", url);
        assertEquals("master.redis.internal", URI.create(url).getHost());
    }

    @Test
    void credentialsJsonHasTheRdsShape() {
        var json = new Gson().fromJson(ConnectionStrings.dbCredentialsJson("pw\"x", "h"), Map.class);
        assertEquals(
                Map.of(
                        "username",
                        "tutors",
                        "password",
                        "pw\"x",
                        "engine",
                        "postgres",
                        "host",
                        "h",
                        "port",
                        5432.0,
                        "dbname",
                        "tutors"),
                json);
    }

    @Test
    void unreservedCharactersAreKept() {
        assertEquals("Az09-._~", ConnectionStrings.encode("Az09-._~"));
        assertEquals("%C3%A9%20", ConnectionStrings.encode("é "));
    }
}
