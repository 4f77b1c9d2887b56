package com.tutors.infra.edge;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.sesv2.ConfigurationSet;
import com.pulumi.aws.sesv2.ConfigurationSetArgs;
import com.pulumi.aws.sesv2.EmailIdentity;
import com.pulumi.aws.sesv2.EmailIdentityArgs;
import com.pulumi.aws.sesv2.EmailIdentityMailFromAttributes;
import com.pulumi.aws.sesv2.EmailIdentityMailFromAttributesArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetDeliveryOptionsArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetReputationOptionsArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetSendingOptionsArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetSuppressionOptionsArgs;
import com.pulumi.aws.sesv2.inputs.EmailIdentityDkimSigningAttributesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import java.util.List;

/**
 * Mail from the domain (phase 5, beside the zone): an SES v2 domain identity with Easy DKIM, a
 * configuration set that every message goes through (the identity's default: reputation metrics for
 * the bounce and complaint alarms, TLS required, bounces and complaints suppressed), a MAIL FROM
 * subdomain and the records for DKIM, SPF and DMARC. The event destination and the alarms are phase 6's.
 */
final class Mail {
    private Mail() {}

    /** How long SES's verification and DKIM records may be cached: short, so a fix shows within minutes. */
    static final int TTL = 600;

    static EdgeOutputs.Mail declare(
            Naming names,
            EdgeSettings.MailSettings mail,
            String region,
            Output<String> zoneId,
            CustomResourceOptions child) {
        var configurationSetName = names.name("mail");
        var configurationSet = new ConfigurationSet(
                names.name("mail"),
                ConfigurationSetArgs.builder()
                        .configurationSetName(configurationSetName)
                        .reputationOptions(ConfigurationSetReputationOptionsArgs.builder()
                                .reputationMetricsEnabled(true)
                                .build())
                        .sendingOptions(ConfigurationSetSendingOptionsArgs.builder()
                                .sendingEnabled(true)
                                .build())
                        .deliveryOptions(ConfigurationSetDeliveryOptionsArgs.builder()
                                .tlsPolicy("REQUIRE")
                                .build())
                        // Never mail an address again that bounced or complained (the account-wide list, per set).
                        .suppressionOptions(ConfigurationSetSuppressionOptionsArgs.builder()
                                .suppressedReasons("BOUNCE", "COMPLAINT")
                                .build())
                        .build(),
                child);
        var identity = new EmailIdentity(
                names.name("mail"),
                EmailIdentityArgs.builder()
                        .emailIdentity(mail.domain())
                        .configurationSetName(configurationSet.configurationSetName())
                        .dkimSigningAttributes(EmailIdentityDkimSigningAttributesArgs.builder()
                                .nextSigningKeyLength("RSA_2048_BIT")
                                .build())
                        .build(),
                child);
        var tokens = identity.dkimSigningAttributes().applyValue(a -> a.tokens());
        for (int i = 0; i < MailRecords.DKIM_TOKENS; i++) {
            int index = i;
            var name = tokens.applyValue(
                    t -> MailRecords.dkim(index, mail.domain(), t.get(index)).name());
            var value = tokens.applyValue(
                    t -> MailRecords.dkim(index, mail.domain(), t.get(index)).values());
            record(names, "dkim-" + (index + 1), zoneId, name, "CNAME", value, child);
        }
        new EmailIdentityMailFromAttributes(
                names.name("mail-from"),
                EmailIdentityMailFromAttributesArgs.builder()
                        .emailIdentity(identity.emailIdentity())
                        .mailFromDomain(mail.mailFromDomain())
                        // Without the MX record SES sends from amazonses.com instead of refusing: mail keeps flowing.
                        .behaviorOnMxFailure("USE_DEFAULT_VALUE")
                        .build(),
                child);
        for (var r : MailRecords.mailFrom(mail.mailFromDomain(), region)) {
            record(names, r.part(), zoneId, Output.of(r.name()), r.type(), Output.of(r.values()), child);
        }
        var dmarc = MailRecords.dmarc(mail.domain(), mail.dmarcPolicy(), mail.dmarcReports());
        record(names, dmarc.part(), zoneId, Output.of(dmarc.name()), dmarc.type(), Output.of(dmarc.values()), child);
        return new EdgeOutputs.Mail(
                mail.domain(), mail.defaultFrom(), identity.arn(), configurationSetName, configurationSet.arn());
    }

    private static void record(
            Naming names,
            String part,
            Output<String> zoneId,
            Output<String> name,
            String type,
            Output<List<String>> values,
            CustomResourceOptions child) {
        new Record(
                names.name(part),
                RecordArgs.builder()
                        .zoneId(zoneId)
                        .name(name)
                        .type(type)
                        .ttl(TTL)
                        .records(values)
                        .build(),
                child);
    }
}
