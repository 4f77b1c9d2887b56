package com.tutors.infra.optimization;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.blocks.AliasRecords;
import com.tutors.infra.blocks.AliasTarget;
import com.tutors.infra.blocks.Certificates;
import com.tutors.infra.core.Headers;
import com.tutors.infra.core.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * CloudFront in front of the ALB (pages, API, {@code /_next/static}) and both buckets (through Origin
 * Access Control), with the plan's cache behaviours; its certificate lives in us-east-1.
 */
final class Cdn {
    private Cdn() {}

    /**
     * @param child  options of the distribution and its regional parts (records, policies)
     * @param global the same in us-east-1, where CloudFront takes its certificate from
     */
    static Distribution declare(
            OptimizationArgs args,
            CustomResourceOptions child,
            CustomResourceOptions global,
            Optional<Output<String>> waf) {
        var names = args.names();
        var edge = args.edge();
        var site = edge.zone().orElseThrow(() -> new IllegalStateException("the CDN needs a domain"));
        var domain = site.domain();
        var storage = args.storage();

        // CloudFront only takes certificates from us-east-1; phase 5's validation record validates this one too.
        var cert = Certificates.request(names, "cdn-certificate", domain, global);
        var validated = Certificates.validated(names, "cdn-certificate", cert, site.validationRecordFqdn(), global);

        // origin.<domain> resolves to the ALB and is covered by its *.<domain> certificate.
        var originHost = "origin." + domain;
        AliasRecords.declare(
                names,
                "origin",
                site.zoneId(),
                originHost,
                new AliasTarget(edge.albDnsName(), edge.albZoneId(), true),
                args.ipv6(),
                child);

        var oac = new OriginAccessControl(
                names.name("s3"),
                OriginAccessControlArgs.builder()
                        .name(names.name("s3"))
                        .description("CloudFront signs its requests to the tutors buckets")
                        .originAccessControlOriginType("s3")
                        .signingBehavior("always")
                        .signingProtocol("sigv4")
                        .build(),
                child);
        var originList = List.of(
                DistributionOriginArgs.builder()
                        .originId(CdnSettings.ALB_ORIGIN)
                        .domainName(originHost)
                        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                .httpPort(80)
                                .httpsPort(443)
                                .originProtocolPolicy("https-only")
                                .originSslProtocols("TLSv1.2")
                                .build())
                        // Without this header the ALB answers 403: nobody can go around CloudFront and WAF.
                        .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                .name(Headers.ORIGIN_VERIFY)
                                .value(args.originSecret())
                                .build())
                        .build(),
                bucketOrigin(CdnSettings.STATIC_ORIGIN, storage.staticBucketDomain(), oac),
                bucketOrigin(CdnSettings.MEDIA_ORIGIN, storage.mediaBucketDomain(), oac));

        var policies = new LinkedHashMap<Integer, CachePolicy>();
        for (var behaviour : CdnSettings.BEHAVIOURS) {
            policies.computeIfAbsent(behaviour.ttl(), ttl -> fixedTtlPolicy(names, ttl, child));
        }
        var ordered = CdnSettings.BEHAVIOURS.stream()
                .map(b -> DistributionOrderedCacheBehaviorArgs.builder()
                        .pathPattern(b.path())
                        .targetOriginId(b.origin())
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD", "OPTIONS")
                        .cachedMethods("GET", "HEAD")
                        .cachePolicyId(policies.get(b.ttl()).id())
                        .compress(true)
                        .build())
                .toList();

        var distributionArgs = DistributionArgs.builder()
                .enabled(true)
                .comment("Tutors " + names.environment().id())
                .aliases(domain)
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .priceClass("PriceClass_100") // North America and Europe: where the users are, at the lowest price
                .origins(originList)
                // Pages and the API: never cached, the whole request (Host, cookies, query) forwarded.
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(CdnSettings.ALB_ORIGIN)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                        .cachedMethods("GET", "HEAD")
                        .cachePolicyId(CdnSettings.CACHING_DISABLED)
                        .originRequestPolicyId(CdnSettings.ALL_VIEWER)
                        .compress(
                                false) // CachingDisabled enables no Accept-Encoding, so CloudFront would not compress;
                        // Next.js does
                        .build())
                .orderedCacheBehaviors(ordered)
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none")
                                .build())
                        .build())
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(validated.certificateArn())
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion("TLSv1.2_2021")
                        .build())
                .tags(names.nameTag("cdn"));
        waf.ifPresent(distributionArgs::webAclId);
        return new Distribution(names.name("cdn"), distributionArgs.build(), child);
    }

    private static DistributionOriginArgs bucketOrigin(
            String id, Output<String> bucketDomain, OriginAccessControl oac) {
        return DistributionOriginArgs.builder()
                .originId(id)
                .domainName(bucketDomain)
                .originAccessControlId(oac.id())
                .build();
    }

    /** Caches for exactly {@code ttl} whatever the origin says; nothing varies the key; gzip and brotli. */
    private static CachePolicy fixedTtlPolicy(Naming names, int ttl, CustomResourceOptions child) {
        var part = ttl == CdnSettings.ONE_YEAR ? "cache-1y" : "cache-1d";
        return new CachePolicy(
                names.name(part),
                CachePolicyArgs.builder()
                        .name(names.name(part))
                        .comment("Cached " + (ttl == CdnSettings.ONE_YEAR ? "one year" : "one day"))
                        .minTtl(ttl)
                        .defaultTtl(ttl)
                        .maxTtl(ttl)
                        .parametersInCacheKeyAndForwardedToOrigin(
                                CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                                        .cookiesConfig(
                                                CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs
                                                        .builder()
                                                        .cookieBehavior("none")
                                                        .build())
                                        .headersConfig(
                                                CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs
                                                        .builder()
                                                        .headerBehavior("none")
                                                        .build())
                                        .queryStringsConfig(
                                                CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs
                                                        .builder()
                                                        .queryStringBehavior("none")
                                                        .build())
                                        .enableAcceptEncodingGzip(true)
                                        .enableAcceptEncodingBrotli(true)
                                        .build())
                        .build(),
                child);
    }
}
