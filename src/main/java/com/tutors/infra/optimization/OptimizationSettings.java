package com.tutors.infra.optimization;

import static com.tutors.infra.config.KeyReader.require;

import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.SecretValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phase 6's validated inputs: three parts, each with its own switch.
 *
 * @param originSecret header value CloudFront sends and the ALB requires; present when {@code cdn} is
 * @param originSecretPrevious during a rotation, the value the ALB still accepts
 */
public record OptimizationSettings(
        boolean cdn,
        boolean originLock,
        boolean waf,
        boolean alarms,
        boolean dashboard,
        Optional<String> alarmEmail,
        int wafRateLimit,
        List<String> blockedCountries,
        Optional<SecretValue> originSecret,
        Optional<SecretValue> originSecretPrevious,
        List<String> uploadPaths) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ORIGIN_SECRET = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    public OptimizationSettings {
        blockedCountries = List.copyOf(blockedCountries);
        uploadPaths = List.copyOf(uploadPaths);
    }

    /**
     * @param domainOk whether {@code domain} read cleanly
     * @param declared phase 6 is declared: only then is the origin secret required
     */
    public static OptimizationSettings read(KeyReader r, Optional<String> domain, boolean domainOk, boolean declared) {
        var cdn = r.flag(Keys.CDN);
        var lock = r.flag(Keys.ORIGIN_LOCK);
        var waf = r.flag(Keys.WAF);
        var alarms = r.flag(Keys.ALARMS);
        var dashboard = r.flag(Keys.DASHBOARD);
        var email = r.optional(Keys.ALARM_EMAIL, raw -> {
            require(EMAIL.matcher(raw).matches(), "not an email address; allowed: name@example.com");
            return raw;
        });
        var rate = r.number(Keys.WAF_RATE_LIMIT);
        var countries = r.get(Keys.WAF_BLOCKED_COUNTRIES, raw -> {
            var list = KeyReader.stringList(raw, "[\"KP\", \"IR\"]");
            var known = Set.of(Locale.getISOCountries());
            for (var code : list) {
                require(
                        known.contains(code),
                        "'" + code + "' is not a country code; allowed: ISO 3166-1 alpha-2 "
                                + "codes in capitals, such as DE or US");
            }
            require(list.size() <= 100, list.size() + " countries; allowed: at most 100");
            return list;
        });
        var uploads = r.get(Keys.UPLOAD_PATHS, raw -> {
            var list = KeyReader.stringList(raw, "[\"/api/uploads/\"]");
            require(!list.isEmpty() && list.size() <= 5, list.size() + " paths; allowed: 1 to 5");
            for (var path : list) {
                require(
                        path.startsWith("/") && path.length() > 1 && !path.contains("*"),
                        "'" + path
                                + "' is not a path prefix; allowed: /api/uploads/ and the like (no wildcards, not / alone)");
            }
            return list;
        });
        boolean cdnOn = declared && r.ok(Keys.CDN) && cdn;
        var secret = r.secret(
                Keys.ORIGIN_SECRET,
                cdnOn,
                value -> require(
                        ORIGIN_SECRET.matcher(value).matches(),
                        "allowed: 32 to 128 characters of letters, digits, '-' and '_' (an ALB header condition holds at most 128; openssl rand -hex 32)"));
        var previous = r.secret(
                Keys.ORIGIN_SECRET_PREVIOUS,
                false,
                value -> require(
                        ORIGIN_SECRET.matcher(value).matches(),
                        "allowed: 32 to 128 characters of letters, digits, '-' and '_' (the value being replaced)"));
        if (previous.isPresent() && secret.isPresent() && previous.get().sameAs(secret.get())) {
            r.problem(Keys.ORIGIN_SECRET_PREVIOUS + " = [secret]: the same as " + Keys.ORIGIN_SECRET
                    + "; allowed: the value being replaced, or unset");
        }
        if (cdnOn && domainOk && domain.isEmpty()) {
            r.problem(Keys.CDN + " = 'true': CloudFront serves the site's domain, and " + Keys.DOMAIN
                    + " is not set; allowed: cdn with a domain, or cdn = false");
        }
        return new OptimizationSettings(
                cdn, lock, waf, alarms, dashboard, email, rate, countries, secret, previous, uploads);
    }
}
