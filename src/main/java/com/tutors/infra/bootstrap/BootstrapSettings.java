package com.tutors.infra.bootstrap;

import static com.tutors.infra.config.KeyReader.require;

import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.config.Key;
import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Regions;
import com.tutors.infra.config.SettingsException;
import com.tutors.infra.core.DomainName;
import com.tutors.infra.core.Environment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bootstrap stack's validated settings: one AWS account, one GitHub repository. Read once, every
 * problem reported together, before anything is declared.
 *
 * @param githubIds        numeric owner and repository ids, for GitHub's immutable subject format
 * @param stateVersionDays how long an overwritten state file stays recoverable
 * @param domains          each main stack's {@code tutors:domain}: the DNS names and mail identity its roles may touch
 */
public record BootstrapSettings(
        String stackName,
        String region,
        String accountId,
        String githubOwner,
        String githubRepository,
        Optional<GithubIds> githubIds,
        String stateBucket,
        int stateVersionDays,
        Map<Environment, String> domains) {

    /** The Pulumi project of {@code bootstrap/Pulumi.yaml}, and its config namespace. */
    public static final String PROJECT = "tutors-bootstrap";

    /** @param owner the numeric id of the user or organization; repository: of the repository */
    public record GithubIds(String owner, String repository) {}

    public static final Key REGION = key(
            "aws",
            "region",
            "Region of the state bucket and the stacks' KMS keys: the region of the main stacks",
            null);
    public static final Key ACCOUNT = key(
            PROJECT,
            "accountId",
            "The 12-digit AWS account this stack is run in; the provider refuses any other",
            null);
    public static final Key REPOSITORY = key(
            PROJECT,
            "githubRepository",
            "owner/repository on GitHub whose workflows may assume the CI roles (exact case)",
            null);
    public static final Key IDS = key(
            PROJECT,
            "githubRepositoryIds",
            "ownerId/repositoryId (numbers): also admit GitHub's immutable subject format; unset: the name form only",
            null);
    public static final Key BUCKET = key(
            PROJECT,
            "stateBucket",
            "Name of the S3 bucket that holds the main stacks' state (never tutors-prod-* or tutors-staging-*: the deploy roles own those)",
            "tutors-pulumi-state-<accountId>");
    public static final Key VERSION_DAYS = new Key(
            PROJECT,
            "stateVersionDays",
            "Days an overwritten or deleted state file stays recoverable",
            "90",
            false,
            new com.tutors.infra.config.Rule.Range(1, 3650));

    /** Per main stack: its {@code tutors:domain}, so its deploy role changes only that name's records (prodDomain, stagingDomain). */
    public static final Map<Environment, Key> DOMAINS = domainKeys();

    /** The keys without which the stack refuses to plan (the others have a default, or are optional). */
    public static final java.util.Set<Key> REQUIRED = required();

    private static java.util.Set<Key> required() {
        var keys = new java.util.LinkedHashSet<Key>(List.of(REGION, ACCOUNT, REPOSITORY));
        keys.addAll(DOMAINS.values());
        return java.util.Collections.unmodifiableSet(keys);
    }

    public static final List<Key> KEYS = Stream.concat(
                    Stream.of(REGION, ACCOUNT, REPOSITORY, IDS, BUCKET, VERSION_DAYS), DOMAINS.values().stream())
            .toList();

    private static Map<Environment, Key> domainKeys() {
        var keys = new EnumMap<Environment, Key>(Environment.class);
        for (var env : Environment.values()) {
            keys.put(
                    env,
                    key(
                            PROJECT,
                            env.id() + "Domain",
                            "The " + env.id() + " stack's tutors:domain (the same value as in " + "Pulumi." + env.id()
                                    + ".yaml): its deploy role changes DNS records and sends mail only under it",
                            null));
        }
        return java.util.Collections.unmodifiableMap(keys);
    }

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    // GitHub: alphanumerics and single inner hyphens, at most 39; repositories: [A-Za-z0-9._-], at most 100.
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern IDS_FORM = Pattern.compile("[1-9]\\d{0,18}/[1-9]\\d{0,18}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static Key key(String namespace, String name, String description, String defaultValue) {
        return new Key(namespace, name, description, defaultValue, false);
    }

    /** @throws SettingsException listing every problem found */
    public static BootstrapSettings parse(ConfigSource source) {
        var problems = new ArrayList<String>();
        var known = KEYS.stream().map(Key::fullName).collect(Collectors.toSet());
        source.keys().stream()
                .sorted()
                .filter(k -> !known.contains(k) && !k.startsWith("pulumi:"))
                .forEach(k -> problems.add(k + ": not a key of the bootstrap stack; known keys: "
                        + KEYS.stream().map(Key::fullName).collect(Collectors.joining(", "))));
        // One reader for both namespaces; every key here has one default for any stack.
        var r = new KeyReader(source, Environment.PROD, problems);
        var region = required(
                r,
                REGION,
                raw -> {
                    require(
                            Regions.ALL.contains(raw),
                            "not a commercial AWS region"
                                    + Regions.nearest(raw)
                                            .map(n -> " (did you mean " + n + "?)")
                                            .orElse("") + "; allowed: " + String.join(", ", Regions.ALL));
                    return raw;
                },
                "eu-central-1");
        var account = required(
                r,
                ACCOUNT,
                raw -> {
                    require(
                            ACCOUNT_ID.matcher(raw).matches(),
                            "not an AWS account id; allowed: 12 digits, as `aws sts "
                                    + "get-caller-identity --query Account` prints it");
                    return raw;
                },
                "000000000000");
        var repository = required(
                r,
                REPOSITORY,
                raw -> {
                    var parts = raw.split("/", -1);
                    require(parts.length == 2, "not owner/repository; allowed: e.g. tutors-marketplace/tutors-infra");
                    require(
                            OWNER.matcher(parts[0]).matches(),
                            "owner '" + parts[0] + "' is no GitHub name; allowed: letters, "
                                    + "digits and single inner hyphens, at most 39");
                    require(
                            REPO.matcher(parts[1]).matches() && !parts[1].equals(".") && !parts[1].equals(".."),
                            "repository '" + parts[1]
                                    + "' is no GitHub name; allowed: letters, digits, '.', '-', '_', at most 100");
                    return raw;
                },
                "owner/repository");
        var ids = r.optional(IDS, raw -> {
            require(
                    IDS_FORM.matcher(raw).matches(),
                    "not ownerId/repositoryId; allowed: two numbers, as `gh api "
                            + "repos/<owner>/<repo> --jq '\"\\(.owner.id)/\\(.id)\"'` prints them");
            var parts = raw.split("/");
            return new GithubIds(parts[0], parts[1]);
        });
        var bucket = r.optional(BUCKET, BootstrapSettings::bucketName).orElse("tutors-pulumi-state-" + account);
        int days = r.number(VERSION_DAYS);
        var domains = new EnumMap<Environment, String>(Environment.class);
        DOMAINS.forEach((env, key) -> domains.put(
                env,
                required(
                        r,
                        key,
                        raw -> {
                            require(
                                    DomainName.isValid(raw),
                                    "not a domain name; allowed: lowercase DNS names such as "
                                            + (env.isProduction() ? "" : env.id() + ".")
                                            + "tutors.example.com, as tutors:domain in Pulumi." + env.id() + ".yaml");
                            return raw;
                        },
                        env.id() + ".invalid")));
        if (r.ok(DOMAINS.values().toArray(Key[]::new))
                && new java.util.HashSet<>(domains.values()).size() < domains.size()) {
            r.problem(DOMAINS.values().stream().map(Key::toString).collect(Collectors.joining(" and ")) + " = '"
                    + domains.values().iterator().next()
                    + "': the same domain; allowed: one per stack (e.g. staging.<prod's domain>)");
        }
        r.finish(source.stackName());
        var slash = repository.indexOf('/');
        return new BootstrapSettings(
                source.stackName(),
                region,
                account,
                repository.substring(0, slash),
                repository.substring(slash + 1),
                ids,
                bucket,
                days,
                java.util.Collections.unmodifiableMap(domains));
    }

    /** A required key: missing is a problem naming the command; {@code fallback} only keeps parsing going. */
    private static String required(
            KeyReader r, Key key, java.util.function.Function<String, String> parser, String fallback) {
        var value = r.optional(key, parser);
        if (value.isEmpty() && r.raw(key).isEmpty()) {
            r.fail(key, "missing; set it with: pulumi config set " + key + " <value> (" + key.description() + ")");
        }
        return value.orElse(fallback);
    }

    private static String bucketName(String raw) {
        require(
                BUCKET_NAME.matcher(raw).matches()
                        && !raw.contains("..")
                        && !raw.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")
                        && !raw.startsWith("xn--")
                        && !raw.endsWith("-s3alias"),
                "not an S3 bucket name; allowed: 3 to 63 lowercase letters, digits, '-' and '.', starting and ending "
                        + "with a letter or digit");
        // The deploy roles may manage every bucket named tutors-<stack>-*: the state must not be one of them.
        for (var env : Environment.values()) {
            require(
                    !raw.startsWith("tutors-" + env.id() + "-"),
                    "inside the " + env.id() + " deploy role's buckets " + "(tutors-" + env.id()
                            + "-*); allowed: any other name, e.g. tutors-pulumi-state-<accountId>");
        }
        return raw;
    }

    /** GitHub's OIDC subject prefix(es) of the repository: the name form, and the id form when known. */
    public List<String> subjectPrefixes() {
        var prefixes = new ArrayList<String>();
        prefixes.add("repo:" + githubOwner + "/" + githubRepository + ":");
        githubIds.ifPresent(i -> prefixes.add(
                "repo:" + githubOwner + "@" + i.owner() + "/" + githubRepository + "@" + i.repository() + ":"));
        return prefixes;
    }
}
