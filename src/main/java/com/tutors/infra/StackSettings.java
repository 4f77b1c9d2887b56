package com.tutors.infra;

import static com.tutors.infra.config.KeyReader.require;

import com.pulumi.Context;
import com.tutors.infra.compute.ComputeSettings;
import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.config.Key;
import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import com.tutors.infra.config.Regions;
import com.tutors.infra.config.SettingsException;
import com.tutors.infra.config.Text;
import com.tutors.infra.core.DomainName;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.OfficeHours;
import com.tutors.infra.core.Phase;
import com.tutors.infra.data.DataSettings;
import com.tutors.infra.edge.EdgeSettings;
import com.tutors.infra.network.NetworkSettings;
import com.tutors.infra.optimization.OptimizationSettings;
import com.tutors.infra.storage.StorageSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stack's validated settings, composed from each phase's own: read once, before any resource is
 * declared, with every problem of every phase reported together. Components take their phase's
 * record and never read config themselves.
 *
 * @param data empty only while phase 2 is not declared and its secrets are not set yet
 */
public record StackSettings(
        String stackName,
        Environment environment,
        String region,
        Optional<String> awsProfile,
        Optional<String> permissionsBoundary,
        int lastPhase,
        Optional<String> domain,
        NetworkSettings network,
        Optional<DataSettings> data,
        StorageSettings storage,
        ComputeSettings compute,
        EdgeSettings edge,
        OptimizationSettings optimization) {

    private static final Pattern BOUNDARY = Pattern.compile("arn:aws:iam::\\d{12}:policy/[\\w+=,.@/-]{1,512}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]*");

    public static StackSettings load(Context ctx) {
        return parse(ConfigSource.of(ctx));
    }

    /** @throws SettingsException listing every problem found */
    public static StackSettings parse(ConfigSource source) {
        var problems = new ArrayList<String>();
        checkKeysAreKnown(source, problems);
        var env = environment(source, problems);
        if (env.isEmpty()) {
            // Every other default depends on the environment: stop here.
            throw new SettingsException(source.stackName(), problems);
        }
        var r = new KeyReader(source, env.get(), problems);
        var region = r.get(Keys.AWS_REGION, raw -> {
            require(
                    Regions.ALL.contains(raw),
                    "not a commercial AWS region"
                            + Regions.nearest(raw)
                                    .map(n -> " (did you mean " + n + "?)")
                                    .orElse("") + "; allowed: " + String.join(", ", Regions.ALL));
            return raw;
        });
        var profile = r.raw(Keys.AWS_PROFILE);
        var boundary = r.optional(Keys.PERMISSIONS_BOUNDARY, raw -> {
            require(
                    BOUNDARY.matcher(raw).matches(),
                    "not an IAM policy ARN; allowed: arn:aws:iam::<12-digit account>:policy/<name>, "
                            + "the boundary the deploy roles require (docs/ci-cd.md: Bootstrap stack)");
            return raw;
        });
        int lastPhase = r.number(Keys.LAST_PHASE);
        var domain = r.optional(Keys.DOMAIN, raw -> {
            require(
                    DomainName.isValid(raw),
                    "not a domain name; allowed: lowercase DNS names such as tutors.example.com");
            require(
                    raw.length() <= 64,
                    raw.length() + " characters; allowed: at most 64 (ACM's limit for a certificate's domain name)");
            return raw;
        });
        boolean domainOk = r.ok(Keys.DOMAIN);
        boolean protect = r.flag(Keys.PROTECT_DATA);
        var network = NetworkSettings.read(r);
        var hours = officeHours(r);
        var data = DataSettings.read(r, protect, lastPhase >= Phase.DATA.number(), hours);
        var storage = StorageSettings.read(r, domain, protect);
        var compute = ComputeSettings.read(r, hours);
        var edge = EdgeSettings.read(r, domain, domainOk, protect, lastPhase >= Phase.EDGE.number());
        var optimization = OptimizationSettings.read(r, domain, domainOk, lastPhase >= Phase.OPTIMIZATION.number());
        r.finish(source.stackName());
        return new StackSettings(
                source.stackName(),
                env.get(),
                region,
                profile,
                boundary,
                lastPhase,
                domain,
                network,
                data,
                storage,
                compute,
                edge,
                optimization);
    }

    /** Read here, once, for the two phases that follow it: the services (4) and the database (2). */
    private static Optional<OfficeHours> officeHours(KeyReader r) {
        var hours = r.optional(Keys.OFFICE_HOURS, raw -> {
            try {
                var parsed = OfficeHours.parse(raw);
                com.tutors.infra.data.MaintenanceWindows.of(Optional.of(parsed)); // the database's windows fit in them
                return parsed;
            } catch (IllegalArgumentException e) {
                throw new KeyReader.Invalid(e.getMessage());
            }
        });
        if (hours.isPresent() && r.environment().isProduction()) {
            r.problem(Keys.OFFICE_HOURS + ": '" + hours.get() + "': would stop the production database and site every "
                    + "night; allowed: staging only (remove the key from Pulumi.prod.yaml)");
            return Optional.empty();
        }
        return hours;
    }

    public Naming naming() {
        return new Naming(environment);
    }

    /** Whether {@code tutors:lastPhase} lets the program declare this phase. */
    public boolean declares(Phase phase) {
        return phase.number() <= lastPhase;
    }

    /** Whether CloudFront fronts the site (phase 6 declared with its CDN part on). */
    public boolean cdn() {
        return declares(Phase.OPTIMIZATION) && optimization.cdn();
    }

    private static void checkKeysAreKnown(ConfigSource source, List<String> problems) {
        var known = Keys.ALL.stream().map(Key::fullName).collect(Collectors.toSet());
        source.keys().stream().sorted().filter(k -> !known.contains(k)).forEach(key -> {
            if (key.startsWith(Keys.PROJECT + ":")) {
                problems.add(key + ": not a known key" + suggestion(key) + "; closest keys: "
                        + Keys.ALL.stream()
                                .filter(k -> k.namespace().equals(Keys.PROJECT))
                                .sorted(Comparator.comparingInt((Key k) ->
                                                Text.distance(k.fullName().toLowerCase(), key.toLowerCase()))
                                        .thenComparing(Key::fullName))
                                .limit(3)
                                .map(Key::fullName)
                                .collect(Collectors.joining(", "))
                        + " (every key: java -jar target/tutors-infra.jar plan --help)");
            } else if (key.startsWith("aws:")) {
                // The program's explicit provider would silently ignore it.
                problems.add(key + ": not passed to this program's AWS provider" + suggestion(key)
                        + "; allowed aws keys: " + Keys.AWS_REGION + ", " + Keys.AWS_PROFILE
                        + " (set credentials and the rest through AWS_* environment variables)");
            } else if (!key.startsWith("pulumi:")) {
                // A mistyped namespace (tutor:, Tutors:, :natMode) would be ignored, and a secret printed.
                var namespace = key.contains(":") ? key.substring(0, key.indexOf(':')) : "";
                problems.add(key + ": namespace '" + namespace + "' is not read by this program"
                        + suggestion(Keys.PROJECT + key.substring(Math.max(0, key.indexOf(':'))))
                        + "; allowed namespaces: "
                        + Keys.PROJECT + ", aws, pulumi (the CLI's own keys)");
            }
        });
        // A secret key set in plain text sits readable in the stack file and in the state.
        Keys.ALL.stream()
                .filter(Key::secret)
                .map(Key::fullName)
                .filter(k -> source.get(k).isPresent() && !source.isSecret(k))
                .forEach(k ->
                        problems.add(k + ": set in plain text; allowed: a secret only: pulumi config set --secret " + k
                                + " <value> (and remove the plain value from Pulumi." + source.stackName() + ".yaml)"));
    }

    private static Optional<Environment> environment(ConfigSource source, List<String> problems) {
        var raw = source.get(Keys.ENVIRONMENT.fullName()).orElse(source.stackName());
        if (!ENVIRONMENT.matcher(raw).matches()) {
            problems.add(Keys.ENVIRONMENT + " = '" + raw + "': lowercase letters, digits and dashes only, "
                    + "starting with a letter; allowed: " + Environment.allowed());
            return Optional.empty();
        }
        var env = Environment.byId(raw);
        if (env.isEmpty()) {
            problems.add(Keys.ENVIRONMENT + " = '" + raw
                    + "': unknown environment (defaults to the stack name); allowed: " + Environment.allowed());
            return env;
        }
        var override = source.get(Keys.ENVIRONMENT_OVERRIDE.fullName()).orElse("false");
        if (!override.equals("true") && !override.equals("false")) {
            problems.add(Keys.ENVIRONMENT_OVERRIDE + " = '" + override + "': not a boolean; allowed: true, false");
            return Optional.empty();
        }
        if (!raw.equals(source.stackName()) && override.equals("false")) {
            // In a shared account the stack would plan another stack's buckets, repositories and secrets.
            problems.add(Keys.ENVIRONMENT + " = '" + raw + "': differs from the stack name '" + source.stackName()
                    + "', so this stack would declare " + raw + "'s resource names (tutors-" + raw + "-*, /tutors/"
                    + raw
                    + "/*); allowed: the stack name, or set " + Keys.ENVIRONMENT_OVERRIDE + " true to mean it");
            return Optional.empty();
        }
        return env;
    }

    private static String suggestion(String key) {
        return Keys.ALL.stream()
                .min(Comparator.comparingInt(k -> Text.distance(k.fullName().toLowerCase(), key.toLowerCase())))
                .filter(k -> Text.distance(k.fullName().toLowerCase(), key.toLowerCase()) <= 3)
                .map(k -> " (did you mean " + k.fullName() + "?)")
                .orElse("");
    }
}
