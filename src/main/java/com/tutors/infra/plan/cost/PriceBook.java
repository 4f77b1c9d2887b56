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

    /** The regions with a price file. */
    public static final java.util.List<String> PRICED_REGIONS = java.util.List.of("eu-central-1");

    /** The region's price file; a region without one gets an empty book: every line unpriced, never a crash. */
    public static PriceBook load(String region) {
        var resource = "/prices/" + region + ".json";
        try (var in = PriceBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                var empty = new JsonObject();
                empty.addProperty("version", "none for " + region);
                empty.addProperty("source", "no price file for " + region + ": every line is unpriced");
                empty.addProperty("hoursPerMonth", 730);
                empty.add("prices", new JsonObject());
                return new PriceBook(empty);
            }
            return new PriceBook(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject());
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

    /** A flat price such as {@code albHour}; NaN (an unpriced line) when the file has none. */
    public double price(String name) {
        var value = prices.get(name);
        return value == null || !value.isJsonPrimitive() ? Double.NaN : value.getAsDouble();
    }

    /** A price by kind, such as {@code rdsPostgresHour} of {@code db.t4g.small}; NaN when the file has none. */
    public double price(String table, String kind) {
        var map = prices.getAsJsonObject(table);
        return map == null || !map.has(kind) ? Double.NaN : map.get(kind).getAsDouble();
    }
}
