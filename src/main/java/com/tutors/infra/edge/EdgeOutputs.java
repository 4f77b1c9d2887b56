package com.tutors.infra.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What phase 5 gives the later phases: the seed's outputs (ALB name and zone, certificate, domain)
 * plus the target groups the services register in, and the zone the CDN's records go to.
 *
 * @param certificateArn empty text in no-domain mode
 * @param host           the host users reach: the domain, or the ALB's own name
 * @param zone           present with a domain
 * @param mail           present with a domain: what may send mail, and as whom
 */
public record EdgeOutputs(
        Output<String> albDnsName,
        Output<String> albZoneId,
        Output<String> albArn,
        Output<String> albArnSuffix,
        Output<String> certificateArn,
        Output<String> domainName,
        Output<String> host,
        Output<String> url,
        Optional<Zone> zone,
        TargetGroups targetGroups,
        Optional<Mail> mail) {

    /**
     * The SES identity the app sends as, and the configuration set every message goes through.
     *
     * @param defaultFrom the app's DEFAULT_FROM_EMAIL unless it says otherwise
     */
    public record Mail(
            String domain,
            String defaultFrom,
            Output<String> identityArn,
            String configurationSetName,
            Output<String> configurationSetArn) {}

    /** The domain's hosted zone and the certificate's validation record (which validates any region's certificate). */
    public record Zone(String domain, Output<String> zoneId, Output<String> validationRecordFqdn) {}

    /**
     * @param byPart           each web service's target group, by the service's part
     * @param servingListeners the listener that serves traffic and its rules: a service must wait for them
     */
    public record TargetGroups(Map<String, Group> byPart, List<Resource> servingListeners) {
        public TargetGroups {
            byPart = Collections.unmodifiableMap(new LinkedHashMap<>(byPart));
            servingListeners = List.copyOf(servingListeners);
        }
    }

    /** @param arnSuffix {@code targetgroup/<name>/<id>}: CloudWatch's TargetGroup dimension */
    public record Group(Output<String> arn, Output<String> arnSuffix) {}
}
