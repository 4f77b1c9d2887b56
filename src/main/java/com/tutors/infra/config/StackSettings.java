package com.tutors.infra.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.pulumi.Context;
import com.tutors.infra.network.Ipv4Cidr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stack's validated settings: read once, before any resource is declared. Components take
 * their slice of it and never read config themselves.
 */
public record StackSettings(String stackName,
                            Environment environment,
                            String region,
                            Optional<String> awsProfile,
                            int lastPhase,
                            NetworkSettings network) {

    public static StackSettings load(Context ctx) {
        return parse(ConfigSource.of(ctx));
    }

    /**
     * @throws SettingsException listing every problem found
     */
    public static StackSettings parse(ConfigSource source) {
        return new Parser(source).parse();
    }

    public Naming naming() {
        return new Naming(environment);
    }

    /** Whether {@code tutors:lastPhase} lets the program declare this phase. */
    public boolean declares(Phase phase) {
        return phase.number() <= lastPhase;
    }

    private static final class Parser {
        private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]*");
        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
        private static final int MIN_AZS = 2;
        private static final int MAX_AZS = 6;
        // AWS accepts VPC and subnet blocks from /16 to /28.
        private static final int LARGEST_PREFIX = 16;
        private static final int SMALLEST_PREFIX = 28;

        private final ConfigSource source;
        private final List<String> problems = new ArrayList<>();
        private Environment env;

        Parser(ConfigSource source) {
            this.source = source;
        }

        StackSettings parse() {
            checkKeysAreKnown();
            env = parseEnvironment();
            if (env == null) {
                // Every other default depends on the environment: stop here.
                throw new SettingsException(source.stackName(), problems);
            }
            var region = check(Keys.AWS_REGION, raw -> {
                require(REGION.matcher(raw).matches(), "not an AWS region name; allowed: names like eu-central-1");
                return raw;
            });
            var profile = source.get(Keys.AWS_PROFILE.fullName());
            var lastPhase = check(Keys.LAST_PHASE, raw -> {
                int n = parseInt(raw);
                require(n >= Phase.FIRST && n <= Phase.LAST, "out of range; allowed: " + Phase.FIRST + " to " + Phase.LAST);
                return n;
            });
            var network = parseNetwork();
            if (!problems.isEmpty()) {
                throw new SettingsException(source.stackName(), problems);
            }
            return new StackSettings(source.stackName(), env, region, profile, lastPhase, network);
        }

        private void checkKeysAreKnown() {
            var known = Keys.ALL.stream().map(Key::fullName).collect(Collectors.toSet());
            source.keys().stream().sorted().filter(k -> !known.contains(k)).forEach(key -> {
                if (key.startsWith(Keys.PROJECT + ":")) {
                    problems.add(key + ": not a known key" + suggestion(key) + "; known keys: " + Keys.ALL.stream()
                            .filter(k -> k.namespace().equals(Keys.PROJECT)).map(Key::fullName)
                            .collect(Collectors.joining(", ")));
                } else if (key.startsWith("aws:")) {
                    // The program's explicit provider would silently ignore it.
                    problems.add(key + ": not passed to this program's AWS provider" + suggestion(key)
                            + "; allowed aws keys: " + Keys.AWS_REGION + ", " + Keys.AWS_PROFILE
                            + " (set credentials and the rest through AWS_* environment variables)");
                }
            });
        }

        private String suggestion(String key) {
            return Keys.ALL.stream()
                    .min(Comparator.comparingInt(k -> distance(k.fullName().toLowerCase(), key.toLowerCase())))
                    .filter(k -> distance(k.fullName().toLowerCase(), key.toLowerCase()) <= 3)
                    .map(k -> " (did you mean " + k.fullName() + "?)")
                    .orElse("");
        }

        private Environment parseEnvironment() {
            var raw = source.get(Keys.ENVIRONMENT.fullName()).orElse(source.stackName());
            if (!ENVIRONMENT.matcher(raw).matches()) {
                problems.add(Keys.ENVIRONMENT + " = '" + raw + "': lowercase letters, digits and dashes only, "
                        + "starting with a letter; allowed: " + Environment.allowed());
                return null;
            }
            var env = Environment.byId(raw);
            if (env.isEmpty()) {
                problems.add(Keys.ENVIRONMENT + " = '" + raw + "': unknown environment (defaults to the stack name); allowed: "
                        + Environment.allowed());
            }
            return env.orElse(null);
        }

        private NetworkSettings parseNetwork() {
            var vpc = check(Keys.VPC_CIDR, this::cidr);
            var publics = check(Keys.PUBLIC_SUBNET_CIDRS, raw -> cidrList(raw));
            var privates = check(Keys.PRIVATE_SUBNET_CIDRS, raw -> cidrList(raw));
            var nat = check(Keys.NAT_MODE, raw -> NatMode.byId(raw).orElseThrow(() ->
                    new Invalid("unknown NAT mode; allowed: " + NatMode.allowed())));
            var ipv6 = check(Keys.IPV6, this::bool);
            if (publics != null && privates != null) {
                if (publics.size() != privates.size()) {
                    problems.add(Keys.PRIVATE_SUBNET_CIDRS + ": " + privates.size() + " subnets for " + publics.size()
                            + " public ones; allowed: one private subnet per availability zone, as many as "
                            + Keys.PUBLIC_SUBNET_CIDRS);
                }
                checkNoOverlap(publics, privates);
                if (vpc != null) {
                    checkInside(vpc, Keys.PUBLIC_SUBNET_CIDRS, publics);
                    checkInside(vpc, Keys.PRIVATE_SUBNET_CIDRS, privates);
                }
            }
            if (vpc == null || publics == null || privates == null || nat == null || ipv6 == null) {
                return null;
            }
            return new NetworkSettings(vpc, publics, privates, nat, ipv6);
        }

        private void checkInside(Ipv4Cidr vpc, Key key, List<Ipv4Cidr> subnets) {
            subnets.stream().filter(s -> !vpc.contains(s)).forEach(s -> problems.add(key + ": " + s
                    + " is outside the VPC block " + vpc + "; allowed: subnets inside " + Keys.VPC_CIDR));
        }

        private void checkNoOverlap(List<Ipv4Cidr> publics, List<Ipv4Cidr> privates) {
            var all = new ArrayList<Ipv4Cidr>(publics);
            all.addAll(privates);
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (all.get(i).overlaps(all.get(j))) {
                        var key = j < publics.size() ? Keys.PUBLIC_SUBNET_CIDRS
                                : i < publics.size() ? Keys.PRIVATE_SUBNET_CIDRS + " / " + Keys.PUBLIC_SUBNET_CIDRS
                                : Keys.PRIVATE_SUBNET_CIDRS;
                        problems.add(key + ": " + all.get(i) + " and " + all.get(j)
                                + " overlap; allowed: disjoint subnets");
                    }
                }
            }
        }

        private Ipv4Cidr cidr(String raw) {
            Ipv4Cidr cidr;
            try {
                cidr = Ipv4Cidr.parse(raw);
            } catch (IllegalArgumentException e) {
                throw new Invalid(e.getMessage());
            }
            require(cidr.prefix() >= LARGEST_PREFIX && cidr.prefix() <= SMALLEST_PREFIX,
                    "prefix /" + cidr.prefix() + " out of range; allowed: /" + LARGEST_PREFIX + " to /" + SMALLEST_PREFIX);
            return cidr;
        }

        private List<Ipv4Cidr> cidrList(String raw) {
            var json = parseJson(raw);
            require(json != null && json.isJsonArray(), "not a list; allowed: a list such as [\"10.0.1.0/24\", \"10.0.2.0/24\"] "
                    + "(in the stack file, or: pulumi config set --path 'tutors:key[0]' 10.0.1.0/24)");
            JsonArray array = json.getAsJsonArray();
            require(array.size() >= MIN_AZS, array.size() + " subnet(s); allowed: at least " + MIN_AZS
                    + " (one per availability zone, for the ALB and RDS subnet groups)");
            require(array.size() <= MAX_AZS, array.size() + " subnets; allowed: at most " + MAX_AZS);
            var cidrs = new ArrayList<Ipv4Cidr>();
            for (var element : array) {
                require(element instanceof JsonPrimitive p && p.isString(), "list items must be strings like \"10.0.1.0/24\"");
                var text = element.getAsString();
                try {
                    cidrs.add(cidr(text));
                } catch (Invalid e) {
                    throw new Invalid("'" + text + "': " + e.getMessage());
                }
            }
            return cidrs;
        }

        private static com.google.gson.JsonElement parseJson(String raw) {
            try {
                return JsonParser.parseString(raw);
            } catch (JsonSyntaxException e) {
                return null;
            }
        }

        private Boolean bool(String raw) {
            return switch (raw) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new Invalid("not a boolean; allowed: true, false");
            };
        }

        private int parseInt(String raw) {
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new Invalid("not a whole number");
            }
        }

        /** Parses the key's value (or its default for the environment); records a problem and returns null if invalid. */
        private <T> T check(Key key, Function<String, T> parser) {
            var raw = source.get(key.fullName()).orElse(key.defaultFor(env));
            try {
                return parser.apply(raw);
            } catch (Invalid e) {
                problems.add(key + " = " + (key.secret() ? "[secret]" : "'" + raw + "'") + ": " + e.getMessage());
                return null;
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new Invalid(message);
            }
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }

    /** A value that does not parse or validate; its message says what is allowed. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
