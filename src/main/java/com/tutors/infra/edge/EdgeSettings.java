package com.tutors.infra.edge;

import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.Keys;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phase 5's validated inputs.
 *
 * @param domain            empty: no-domain mode (HTTP on the ALB's own name)
 * @param hostedZone        Route 53 zone name or id, present exactly when {@code domain} is
 * @param idleTimeoutSeconds ALB idle timeout; the containers' keep-alive is set longer
 * @param mail              present with a domain: the marketplace sends mail from it through SES
 */
public record EdgeSettings(
        Optional<String> domain,
        Optional<String> hostedZone,
        boolean accessLogs,
        int idleTimeoutSeconds,
        Optional<String> bucketSuffix,
        boolean deletionProtection,
        Optional<MailSettings> mail) {

    /**
     * Mail from the domain: SES with Easy DKIM, a MAIL FROM subdomain and DMARC.
     *
     * @param dmarcPolicy  none, quarantine or reject
     * @param dmarcReports where aggregate reports go, if anywhere
     */
    public record MailSettings(String domain, String dmarcPolicy, Optional<String> dmarcReports) {
        /** The subdomain bounces return to (SPF aligns with the domain through it). */
        public String mailFromDomain() {
            return "mail." + domain;
        }

        /** The address the app sends from unless it says otherwise. */
        public String defaultFrom() {
            return "no-reply@" + domain;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+");
    static final java.util.List<String> DMARC_POLICIES = java.util.List.of("none", "quarantine", "reject");

    private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

    /** Seconds gunicorn keeps an idle connection: longer than the ALB's, so the ALB always closes first. */
    public int keepAliveSeconds() {
        return idleTimeoutSeconds + 15;
    }

    /**
     * @param domainOk whether {@code domain} read cleanly (its checks here mean nothing otherwise)
     * @param declared phase 5 is declared: only then does prod need its domain
     */
    public static EdgeSettings read(
            KeyReader r, Optional<String> domain, boolean domainOk, boolean protect, boolean declared) {
        if (declared && domainOk && domain.isEmpty() && r.environment().isProduction()) {
            r.problem(Keys.DOMAIN + ": missing; prod serves HTTPS on its own domain; allowed: a domain name "
                    + "such as tutors.example.com (pulumi config set " + Keys.DOMAIN + " <domain>)");
        }
        var zone = r.optional(Keys.HOSTED_ZONE, raw -> raw);
        if (domainOk && zone.isPresent()) {
            if (domain.isEmpty()) {
                r.problem(Keys.HOSTED_ZONE + " = '" + zone.get() + "': set without " + Keys.DOMAIN
                        + "; allowed: only together with a domain");
            } else if (!ZONE_ID.matcher(zone.get()).matches()) {
                var d = domain.get();
                if (!(d.equals(zone.get()) || d.endsWith("." + zone.get()))) {
                    r.problem(Keys.HOSTED_ZONE + " = '" + zone.get() + "': cannot hold " + Keys.DOMAIN + " '" + d
                            + "'; allowed: the domain, a parent of it, or a zone id (Z...)");
                }
            }
        }
        var logs = r.flag(Keys.ALB_ACCESS_LOGS);
        var idle = r.number(Keys.ALB_IDLE_TIMEOUT);
        var hostedZone = domain.isPresent() ? Optional.of(zone.orElse(domain.get())) : Optional.<String>empty();
        var policy = r.get(Keys.DMARC_POLICY, raw -> {
            KeyReader.require(
                    DMARC_POLICIES.contains(raw), "not a DMARC policy; allowed: " + String.join(", ", DMARC_POLICIES));
            return raw;
        });
        var reports = r.optional(Keys.DMARC_REPORT_EMAIL, raw -> {
            KeyReader.require(EMAIL.matcher(raw).matches(), "not an email address; allowed: name@example.com");
            return raw;
        });
        var mail = domain.map(d -> new MailSettings(d, policy, reports));
        return new EdgeSettings(
                domain,
                hostedZone,
                logs,
                idle,
                r.ok(Keys.BUCKET_SUFFIX) ? r.raw(Keys.BUCKET_SUFFIX) : Optional.empty(),
                protect,
                mail);
    }
}
