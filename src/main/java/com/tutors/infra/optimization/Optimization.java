package com.tutors.infra.optimization;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
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
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementGeoMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.tutors.infra.config.Naming;
import com.tutors.infra.config.OptimizationSettings;
import com.tutors.infra.config.Phase;
import com.tutors.infra.edge.Edge;
import com.tutors.infra.edge.EdgePolicies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 6, three independent parts: CloudFront in front of the ALB and both buckets, a WAF web ACL,
 * and CloudWatch alarms to an encrypted SNS topic.
 */
public final class Optimization extends ComponentResource {

    /** The domain, its zone and the regional certificate's validation record (phase 5). */
    public record Site(String domain, Output<String> zoneId, Output<String> validationRecordFqdn) {
    }

    /** What CloudFront fetches from: the ALB (phase 5) and the buckets (phase 3). */
    public record Origins(Output<String> albDnsName, Output<String> albZoneId, Output<String> albArn,
                          Output<String> staticBucketDomain, Output<String> mediaBucketDomain,
                          Output<String> originSecret) {
    }

    /** What the alarms watch (phases 2, 4 and 5). */
    public record Watched(Output<String> clusterName, Output<String> backendService, Output<String> frontendService,
                          Output<String> albArnSuffix, Output<String> backendTargetGroup,
                          Output<String> frontendTargetGroup, Output<String> dbInstance, Output<String> cacheGroup,
                          int cacheNodes) {
    }

    /**
     * @param usEast1 provider for CloudFront's certificate and a CLOUDFRONT web ACL; present with the CDN
     * @param site    present with a domain
     */
    public record Args(Naming names, OptimizationSettings settings, Output<String> accountId, int logRetentionDays, boolean ipv6,
                       Optional<ProviderResource> usEast1, Optional<Site> site, Origins origins, Watched watched) {
    }

    public final Optional<Output<String>> cdnDomainName;
    public final Optional<Output<String>> distributionId;
    public final Optional<Output<String>> distributionArn;
    public final Optional<Output<String>> webAclArn;
    public final Optional<Output<String>> alarmTopicArn;

    private final Naming names;
    private final CustomResourceOptions child;

    public Optimization(String name, Args args, ComponentResourceOptions options) {
        super(Phase.OPTIMIZATION.componentType(), name, options);
        this.names = args.names();
        this.child = CustomResourceOptions.builder().parent(this).build();
        var s = args.settings();
        // In us-east-1 when CloudFront is its scope: CloudFront's certificates and web ACLs live there.
        var global = args.usEast1().map(p -> CustomResourceOptions.builder().parent(this).provider(p).build());

        Optional<Output<String>> waf = s.waf()
                ? Optional.of(webAcl(args, s.cdn() ? global.orElseThrow() : child, s.cdn() ? "CLOUDFRONT" : "REGIONAL"))
                : Optional.empty();
        if (waf.isPresent() && !s.cdn()) {
            new WebAclAssociation(names.name("waf"), WebAclAssociationArgs.builder()
                    .resourceArn(args.origins().albArn()).webAclArn(waf.get()).build(), child);
        }

        if (s.cdn()) {
            var distribution = distribution(args, global.orElseThrow(), waf);
            this.cdnDomainName = Optional.of(distribution.domainName());
            this.distributionId = Optional.of(distribution.id());
            this.distributionArn = Optional.of(distribution.arn());
        } else {
            this.cdnDomainName = Optional.empty();
            this.distributionId = Optional.empty();
            this.distributionArn = Optional.empty();
        }
        this.webAclArn = waf;
        this.alarmTopicArn = s.alarms() ? Optional.of(alarms(args)) : Optional.empty();

        var outputs = new LinkedHashMap<String, Output<?>>();
        cdnDomainName.ifPresent(o -> outputs.put("cdnDomainName", o));
        distributionId.ifPresent(o -> outputs.put("distributionId", o));
        alarmTopicArn.ifPresent(o -> outputs.put("alarmTopicArn", o));
        registerOutputs(outputs);
    }

    /** Where the domain's alias records point when the CDN is on. */
    public Optional<Edge.AliasTarget> aliasTarget() {
        return cdnDomainName.map(dns -> new Edge.AliasTarget(dns, Output.of(CdnSettings.CLOUDFRONT_ZONE_ID), false));
    }

    private Distribution distribution(Args args, CustomResourceOptions global, Optional<Output<String>> waf) {
        var site = args.site().orElseThrow(() -> new IllegalStateException("the CDN needs a domain"));
        var domain = site.domain();
        var origins = args.origins();

        // CloudFront only takes certificates from us-east-1. ACM's DNS validation record is the same for
        // a domain in every region of an account, so phase 5's record validates this one too.
        var cert = new Certificate(names.name("cdn-certificate"), CertificateArgs.builder()
                .domainName(domain)
                .subjectAlternativeNames("*." + domain)
                .validationMethod("DNS")
                .tags(names.nameTag("cdn-certificate"))
                .build(), global);
        var validated = new CertificateValidation(names.name("cdn-certificate"), CertificateValidationArgs.builder()
                .certificateArn(cert.arn())
                .validationRecordFqdns(site.validationRecordFqdn().applyValue(List::of))
                .build(), global);

        // origin.<domain> resolves to the ALB and is covered by its *.<domain> certificate.
        var originHost = "origin." + domain;
        for (var type : args.ipv6() ? List.of("A", "AAAA") : List.of("A")) {
            new Record(names.name("origin-" + type.toLowerCase()), RecordArgs.builder()
                    .zoneId(site.zoneId())
                    .name(originHost)
                    .type(type)
                    .aliases(RecordAliasArgs.builder()
                            .name(origins.albDnsName()).zoneId(origins.albZoneId()).evaluateTargetHealth(true).build())
                    .build(), child);
        }

        var oac = new OriginAccessControl(names.name("s3"), OriginAccessControlArgs.builder()
                .name(names.name("s3"))
                .description("CloudFront signs its requests to the tutors buckets")
                .originAccessControlOriginType("s3")
                .signingBehavior("always")
                .signingProtocol("sigv4")
                .build(), child);
        var originList = List.of(
                DistributionOriginArgs.builder()
                        .originId(CdnSettings.ALB_ORIGIN)
                        .domainName(originHost)
                        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                .httpPort(80).httpsPort(443)
                                .originProtocolPolicy("https-only")
                                .originSslProtocols("TLSv1.2")
                                .build())
                        // Without this header the ALB answers 403: nobody can go around CloudFront and WAF.
                        .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                .name(EdgePolicies.ORIGIN_HEADER).value(origins.originSecret()).build())
                        .build(),
                bucketOrigin(CdnSettings.STATIC_ORIGIN, origins.staticBucketDomain(), oac),
                bucketOrigin(CdnSettings.MEDIA_ORIGIN, origins.mediaBucketDomain(), oac));

        var policies = new LinkedHashMap<Integer, CachePolicy>();
        for (var behaviour : CdnSettings.BEHAVIOURS) {
            policies.computeIfAbsent(behaviour.ttl(), this::fixedTtlPolicy);
        }
        var ordered = CdnSettings.BEHAVIOURS.stream().map(b -> DistributionOrderedCacheBehaviorArgs.builder()
                .pathPattern(b.path())
                .targetOriginId(b.origin())
                .viewerProtocolPolicy("redirect-to-https")
                .allowedMethods("GET", "HEAD", "OPTIONS")
                .cachedMethods("GET", "HEAD")
                .cachePolicyId(policies.get(b.ttl()).id())
                .compress(true)
                .build()).toList();

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
                        .compress(true)
                        .build())
                .orderedCacheBehaviors(ordered)
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build())
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

    private static DistributionOriginArgs bucketOrigin(String id, Output<String> bucketDomain, OriginAccessControl oac) {
        return DistributionOriginArgs.builder().originId(id).domainName(bucketDomain).originAccessControlId(oac.id()).build();
    }

    /** Caches for exactly {@code ttl} whatever the origin says; nothing varies the key; gzip and brotli. */
    private CachePolicy fixedTtlPolicy(int ttl) {
        var part = ttl == CdnSettings.ONE_YEAR ? "cache-1y" : "cache-1d";
        return new CachePolicy(names.name(part), CachePolicyArgs.builder()
                .name(names.name(part))
                .comment("Cached " + (ttl == CdnSettings.ONE_YEAR ? "one year" : "one day"))
                .minTtl(ttl)
                .defaultTtl(ttl)
                .maxTtl(ttl)
                .parametersInCacheKeyAndForwardedToOrigin(CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                        .cookiesConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                                .cookieBehavior("none").build())
                        .headersConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                                .headerBehavior("none").build())
                        .queryStringsConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs.builder()
                                .queryStringBehavior("none").build())
                        .enableAcceptEncodingGzip(true)
                        .enableAcceptEncodingBrotli(true)
                        .build())
                .build(), child);
    }

    private Output<String> webAcl(Args args, CustomResourceOptions options, String scope) {
        var s = args.settings();
        var rules = new ArrayList<WebAclRuleArgs>();
        int priority = 0;
        if (!s.blockedCountries().isEmpty()) {
            rules.add(blockRule("geo-block", priority++, WebAclRuleStatementArgs.builder()
                    .geoMatchStatement(WebAclRuleStatementGeoMatchStatementArgs.builder()
                            .countryCodes(s.blockedCountries()).build())
                    .build()));
        }
        rules.add(blockRule("rate-limit", priority++, WebAclRuleStatementArgs.builder()
                .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                        .limit(s.wafRateLimit())
                        .aggregateKeyType("IP")
                        .evaluationWindowSec(300)
                        .build())
                .build()));
        for (var group : CdnSettings.MANAGED_RULE_GROUPS) {
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group);
            if (group.equals("AWSManagedRulesCommonRuleSet")) {
                statement.ruleActionOverrides(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                        .name(CdnSettings.COUNT_ONLY_RULE)
                        .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs.builder().build())
                                .build())
                        .build());
            }
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        var acl = new WebAcl(names.name("waf"), WebAclArgs.builder()
                .name(names.name("waf"))
                .description("Tutors " + names.environment().id() + ": managed rules, rate limit, geo blocking")
                .scope(scope)
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(names.name("waf")).build())
                .build(), options);
        // WAF only logs to groups named aws-waf-logs-*, in the web ACL's region.
        var logs = new LogGroup(names.name("waf-logs"), LogGroupArgs.builder()
                .name("aws-waf-logs-" + names.name("waf"))
                .retentionInDays(args.logRetentionDays())
                .build(), options);
        new WebAclLoggingConfiguration(names.name("waf"), WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(List::of))
                .build(), options);
        return acl.arn();
    }

    private WebAclRuleArgs blockRule(String ruleName, int priority, WebAclRuleStatementArgs statement) {
        return WebAclRuleArgs.builder()
                .name(ruleName)
                .priority(priority)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(statement)
                .visibilityConfig(visibility(ruleName))
                .build();
    }

    private WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metric).build();
    }

    private Output<String> alarms(Args args) {
        var key = new Key(names.name("alarms"), KeyArgs.builder()
                .description("Encrypts the " + names.name("alarms") + " SNS topic; CloudWatch may use it")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(args.accountId().applyValue(CdnSettings::alarmKeyPolicy))
                .build(), child);
        new Alias(names.name("alarms"), AliasArgs.builder()
                .name("alias/" + names.name("alarms")).targetKeyId(key.keyId()).build(), child);
        var topic = new Topic(names.name("alarms"), TopicArgs.builder()
                .name(names.name("alarms"))
                .kmsMasterKeyId(key.arn())
                .build(), child);
        args.settings().alarmEmail().ifPresent(email -> new TopicSubscription(names.name("alarms-email"),
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child));

        var w = args.watched();
        for (var alarm : Alarms.all(w.cacheNodes())) {
            Output<Map<String, String>> dimensions = Output.all(alarm.dimensions().stream().map(d -> dimension(d, w)).toList())
                    .applyValue(values -> {
                        var map = new LinkedHashMap<String, String>();
                        for (int i = 0; i < values.size(); i++) {
                            map.put(dimensionName(alarm.dimensions().get(i)), values.get(i));
                        }
                        return map;
                    });
            new MetricAlarm(names.name(alarm.part()), MetricAlarmArgs.builder()
                    .name(names.name(alarm.part()))
                    .alarmDescription(alarm.description())
                    .namespace(alarm.namespace())
                    .metricName(alarm.metric())
                    .statistic(alarm.statistic())
                    .dimensions(dimensions)
                    .comparisonOperator(alarm.comparisonOperator())
                    .threshold(alarm.threshold())
                    .period(alarm.periodSeconds())
                    .evaluationPeriods(alarm.evaluationPeriods())
                    .datapointsToAlarm(alarm.datapointsToAlarm())
                    .treatMissingData(alarm.missingData())
                    .alarmActions(topic.arn().applyValue(List::of))
                    .okActions(topic.arn().applyValue(List::of))
                    .build(), child);
        }
        return topic.arn();
    }

    private static String dimensionName(String key) {
        return switch (key.split(":")[0]) {
            case "CLUSTER" -> "ClusterName";
            case "BACKEND_SERVICE", "FRONTEND_SERVICE" -> "ServiceName";
            case "LOAD_BALANCER" -> "LoadBalancer";
            case "BACKEND_TG", "FRONTEND_TG" -> "TargetGroup";
            case "DB" -> "DBInstanceIdentifier";
            case "CACHE_NODE" -> "CacheClusterId";
            default -> throw new IllegalArgumentException("unknown dimension " + key);
        };
    }

    /** CloudWatch wants ARN suffixes (app/..., targetgroup/...) for the ALB: a full ARN never matches. */
    private static Output<String> dimension(String key, Watched w) {
        var parts = key.split(":");
        return switch (parts[0]) {
            case "CLUSTER" -> w.clusterName();
            case "BACKEND_SERVICE" -> w.backendService();
            case "FRONTEND_SERVICE" -> w.frontendService();
            case "LOAD_BALANCER" -> w.albArnSuffix();
            case "BACKEND_TG" -> w.backendTargetGroup();
            case "FRONTEND_TG" -> w.frontendTargetGroup();
            case "DB" -> w.dbInstance();
            case "CACHE_NODE" -> w.cacheGroup().applyValue(group -> group + "-" + parts[1]);
            default -> throw new IllegalArgumentException("unknown dimension " + key);
        };
    }
}
