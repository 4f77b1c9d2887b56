package com.tutors.infra.edge;

import java.util.ArrayList;
import java.util.List;

/**
 * The DNS records that make mail from the domain pass DKIM, SPF and DMARC (pure; {@link Mail} declares
 * them): Easy DKIM's three CNAMEs, the MAIL FROM subdomain's MX and SPF, and the domain's DMARC policy.
 */
public final class MailRecords {
    private MailRecords() {}

    /** Easy DKIM always gives three tokens; the record names are fixed, so they are declared before SES answers. */
    public static final int DKIM_TOKENS = 3;

    /** One record: its part of the logical name, its name, type and values. */
    public record Record(String part, String name, String type, List<String> values) {}

    /** SES's DKIM CNAME for token {@code token}: {@code <token>._domainkey.<domain>} to {@code <token>.dkim.amazonses.com}. */
    public static Record dkim(int index, String domain, String token) {
        return new Record(
                "dkim-" + (index + 1),
                token + "._domainkey." + domain,
                "CNAME",
                List.of(token + ".dkim.amazonses.com"));
    }

    /** The MAIL FROM subdomain: bounces come back to SES's feedback endpoint in the stack's region. */
    public static List<Record> mailFrom(String mailFromDomain, String region) {
        return List.of(
                new Record(
                        "mail-from-mx", mailFromDomain, "MX", List.of("10 feedback-smtp." + region + ".amazonses.com")),
                // Route 53 TXT values carry their own quotes.
                new Record("mail-from-spf", mailFromDomain, "TXT", List.of("\"v=spf1 include:amazonses.com ~all\"")));
    }

    /** The domain's DMARC policy, with aggregate reports when an address is given. */
    public static Record dmarc(String domain, String policy, java.util.Optional<String> reports) {
        var value = new ArrayList<>(List.of("v=DMARC1", "p=" + policy));
        reports.ifPresent(address -> value.add("rua=mailto:" + address));
        return new Record("dmarc", "_dmarc." + domain, "TXT", List.of("\"" + String.join("; ", value) + "\""));
    }
}
