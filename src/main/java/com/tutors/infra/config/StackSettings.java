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
import java.util.stream.Stream;
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
                            Optional<String> domain,
                            NetworkSettings network,
                            DataSettings data,
                            StorageSettings storage,
                            ComputeSettings compute,
                            EdgeSettings edge,
                            OptimizationSettings optimization) {

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
        private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
        private static final Pattern DB_CLASS = Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
        private static final Pattern CACHE_NODE = Pattern.compile("cache\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
        private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
        private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:\\d{1,5})?");
        private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
        private static final List<Integer> LOG_RETENTION = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
                545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
        private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        private static final Pattern ORIGIN_SECRET = Pattern.compile("[A-Za-z0-9_-]{32,256}");
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
            var domain = optional(Keys.DOMAIN, raw -> {
                require(DOMAIN.matcher(raw).matches() && raw.length() <= 253,
                        "not a domain name; allowed: lowercase DNS names such as tutors.example.com");
                return raw;
            });
            var protect = check(Keys.PROTECT_DATA, this::bool);
            var network = parseNetwork();
            var data = parseData(protect, lastPhase == null || lastPhase >= Phase.DATA.number());
            var storage = parseStorage(domain, protect);
            var compute = parseCompute();
            var edge = parseEdge(domain, protect, lastPhase == null || lastPhase >= Phase.EDGE.number());
            var optimization = parseOptimization(domain, lastPhase == null || lastPhase >= Phase.OPTIMIZATION.number());
            if (!problems.isEmpty()) {
                throw new SettingsException(source.stackName(), problems);
            }
            return new StackSettings(source.stackName(), env, region, profile, lastPhase, domain, network, data, storage,
                    compute, edge, optimization);
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

        /** @param secretsRequired phase 2 is declared; before that its secrets need not be set yet */
        private DataSettings parseData(Boolean protect, boolean secretsRequired) {
            var dbClass = check(Keys.DB_INSTANCE_CLASS, raw -> {
                require(DB_CLASS.matcher(raw).matches(), "not an RDS instance class; allowed: db.<family>.<size> such as db.t4g.micro");
                return raw;
            });
            var multiAz = check(Keys.DB_MULTI_AZ, this::bool);
            var allocated = check(Keys.DB_ALLOCATED_STORAGE, raw -> range(raw, 20, 65536));
            var max = check(Keys.DB_MAX_ALLOCATED_STORAGE, raw -> range(raw, 0, 65536));
            if (allocated != null && max != null && max != 0 && max * 10 < allocated * 11) {
                problems.add(Keys.DB_MAX_ALLOCATED_STORAGE + " = '" + max + "': below 110% of " + Keys.DB_ALLOCATED_STORAGE
                        + " (" + allocated + "); allowed: 0 (no autoscaling) or at least " + ((allocated * 11 + 9) / 10));
            }
            var backups = check(Keys.DB_BACKUP_RETENTION_DAYS, raw -> range(raw, 1, 35));
            var password = secret(Keys.DB_PASSWORD, secretsRequired, value -> {
                require(value.length() >= 16 && value.length() <= 128, "has " + value.length() + " characters; allowed: 16 to 128");
                require(value.chars().allMatch(c -> c > ' ' && c < 127 && c != '/' && c != '@' && c != '"'),
                        "holds a character RDS refuses; allowed: printable ASCII except '/', '@', '\"' and space");
            });
            var nodeType = check(Keys.REDIS_NODE_TYPE, raw -> {
                require(CACHE_NODE.matcher(raw).matches(), "not an ElastiCache node type; allowed: cache.<family>.<size> such as cache.t4g.micro");
                return raw;
            });
            var replicas = check(Keys.REDIS_REPLICAS, raw -> range(raw, 0, 5));
            var snapshots = check(Keys.REDIS_SNAPSHOT_RETENTION_DAYS, raw -> range(raw, 0, 35));
            var token = secret(Keys.REDIS_AUTH_TOKEN, secretsRequired, value -> {
                require(value.length() >= 16 && value.length() <= 128, "has " + value.length() + " characters; allowed: 16 to 128");
                require(value.chars().allMatch(c -> c >= ' ' && c < 127 && c != '/' && c != '@' && c != '"'),
                        "holds a character ElastiCache refuses; allowed: printable ASCII except '/', '@' and '\"'");
            });
            var django = secret(Keys.DJANGO_SECRET_KEY, secretsRequired, value -> require(value.length() >= 50,
                    "has " + value.length() + " characters; allowed: at least 50 (python -c 'import secrets; print(secrets.token_urlsafe(50))')"));
            var nextauth = secret(Keys.NEXTAUTH_SECRET, secretsRequired, value -> require(value.length() >= 32,
                    "has " + value.length() + " characters; allowed: at least 32 (openssl rand -base64 32)"));
            // Null when invalid, or when phase 2 is not declared and its secrets are not set yet.
            if (Stream.of(dbClass, multiAz, allocated, max, backups, password, nodeType, replicas, snapshots, token,
                    django, nextauth, protect).anyMatch(x -> x == null)) {
                return null;
            }
            return new DataSettings(dbClass, multiAz, allocated, max, backups, password, nodeType, replicas, snapshots,
                    token, django, nextauth, protect);
        }

        private StorageSettings parseStorage(Optional<String> domain, Boolean protect) {
            var suffix = optional(Keys.BUCKET_SUFFIX, raw -> {
                require(SUFFIX.matcher(raw).matches(), "allowed: lowercase letters, digits and dashes, "
                        + "starting and ending with a letter or digit");
                return raw;
            });
            var names = new Naming(env);
            String media = null;
            String statics = null;
            if (suffix != null) {
                media = names.bucketName("media", suffix);
                statics = names.bucketName("static", suffix);
                for (var bucket : List.of(media, statics, names.bucketName("alb-logs", suffix))) {
                    com.tutors.infra.storage.BucketNames.problem(bucket).ifPresent(p -> problems.add(Keys.BUCKET_SUFFIX + " = '"
                            + suffix.orElse("") + "': " + p));
                }
            }
            var defaultOrigins = domain == null || domain.isEmpty() ? "[]" : "[\"https://" + domain.get() + "\"]";
            var origins = check(Keys.CORS_ORIGINS, defaultOrigins, raw -> {
                var json = parseJson(raw);
                require(json != null && json.isJsonArray(), "not a list; allowed: a list such as [\"https://tutors.example.com\"]");
                var list = new ArrayList<String>();
                for (var element : json.getAsJsonArray()) {
                    var origin = element.isJsonPrimitive() ? element.getAsString() : String.valueOf(element);
                    require(ORIGIN.matcher(origin).matches(), "'" + origin + "' is not an origin; allowed: "
                            + "scheme and host only, such as https://tutors.example.com (no path or trailing slash)");
                    list.add(origin);
                }
                return list;
            });
            var noncurrent = check(Keys.MEDIA_NONCURRENT_VERSION_DAYS, raw -> range(raw, 1, 3650));
            var immutable = check(Keys.ECR_IMMUTABLE_TAGS, this::bool);
            if (suffix == null || origins == null || noncurrent == null || immutable == null || protect == null) {
                return null;
            }
            return new StorageSettings(media, statics, origins, noncurrent, immutable, protect);
        }

        private ComputeSettings parseCompute() {
            var tag = check(Keys.IMAGE_TAG, raw -> {
                require(IMAGE_TAG.matcher(raw).matches(), "not a Docker image tag; allowed: letters, digits, '_', '.' "
                        + "and '-', up to 128 characters, not starting with '.' or '-'");
                return raw;
            });
            var backend = parseService(Keys.BACKEND_CPU, Keys.BACKEND_MEMORY, Keys.BACKEND_DESIRED_COUNT,
                    Keys.BACKEND_MIN_COUNT, Keys.BACKEND_MAX_COUNT);
            var frontend = parseService(Keys.FRONTEND_CPU, Keys.FRONTEND_MEMORY, Keys.FRONTEND_DESIRED_COUNT,
                    Keys.FRONTEND_MIN_COUNT, Keys.FRONTEND_MAX_COUNT);
            var arch = check(Keys.CPU_ARCHITECTURE, raw -> {
                require(raw.equals("X86_64") || raw.equals("ARM64"), "unknown CPU architecture; allowed: X86_64, ARM64");
                return raw;
            });
            var spot = check(Keys.FARGATE_SPOT_PERCENT, raw -> range(raw, 0, 100));
            if ("ARM64".equals(arch) && spot != null && spot > 0) {
                problems.add(Keys.FARGATE_SPOT_PERCENT + " = '" + spot + "': Fargate Spot does not run ARM64 tasks; "
                        + "allowed with " + Keys.CPU_ARCHITECTURE + "=ARM64: 0");
            }
            var retention = check(Keys.LOG_RETENTION_DAYS, raw -> {
                int days = parseInt(raw);
                require(LOG_RETENTION.contains(days), "not a CloudWatch Logs retention; allowed: " + LOG_RETENTION
                        + " (never 0: logs kept forever cost forever)");
                return days;
            });
            var exec = check(Keys.ECS_EXEC, this::bool);
            if (Stream.of(tag, backend, frontend, arch, spot, retention, exec).anyMatch(x -> x == null)) {
                return null;
            }
            return new ComputeSettings(tag, backend, frontend, arch, spot, retention, exec);
        }

        private ComputeSettings.Service parseService(Key cpuKey, Key memoryKey, Key desiredKey, Key minKey, Key maxKey) {
            var cpu = check(cpuKey, raw -> {
                int n = parseInt(raw);
                require(com.tutors.infra.compute.FargateSizes.cpus().contains(n),
                        "not a Fargate CPU value; allowed: " + com.tutors.infra.compute.FargateSizes.cpus());
                return n;
            });
            var memory = check(memoryKey, this::parseInt);
            if (cpu != null && memory != null && !com.tutors.infra.compute.FargateSizes.isValid(cpu, memory)) {
                problems.add(memoryKey + " = '" + memory + "': not a Fargate pair with " + cpuKey + "=" + cpu
                        + "; allowed with " + cpu + ": " + com.tutors.infra.compute.FargateSizes.memories(cpu)
                        + " (all pairs: " + com.tutors.infra.compute.FargateSizes.describe() + ")");
                memory = null;
            }
            var desired = check(desiredKey, raw -> range(raw, 0, 1000));
            var min = check(minKey, raw -> range(raw, 0, 1000));
            var max = check(maxKey, raw -> range(raw, 1, 1000));
            if (min != null && max != null && min > max) {
                problems.add(minKey + " = '" + min + "': above " + maxKey + " (" + max + "); allowed: min <= max");
                return null;
            }
            if (desired != null && min != null && max != null && (desired < min || desired > max)) {
                problems.add(desiredKey + " = '" + desired + "': outside " + minKey + ".." + maxKey + " (" + min + ".." + max
                        + "); allowed: " + min + " to " + max);
                return null;
            }
            if (cpu == null || memory == null || desired == null || min == null || max == null) {
                return null;
            }
            return new ComputeSettings.Service(cpu, memory, desired, min, max);
        }

        /** @param declared phase 5 is declared: only then does prod need its domain */
        private EdgeSettings parseEdge(Optional<String> domain, Boolean protect, boolean declared) {
            if (declared && domain != null && domain.isEmpty() && env.isProduction()) {
                problems.add(Keys.DOMAIN + ": missing; prod serves HTTPS on its own domain; allowed: a domain name "
                        + "such as tutors.example.com (pulumi config set " + Keys.DOMAIN + " <domain>)");
            }
            var zone = optional(Keys.HOSTED_ZONE, raw -> raw);
            if (zone != null && domain != null) {
                if (zone.isPresent() && domain.isEmpty()) {
                    problems.add(Keys.HOSTED_ZONE + " = '" + zone.get() + "': set without " + Keys.DOMAIN
                            + "; allowed: only together with a domain");
                } else if (zone.isPresent() && !ZONE_ID.matcher(zone.get()).matches()) {
                    var d = domain.get();
                    if (!(d.equals(zone.get()) || d.endsWith("." + zone.get()))) {
                        problems.add(Keys.HOSTED_ZONE + " = '" + zone.get() + "': cannot hold " + Keys.DOMAIN + " '" + d
                                + "'; allowed: the domain, a parent of it, or a zone id (Z...)");
                    }
                }
            }
            var logs = check(Keys.ALB_ACCESS_LOGS, this::bool);
            var idle = check(Keys.ALB_IDLE_TIMEOUT, raw -> range(raw, 1, 4000));
            if (domain == null || zone == null || logs == null || idle == null || protect == null) {
                return null;
            }
            var hostedZone = domain.isPresent() ? Optional.of(zone.orElse(domain.get())) : Optional.<String>empty();
            var logBucket = new Naming(env).bucketName("alb-logs", suffixOrEmpty());
            return new EdgeSettings(domain, hostedZone, logs, idle, logBucket, protect);
        }

        /** @param declared phase 6 is declared: only then is the origin secret required */
        private OptimizationSettings parseOptimization(Optional<String> domain, boolean declared) {
            var cdn = check(Keys.CDN, this::bool);
            var waf = check(Keys.WAF, this::bool);
            var alarms = check(Keys.ALARMS, this::bool);
            var email = optional(Keys.ALARM_EMAIL, raw -> {
                require(EMAIL.matcher(raw).matches(), "not an email address; allowed: name@example.com");
                return raw;
            });
            var rate = check(Keys.WAF_RATE_LIMIT, raw -> range(raw, 10, 2_000_000_000));
            var countries = check(Keys.WAF_BLOCKED_COUNTRIES, raw -> {
                var json = parseJson(raw);
                require(json != null && json.isJsonArray(), "not a list; allowed: a list such as [\"KP\", \"IR\"]");
                var known = java.util.Set.of(java.util.Locale.getISOCountries());
                var list = new ArrayList<String>();
                for (var element : json.getAsJsonArray()) {
                    var code = element.isJsonPrimitive() ? element.getAsString() : String.valueOf(element);
                    require(known.contains(code), "'" + code + "' is not a country code; allowed: ISO 3166-1 alpha-2 "
                            + "codes in capitals, such as DE or US");
                    list.add(code);
                }
                require(list.size() <= 100, list.size() + " countries; allowed: at most 100");
                return list;
            });
            boolean needSecret = declared && Boolean.TRUE.equals(cdn);
            var secret = secret(Keys.ORIGIN_SECRET, needSecret, value -> require(ORIGIN_SECRET.matcher(value).matches(),
                    "allowed: at least 32 characters of letters, digits, '-' and '_' (openssl rand -hex 32)"));
            if (declared && Boolean.TRUE.equals(cdn) && domain != null && domain.isEmpty()) {
                problems.add(Keys.CDN + " = 'true': CloudFront serves the site's domain, and " + Keys.DOMAIN
                        + " is not set; allowed: cdn with a domain, or cdn = false");
            }
            if (Stream.of(cdn, waf, alarms, email, rate, countries).anyMatch(x -> x == null) || (needSecret && secret == null)) {
                return null;
            }
            return new OptimizationSettings(cdn, waf, alarms, email, rate, countries, Optional.ofNullable(secret));
        }

        private Optional<String> suffixOrEmpty() {
            return source.get(Keys.BUCKET_SUFFIX.fullName());
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

        private int range(String raw, int min, int max) {
            int n = parseInt(raw);
            require(n >= min && n <= max, "out of range; allowed: " + min + " to " + max);
            return n;
        }

        /** A required secret: missing is a problem that says the exact command to run. */
        private SecretValue secret(Key key, boolean required, java.util.function.Consumer<String> rules) {
            var value = source.get(key.fullName());
            if (value.isEmpty() && !required) {
                return null;
            }
            if (value.isEmpty()) {
                problems.add(key + ": missing; set it with: pulumi config set --secret " + key + " <value>"
                        + " (" + key.description() + ")");
                return null;
            }
            try {
                rules.accept(value.get());
                return new SecretValue(value.get());
            } catch (Invalid e) {
                problems.add(key + " = [secret]: " + e.getMessage());
                return null;
            }
        }

        /** An optional key without a default: empty when unset, null when invalid. */
        private <T> Optional<T> optional(Key key, Function<String, T> parser) {
            var raw = source.get(key.fullName());
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(raw.get()));
            } catch (Invalid e) {
                problems.add(key + " = '" + raw.get() + "': " + e.getMessage());
                return null;
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

        private Integer parseInt(String raw) {
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new Invalid("not a whole number");
            }
        }

        /** Parses the key's value (or its default for the environment); records a problem and returns null if invalid. */
        private <T> T check(Key key, Function<String, T> parser) {
            return check(key, key.defaultFor(env), parser);
        }

        private <T> T check(Key key, String defaultValue, Function<String, T> parser) {
            var raw = source.get(key.fullName()).orElse(defaultValue);
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
