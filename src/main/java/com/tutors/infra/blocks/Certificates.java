package com.tutors.infra.blocks;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import java.util.List;

/**
 * ACM certificates for the site: the apex (the A record's name) and the wildcard, validated by DNS.
 * Both names need the same validation record, and ACM uses the same record for a domain in every
 * region of an account, so one record validates every certificate the stack requests.
 */
public final class Certificates {
    private Certificates() {}

    public static Certificate request(Naming names, String part, String domain, CustomResourceOptions options) {
        return new Certificate(
                names.name(part),
                CertificateArgs.builder()
                        .domainName(domain)
                        .subjectAlternativeNames("*." + domain)
                        .validationMethod("DNS")
                        .tags(names.nameTag(part))
                        .build(),
                options);
    }

    /** Completes once ACM has issued the certificate: use its ARN to make a listener or CDN wait for that. */
    public static CertificateValidation validated(
            Naming names,
            String part,
            Certificate certificate,
            Output<String> validationRecordFqdn,
            CustomResourceOptions options) {
        return new CertificateValidation(
                names.name(part),
                CertificateValidationArgs.builder()
                        .certificateArn(certificate.arn())
                        .validationRecordFqdns(validationRecordFqdn.applyValue(List::of))
                        .build(),
                options);
    }
}
