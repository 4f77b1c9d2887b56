package com.tutors.infra.plan.cost;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The versioned price file ({@code src/main/resources/prices/<region>.json}): every price the
 * estimate uses, with its source, date and how to refresh it. No price lives in code.
 */
public final class PriceBook {
    private final JsonObject root;
    private final JsonObject prices;

    private PriceBook(JsonObject root) {
        this.root = root;
        this.prices = root.getAsJsonObject("prices");
    }

    public static PriceBook load(String region) {
        var resource = "/prices/" + region + ".json";
        try (var in = PriceBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no price file for region " + region + " (" + resource + ")");
            }
            return new PriceBook(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public String version() {
        return root.get("version").getAsString();
    }

    public String source() {
        return root.get("source").getAsString();
    }

    public double hoursPerMonth() {
        return root.get("hoursPerMonth").getAsDouble();
    }

    /** A flat price such as {@code albHour}. */
    public double price(String name) {
        var value = prices.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("no price '" + name + "' in the " + root.get("region").getAsString() + " price file");
        }
        return value.getAsDouble();
    }

    /** A price by kind, such as {@code rdsPostgresHour} of {@code db.t4g.small}. */
    public double price(String table, String kind) {
        var map = prices.getAsJsonObject(table);
        if (map == null || !map.has(kind)) {
            throw new IllegalArgumentException("no price for " + kind + " in '" + table + "' of the price file; add it");
        }
        return map.get(kind).getAsDouble();
    }
}
