package com.tutors.infra.optimization;

import static com.tutors.infra.StackRuns.FAKE_SECRETS;
import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.tutors.infra.AlarmInputs;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Phase 6: prod as committed (all three parts), staging (alarms only), and each part switched. */
class OptimizationTest {

    private static OfflineRun.Result prod() {
        return StackRuns.succeeded(StackRuns.committed("prod"));
    }

    private static String usEast1Provider(OfflineRun.Result result) {
        return named(result, com.pulumi.aws.Provider.class, "tutors-prod-aws-us-east-1")
                .urn();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(String json) {
        return (List<Map<String, Object>>) new Gson().fromJson(json, Map.class).get("Statement");
    }

    @Test
    void cloudFrontServesTheDomainWithAUsEast1Certificate() {
        var result = prod();
        var provider = named(result, com.pulumi.aws.Provider.class, "tutors-prod-aws-us-east-1");
        assertEquals("us-east-1", provider.input("region"));
        var cert = named(result, com.pulumi.aws.acm.Certificate.class, "tutors-prod-cdn-certificate");
        assertTrue(
                cert.providerRef().startsWith(usEast1Provider(result) + "::"),
                "CloudFront takes us-east-1 certificates only");
        assertEquals("tutors.example.com", cert.input("domainName"));
        assertEquals(List.of("*.tutors.example.com"), cert.input("subjectAlternativeNames"));
        assertTrue(idOf(cert).startsWith("arn:aws:acm:us-east-1:"));
        var validation = named(result, CertificateValidation.class, "tutors-prod-cdn-certificate");
        assertTrue(validation.providerRef().startsWith(usEast1Provider(result) + "::"));
        assertEquals(
                named(result, CertificateValidation.class, "tutors-prod-certificate")
                        .input("validationRecordFqdns"),
                validation.input("validationRecordFqdns"),
                "the same DNS record validates both");

        var d = named(result, Distribution.class, "tutors-prod-cdn");
        assertEquals(List.of("tutors.example.com"), d.input("aliases"));
        assertEquals("http2and3", d.input("httpVersion"));
        assertEquals(true, d.input("isIpv6Enabled"));
        assertEquals(
                Map.of(
                        "acmCertificateArn",
                        idOf(cert),
                        "sslSupportMethod",
                        "sni-only",
                        "minimumProtocolVersion",
                        "TLSv1.2_2021"),
                d.input("viewerCertificate"));
        assertEquals("redirect-to-https", d.input("defaultCacheBehavior.viewerProtocolPolicy"));
        assertEquals(
                StackRuns.value(((com.pulumi.aws.cloudfront.Distribution) d.resource()).domainName()),
                result.outputs().get("cdnDomainName"));
        assertEquals(idOf(d), result.outputs().get("distributionId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void originsAreTheAlbOverHttpsWithTheSecretHeaderAndBothBucketsThroughOac() {
        var result = prod();
        var d = named(result, Distribution.class, "tutors-prod-cdn");
        var origins = ((List<Map<String, Object>>) d.input("origins"))
                .stream().collect(Collectors.toMap(o -> (String) o.get("originId"), o -> o));
        var alb = origins.get("alb");
        assertEquals("origin.tutors.example.com", alb.get("domainName"), "a name on the ALB's *.domain certificate");
        assertEquals(
                Map.of(
                        "httpPort",
                        80.0,
                        "httpsPort",
                        443.0,
                        "originProtocolPolicy",
                        "https-only",
                        "originSslProtocols",
                        List.of("TLSv1.2")),
                alb.get("customOriginConfig"));
        var header = ((List<Map<String, Object>>) alb.get("customHeaders")).get(0);
        assertEquals("X-Origin-Verify", header.get("name"));
        assertEquals(
                FAKE_SECRETS.get("tutors:originSecret"),
                assertInstanceOf(PlannedResource.Secret.class, header.get("value"))
                        .value(),
                "sent as a secret");
        var oac = named(result, OriginAccessControl.class, "tutors-prod-s3");
        assertEquals(
                Map.of("originAccessControlOriginType", "s3", "signingBehavior", "always", "signingProtocol", "sigv4"),
                Map.of(
                        "originAccessControlOriginType",
                        oac.input("originAccessControlOriginType"),
                        "signingBehavior",
                        oac.input("signingBehavior"),
                        "signingProtocol",
                        oac.input("signingProtocol")));
        for (var bucket : List.of("static", "media")) {
            assertEquals(
                    StackRuns.bucket("prod", bucket) + ".s3.eu-central-1.amazonaws.com",
                    origins.get(bucket).get("domainName"));
            assertEquals(idOf(oac), origins.get(bucket).get("originAccessControlId"));
            // The bucket lets exactly this distribution read, and nobody else.
            var policy = statements((String)
                    named(result, BucketPolicy.class, "tutors-prod-" + bucket).input("policy"));
            assertEquals(2, policy.size(), "TLS deny and CloudFront only: no public read");
            assertEquals(
                    Map.of("Service", "cloudfront.amazonaws.com"), policy.get(1).get("Principal"));
            assertEquals(List.of("s3:GetObject"), policy.get(1).get("Action"));
            assertEquals(
                    Map.of(
                            "StringEquals",
                            Map.of("AWS:SourceArn", "arn:aws:cloudfront::123456789012:distribution/" + idOf(d))),
                    policy.get(1).get("Condition"));
        }
        var access = named(result, BucketPublicAccessBlock.class, "tutors-prod-static");
        assertEquals(true, access.input("blockPublicPolicy"), "the static bucket's public read is switched off");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cacheBehavioursFollowThePlan() {
        var result = prod();
        var d = named(result, Distribution.class, "tutors-prod-cdn");
        var policies = ofType(result, CachePolicy.class).stream().collect(Collectors.toMap(StackRuns::idOf, p -> p));
        var ttl = new HashMap<String, Object>();
        var origin = new HashMap<String, Object>();
        for (var b : (List<Map<String, Object>>) d.input("orderedCacheBehaviors")) {
            var policy = policies.get((String) b.get("cachePolicyId"));
            assertEquals(policy.input("minTtl"), policy.input("maxTtl"), "a fixed TTL");
            ttl.put((String) b.get("pathPattern"), policy.input("defaultTtl"));
            origin.put((String) b.get("pathPattern"), b.get("targetOriginId"));
            assertEquals(true, b.get("compress"));
            assertEquals("redirect-to-https", b.get("viewerProtocolPolicy"));
        }
        assertEquals(Map.of("/_next/static/*", 31536000.0, "/static/*", 86400.0, "/media/*", 86400.0), ttl);
        assertEquals(Map.of("/_next/static/*", "alb", "/static/*", "static", "/media/*", "media"), origin);
        var defaults = (Map<String, Object>) d.input("defaultCacheBehavior");
        assertEquals("alb", defaults.get("targetOriginId"));
        assertEquals(CdnSettings.CACHING_DISABLED, defaults.get("cachePolicyId"), "pages and API never cached");
        assertEquals(
                CdnSettings.ALL_VIEWER, defaults.get("originRequestPolicyId"), "Host, cookies, query all forwarded");
        assertEquals(
                List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"), defaults.get("allowedMethods"));
        assertEquals(
                false,
                defaults.get("compress"),
                "CachingDisabled enables no Accept-Encoding: CloudFront would not compress");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyCloudFrontReachesTheAlbAndTheDomainPointsAtCloudFront() {
        var result = prod();
        var https = named(result, Listener.class, "tutors-prod-https");
        assertEquals(
                List.of(Map.of(
                        "type",
                        "fixed-response",
                        "fixedResponse",
                        Map.of("statusCode", "403", "contentType", "text/plain", "messageBody", "Forbidden"))),
                https.input("defaultActions"));
        // Every rule that reaches the app requires the header; the buckets' two reserved paths reach no target.
        var rules = ofType(result, ListenerRule.class).stream()
                .filter(r -> String.valueOf(r.input("actions")).contains("type=forward"))
                .toList();
        assertEquals(4, rules.size(), "/api/auth, /api, /admin, and the catch-all for CloudFront's requests");
        assertEquals(
                Set.of("tutors-prod-static-redirect", "tutors-prod-media-not-here"),
                ofType(result, ListenerRule.class).stream()
                        .filter(r -> !rules.contains(r))
                        .map(PlannedResource::name)
                        .collect(Collectors.toSet()));
        for (var rule : rules) {
            var header = ((List<Map<String, Object>>) rule.input("conditions"))
                    .stream()
                            .filter(c -> c.containsKey("httpHeader"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(rule.name()));
            var httpHeader = (Map<String, Object>) header.get("httpHeader");
            assertEquals("X-Origin-Verify", httpHeader.get("httpHeaderName"));
            assertEquals(
                    List.of(FAKE_SECRETS.get("tutors:originSecret")),
                    assertInstanceOf(PlannedResource.Secret.class, httpHeader.get("values"))
                            .value());
        }
        assertEquals(
                idOf(named(result, TargetGroup.class, "tutors-prod-frontend")),
                ((Map<?, ?>) ((List<?>) named(result, ListenerRule.class, "tutors-prod-frontend-30")
                                        .input("actions"))
                                .get(0))
                        .get("targetGroupArn"));
        var d = named(result, Distribution.class, "tutors-prod-cdn");
        var cdnName = StackRuns.value(((com.pulumi.aws.cloudfront.Distribution) d.resource()).domainName());
        for (var type : List.of("a", "aaaa")) {
            var apex = named(result, com.pulumi.aws.route53.Record.class, "tutors-prod-alias-" + type);
            assertEquals("tutors.example.com", apex.input("name"));
            assertEquals(
                    List.of(Map.of("name", cdnName, "zoneId", "Z2FDTNDATAQYW2", "evaluateTargetHealth", false)),
                    apex.input("aliases"));
            var origin = named(result, com.pulumi.aws.route53.Record.class, "tutors-prod-origin-" + type);
            assertEquals("origin.tutors.example.com", origin.input("name"));
            assertEquals(
                    result.outputs().get("albDnsName"),
                    ((Map<?, ?>) ((List<?>) origin.input("aliases")).get(0)).get("name"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void wafGuardsCloudFrontWithManagedRulesAndARateLimit() {
        var result = prod();
        var acl = named(result, WebAcl.class, "tutors-prod-waf");
        assertEquals("CLOUDFRONT", acl.input("scope"));
        assertTrue(
                acl.providerRef().startsWith(usEast1Provider(result) + "::"),
                "a CLOUDFRONT web ACL lives in us-east-1");
        var aclArn = StackRuns.value(((com.pulumi.aws.wafv2.WebAcl) acl.resource()).arn());
        assertTrue(aclArn.startsWith("arn:aws:wafv2:us-east-1:123456789012:global/webacl/"));
        assertEquals(
                aclArn, named(result, Distribution.class, "tutors-prod-cdn").input("webAclId"), "WAFv2 takes the ARN");
        assertTrue(ofType(result, WebAclAssociation.class).isEmpty());
        var rules = (List<Map<String, Object>>) acl.input("rules");
        var byName = rules.stream().collect(Collectors.toMap(r -> (String) r.get("name"), r -> r));
        assertEquals(
                Set.of(
                        "rate-limit",
                        "AWSManagedRulesCommonRuleSet",
                        "AWSManagedRulesSQLiRuleSet",
                        "AWSManagedRulesKnownBadInputsRuleSet",
                        "body-rules-outside-uploads"),
                byName.keySet());
        var rate = (Map<String, Object>)
                ((Map<String, Object>) byName.get("rate-limit").get("statement")).get("rateBasedStatement");
        var egress = named(result, com.pulumi.aws.wafv2.IpSet.class, "tutors-prod-waf-egress");
        assertEquals("CLOUDFRONT", egress.input("scope"));
        assertEquals(
                usEast1Provider(result),
                egress.providerRef().replaceAll("::[0-9a-f-]+$", ""),
                "beside its ACL in us-east-1");
        var natIps = ofType(result, com.pulumi.aws.ec2.Eip.class).stream()
                .map(e -> StackRuns.value(((com.pulumi.aws.ec2.Eip) e.resource()).publicIp()) + "/32")
                .sorted()
                .toList();
        assertEquals(2, natIps.size(), "one Elastic IP per NAT instance");
        assertEquals(
                natIps,
                ((List<?>) egress.input("addresses"))
                        .stream().map(String::valueOf).sorted().toList());
        var exempt = Map.of(
                "notStatement",
                Map.of(
                        "statements",
                        List.of(Map.of(
                                "ipSetReferenceStatement",
                                Map.of(
                                        "arn",
                                        StackRuns.value(((com.pulumi.aws.wafv2.IpSet) egress.resource()).arn()))))));
        assertEquals(
                Map.of(
                        "limit",
                        2000.0,
                        "aggregateKeyType",
                        "IP",
                        "evaluationWindowSec",
                        300.0,
                        "scopeDownStatement",
                        exempt),
                rate,
                "the site's own NAT addresses are not rate-limited");
        assertEquals(Map.of("block", Map.of()), byName.get("rate-limit").get("action"));
        var common = (Map<String, Object>) ((Map<String, Object>)
                        byName.get("AWSManagedRulesCommonRuleSet").get("statement"))
                .get("managedRuleGroupStatement");
        var count = Map.of("count", Map.of());
        assertEquals(
                List.of(
                        Map.of("name", "SizeRestrictions_BODY", "actionToUse", count),
                        Map.of("name", "CrossSiteScripting_BODY", "actionToUse", count),
                        Map.of("name", "GenericLFI_BODY", "actionToUse", count)),
                common.get("ruleActionOverrides"),
                "uploads over 8 KB must pass; the body rules block through the labels rule");
        assertEquals(
                rules.size(),
                rules.stream().map(r -> r.get("priority")).distinct().count(),
                "unique priorities");
        for (var rule : rules) {
            var visibility = (Map<String, Object>) rule.get("visibilityConfig");
            assertEquals(true, visibility.get("cloudwatchMetricsEnabled"));
            assertEquals(true, visibility.get("sampledRequestsEnabled"));
        }
        var logs = named(result, LogGroup.class, "tutors-prod-waf-logs");
        assertTrue(((String) logs.input("name")).startsWith("aws-waf-logs-"));
        assertEquals(30.0, logs.input("retentionInDays"));
        assertTrue(logs.providerRef().startsWith(usEast1Provider(result) + "::"), "logs in the web ACL's region");
        var logging = named(result, WebAclLoggingConfiguration.class, "tutors-prod-waf");
        assertEquals(aclArn, logging.input("resourceArn"));
        assertEquals(
                List.of(
                        Map.of("singleHeader", Map.of("name", "authorization")),
                        Map.of("singleHeader", Map.of("name", "cookie"))),
                logging.input("redactedFields"),
                "no session cookie or bearer token in the logs (lowercase names)");
        assertEquals(
                Map.of(
                        "defaultBehavior",
                        "DROP",
                        "filters",
                        List.of(Map.of(
                                "behavior",
                                "KEEP",
                                "requirement",
                                "MEETS_ANY",
                                "conditions",
                                List.of(
                                        Map.of("actionCondition", Map.of("action", "BLOCK")),
                                        Map.of("actionCondition", Map.of("action", "COUNT")))))),
                logging.input("loggingFilter"),
                "only blocked and counted requests are logged");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutTheCdnTheWafIsRegionalOnTheAlbAndBlocksCountries() {
        var overrides = new HashMap<String, String>();
        overrides.put("tutors:cdn", "false");
        overrides.put("tutors:wafBlockedCountries", "[\"KP\",\"IR\"]");
        var result = StackRuns.succeeded(StackRuns.with("prod", overrides));
        assertTrue(ofType(result, Distribution.class).isEmpty());
        var acl = named(result, WebAcl.class, "tutors-prod-waf-regional");
        assertEquals("REGIONAL", acl.input("scope"));
        assertEquals(
                "tutors-prod-waf-regional",
                acl.input("name"),
                "its own name per scope: the switch creates before it deletes");
        var association = named(result, WebAclAssociation.class, "tutors-prod-waf");
        assertEquals(idOf(named(result, LoadBalancer.class, "tutors-prod-alb")), association.input("resourceArn"));
        assertEquals(
                StackRuns.value(((com.pulumi.aws.wafv2.WebAcl) acl.resource()).arn()), association.input("webAclArn"));
        var geo = ((List<Map<String, Object>>) acl.input("rules")).get(0);
        assertEquals("geo-block", geo.get("name"));
        assertEquals(
                List.of("KP", "IR"),
                ((Map<?, ?>) ((Map<?, ?>) geo.get("statement")).get("geoMatchStatement")).get("countryCodes"));
        assertTrue(ofType(result, com.pulumi.aws.Provider.class).stream()
                .noneMatch(p -> p.name().endsWith("us-east-1")));
        var https = named(result, Listener.class, "tutors-prod-https");
        assertEquals(
                "forward",
                ((Map<?, ?>) ((List<?>) https.input("defaultActions")).get(0)).get("type"),
                "no lockdown without CDN");
    }

    @Test
    void alarmsWatchEveryPartWithArnSuffixDimensionsAndAnEncryptedTopic() {
        var result = prod();
        var topic = named(result, Topic.class, "tutors-prod-alarms");
        var key = named(result, com.pulumi.aws.kms.Key.class, "tutors-prod-alarms");
        assertFalse(idOf(key).isEmpty(), "the mock gives the key an id");
        assertEquals("arn:aws:kms:eu-central-1:123456789012:key/" + idOf(key), topic.input("kmsMasterKeyId"));
        assertEquals(true, key.input("enableKeyRotation"));
        var keyPolicy = statements((String) key.input("policy"));
        assertEquals(
                Map.of("Service", "cloudwatch.amazonaws.com"),
                keyPolicy.get(1).get("Principal"),
                "CloudWatch cannot publish to a topic under the AWS-managed SNS key");
        var topicArn = "arn:aws:sns:eu-central-1:123456789012:tutors-prod-alarms";
        assertEquals(topicArn, result.outputs().get("alarmTopicArn"));
        // Phase 6's alarms (phase 1's NAT reboot alarms act on EC2 and are FoundationTest's)
        var all = ofType(result, MetricAlarm.class).stream()
                .filter(a -> a.phase() == 6)
                .collect(Collectors.toMap(PlannedResource::name, a -> a));
        // CloudFront's and WAF's metrics live in us-east-1: those two alarms are there, with a topic of their own.
        var global = Set.of("tutors-prod-cdn-5xx-rate", "tutors-prod-waf-blocked");
        assertEquals(global, all.keySet().stream().filter(global::contains).collect(Collectors.toSet()));
        var globalTopic = named(result, com.pulumi.aws.sns.Topic.class, "tutors-prod-alarms-global");
        assertTrue(globalTopic.providerRef().startsWith(usEast1Provider(result) + "::"));
        var cdn5xx = all.get("tutors-prod-cdn-5xx-rate");
        assertTrue(cdn5xx.providerRef().startsWith(usEast1Provider(result) + "::"));
        assertEquals(
                List.of(
                        "AWS/CloudFront",
                        "5xxErrorRate",
                        "Average",
                        5.0,
                        Map.of(
                                "DistributionId",
                                StackRuns.idOf(named(result, Distribution.class, "tutors-prod-cdn")),
                                "Region",
                                "Global")),
                List.of(
                        cdn5xx.input("namespace"),
                        cdn5xx.input("metricName"),
                        cdn5xx.input("statistic"),
                        cdn5xx.input("threshold"),
                        cdn5xx.input("dimensions")));
        var wafBlocked = all.get("tutors-prod-waf-blocked");
        assertEquals(
                List.of("AWS/WAFV2", "BlockedRequests", "Sum", Map.of("WebACL", "tutors-prod-waf", "Rule", "ALL")),
                List.of(
                        wafBlocked.input("namespace"),
                        wafBlocked.input("metricName"),
                        wafBlocked.input("statistic"),
                        wafBlocked.input("dimensions")));
        var globalArn = StackRuns.value(((com.pulumi.aws.sns.Topic) globalTopic.resource()).arn());
        assertEquals(List.of(globalArn), cdn5xx.input("alarmActions"), "an alarm notifies a topic in its own region");
        var alarms = new HashMap<>(all);
        alarms.keySet().removeAll(global);
        var albSuffix = StackRuns.value(((com.pulumi.aws.lb.LoadBalancer)
                        named(result, LoadBalancer.class, "tutors-prod-alb").resource())
                .arnSuffix());
        var backendTg = StackRuns.value(((com.pulumi.aws.lb.TargetGroup)
                        named(result, TargetGroup.class, "tutors-prod-backend").resource())
                .arnSuffix());
        assertTrue(albSuffix.startsWith("app/") && backendTg.startsWith("targetgroup/"));
        // name -> metric, statistic, operator, threshold, period, missing data, dimensions
        Map<String, List<Object>> expected = Map.of(
                "tutors-prod-backend-cpu",
                        List.of(
                                "CPUUtilization",
                                "Average",
                                "GreaterThanThreshold",
                                80.0,
                                60.0,
                                "missing",
                                Map.of("ClusterName", "tutors-prod-cluster", "ServiceName", "tutors-prod-backend")),
                "tutors-prod-frontend-memory",
                        List.of(
                                "MemoryUtilization",
                                "Average",
                                "GreaterThanThreshold",
                                80.0,
                                60.0,
                                "missing",
                                Map.of("ClusterName", "tutors-prod-cluster", "ServiceName", "tutors-prod-frontend")),
                "tutors-prod-alb-5xx",
                        List.of(
                                "HTTPCode_ELB_5XX_Count",
                                "Sum",
                                "GreaterThanThreshold",
                                10.0,
                                60.0,
                                "notBreaching",
                                Map.of("LoadBalancer", albSuffix)),
                "tutors-prod-backend-5xx",
                        List.of(
                                "HTTPCode_Target_5XX_Count",
                                "Sum",
                                "GreaterThanThreshold",
                                10.0,
                                60.0,
                                "notBreaching",
                                Map.of("LoadBalancer", albSuffix, "TargetGroup", backendTg)),
                "tutors-prod-backend-unhealthy-hosts",
                        List.of(
                                "UnHealthyHostCount",
                                "Maximum",
                                "GreaterThanThreshold",
                                0.0,
                                60.0,
                                "notBreaching",
                                Map.of("LoadBalancer", albSuffix, "TargetGroup", backendTg)),
                "tutors-prod-backend-no-healthy-hosts",
                        List.of(
                                "HealthyHostCount",
                                "Minimum",
                                "LessThanThreshold",
                                1.0,
                                60.0,
                                "breaching",
                                Map.of("LoadBalancer", albSuffix, "TargetGroup", backendTg)),
                "tutors-prod-rds-cpu",
                        List.of(
                                "CPUUtilization",
                                "Average",
                                "GreaterThanThreshold",
                                80.0,
                                60.0,
                                "missing",
                                Map.of("DBInstanceIdentifier", "tutors-prod-postgres")),
                "tutors-prod-rds-free-storage",
                        List.of(
                                "FreeStorageSpace",
                                "Minimum",
                                "LessThanThreshold",
                                5368709120.0,
                                300.0,
                                "missing",
                                Map.of("DBInstanceIdentifier", "tutors-prod-postgres")),
                "tutors-prod-redis-002-cpu",
                        List.of(
                                "EngineCPUUtilization",
                                "Average",
                                "GreaterThanThreshold",
                                80.0,
                                60.0,
                                "missing",
                                Map.of("CacheClusterId", "tutors-prod-redis-002")),
                "tutors-prod-redis-001-memory",
                        List.of(
                                "DatabaseMemoryUsagePercentage",
                                "Average",
                                "GreaterThanThreshold",
                                80.0,
                                60.0,
                                "missing",
                                Map.of("CacheClusterId", "tutors-prod-redis-001")));
        expected.forEach((name, e) -> {
            var alarm = alarms.get(name);
            assertTrue(alarm != null, "no alarm " + name);
            assertEquals(
                    e,
                    List.of(
                            AlarmInputs.of(alarm, "metricName"),
                            AlarmInputs.of(alarm, "statistic"),
                            alarm.input("comparisonOperator"),
                            alarm.input("threshold"),
                            AlarmInputs.of(alarm, "period"),
                            alarm.input("treatMissingData"),
                            AlarmInputs.of(alarm, "dimensions")),
                    name);
        });
        // 6 per service, ALB 5xx, 2 RDS, 2 per Redis node (prod has two), mail bounces and complaints.
        assertEquals(12 + 1 + 2 + 4 + 2, alarms.size());
        for (var alarm : alarms.values()) {
            assertEquals(List.of(topicArn), alarm.input("alarmActions"));
            assertEquals(List.of(topicArn), alarm.input("okActions"));
            assertTrue(((String) alarm.input("alarmDescription")).length() > 10);
            assertEquals(alarm.name(), alarm.input("name"));
        }
        assertTrue(ofType(result, TopicSubscription.class).isEmpty(), "no alarmEmail in the stack file");
    }

    @Test
    void anAlarmEmailSubscribesToTheTopic() {
        var result = StackRuns.succeeded(
                StackRuns.with("staging", StackRuns.override("tutors:alarmEmail", "ops@tutors.example.com")));
        var subscription = named(result, TopicSubscription.class, "tutors-staging-alarms-email");
        assertEquals("email", subscription.input("protocol"));
        assertEquals("ops@tutors.example.com", subscription.input("endpoint"));
        assertEquals(result.outputs().get("alarmTopicArn"), subscription.input("topic"));
    }

    @Test
    void stagingHasAlarmsOnlyAndEachPartCanBeSwitchedOff() {
        var staging = StackRuns.succeeded(StackRuns.committed("staging"));
        assertTrue(ofType(staging, Distribution.class).isEmpty());
        assertTrue(ofType(staging, WebAcl.class).isEmpty());
        // 5 per service (no "no healthy hosts": office hours scale them to zero every night), ALB 5xx,
        // 2 RDS, 2 for the one Redis node, 2 for mail; plus the NAT instance's reboot alarm in phase 1.
        assertEquals(
                10 + 1 + 2 + 2 + 2,
                ofType(staging, MetricAlarm.class).stream()
                        .filter(a -> a.phase() == 6)
                        .count());
        assertEquals(
                List.of("tutors-staging-nat-reboot"),
                ofType(staging, MetricAlarm.class).stream()
                        .filter(a -> a.phase() == 1)
                        .map(PlannedResource::name)
                        .toList());
        assertTrue(
                ofType(
                                StackRuns.succeeded(StackRuns.with(
                                        "staging", Collections.singletonMap("tutors:officeHours", null))),
                                MetricAlarm.class)
                        .stream()
                        .anyMatch(a -> a.name().equals("tutors-staging-backend-no-healthy-hosts")),
                "without office hours the down alarm is back");
        var none = StackRuns.succeeded(StackRuns.with(
                "prod",
                Map.of(
                        "tutors:cdn",
                        "false",
                        "tutors:waf",
                        "false",
                        "tutors:alarms",
                        "false",
                        "tutors:dashboard",
                        "false")));
        assertTrue(none.resources().stream().noneMatch(r -> r.phase() == 6 && r.custom()), "phase 6 declares nothing");
    }
}
