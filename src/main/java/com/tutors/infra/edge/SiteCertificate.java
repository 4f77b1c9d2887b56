package com.tutors.infra.edge;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.blocks.Certificates;
import com.tutors.infra.core.Naming;
import java.util.List;

/**
 * The domain's hosted zone (one invoke), the regional certificate and its one DNS validation record.
 *
 * @param certificateArn resolves once ACM has issued the certificate
 */
record SiteCertificate(Output<String> zoneId, Output<String> certificateArn, Output<String> validationRecordFqdn) {

    static SiteCertificate declare(Naming names, String domain, String hostedZone, Resource parent) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var zoneArgs = hostedZone.matches("Z[A-Z0-9]+")
                ? GetZoneArgs.builder().zoneId(hostedZone)
                : GetZoneArgs.builder().name(hostedZone);
        var zoneId = Route53Functions.getZone(
                        zoneArgs.privateZone(false).build(), new InvokeOptions(parent, null, null))
                .applyValue(z -> z.zoneId());
        var cert = Certificates.request(names, "certificate", domain, child);
        var option = cert.domainValidationOptions()
                .applyValue(options -> options.stream()
                        .filter(o -> o.domainName().orElse("").equals(domain))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalStateException("ACM returned no validation option for " + domain)));
        var record = new Record(
                names.name("certificate-validation"),
                RecordArgs.builder()
                        .zoneId(zoneId)
                        .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                        .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(
                                o.resourceRecordType().orElseThrow())))
                        .records(option.applyValue(
                                o -> List.of(o.resourceRecordValue().orElseThrow())))
                        .ttl(60)
                        .allowOverwrite(true) // a re-created certificate gets the same record
                        .build(),
                child);
        var validated = Certificates.validated(names, "certificate", cert, record.fqdn(), child);
        return new SiteCertificate(
                zoneId,
                validated.certificateArn(),
                validated
                        .validationRecordFqdns()
                        .applyValue(l -> l.orElseThrow().get(0)));
    }
}
