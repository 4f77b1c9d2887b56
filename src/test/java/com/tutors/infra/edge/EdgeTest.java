package com.tutors.infra.edge;

import static com.tutors.infra.Containers.container;
import static com.tutors.infra.Containers.pairs;
import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase 5 for both committed stacks, and no-domain mode. */
class EdgeTest {

    /** Up to phase 5: the LoadBalancer.class serves the domain itself (OptimizationTest covers the CDN in front). */
    private static OfflineRun.Result run(String stack) {
        return StackRuns.succeeded(StackRuns.with(stack, StackRuns.override("tutors:lastPhase", "5")));
    }

    private static String domain(String stack) {
        return stack.equals("prod") ? "tutors.example.com" : "staging.tutors.example.com";
    }

    private static OfflineRun.Result noDomain() {
        var overrides = new HashMap<String, String>();
        overrides.put("tutors:domain", null);
        overrides.put("tutors:hostedZone", null);
        return StackRuns.succeeded(StackRuns.with("staging", overrides));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void albIsPublicDualStackAndStrictAboutHeaders(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var alb = named(result, LoadBalancer.class, env + "alb");
        assertEquals(env + "alb", alb.input("name"));
        assertEquals(false, alb.input("internal"));
        assertEquals("application", alb.input("loadBalancerType"));
        assertEquals(result.outputs().get("publicSubnetIds"), alb.input("subnets"));
        assertEquals(
                List.of(((Map<?, ?>) result.outputs().get("securityGroupIds")).get("alb")),
                alb.input("securityGroups"));
        assertEquals("dualstack", alb.input("ipAddressType"), "the VPC has IPv6 in both stacks");
        assertEquals(true, alb.input("dropInvalidHeaderFields"));
        assertEquals(stack.equals("prod"), alb.input("enableDeletionProtection"));
        assertEquals(60.0, alb.input("idleTimeout"));
        assertEquals(dns(alb), result.outputs().get("albDnsName"));
        assertEquals("Z215JYRZR1TBD5", result.outputs().get("albZoneId"));
    }

    @Test
    void prodWritesAccessLogsToAnEncryptedBucketOnlyTheElbMayWrite() {
        var result = run("prod");
        var alb = named(result, LoadBalancer.class, "tutors-prod-alb");
        assertEquals(
                Map.of("bucket", StackRuns.bucket("prod", "alb-logs"), "prefix", "alb", "enabled", true),
                alb.input("accessLogs"));
        var policy = named(result, BucketPolicy.class, "tutors-prod-alb-logs");
        assertTrue(
                alb.dependencies().contains(policy.urn()), "the ALB checks it may write before accepting the setting");
        @SuppressWarnings("unchecked")
        var statements = (List<Map<String, Object>>)
                new Gson().fromJson((String) policy.input("policy"), Map.class).get("Statement");
        assertEquals("Deny", statements.get(0).get("Effect"));
        var delivery = statements.get(1);
        assertEquals(
                Map.of("AWS", "arn:aws:iam::054676820928:root"),
                delivery.get("Principal"),
                "eu-central-1's ELB account");
        assertEquals(List.of("s3:PutObject"), delivery.get("Action"));
        assertEquals(
                List.of("arn:aws:s3:::" + StackRuns.bucket("prod", "alb-logs") + "/alb/AWSLogs/123456789012/*"),
                delivery.get("Resource"));
        var sse = named(result, BucketServerSideEncryptionConfigurationV2.class, "tutors-prod-alb-logs");
        assertEquals(
                List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"))),
                sse.input("rules"));
        var lifecycle = named(result, BucketLifecycleConfigurationV2.class, "tutors-prod-alb-logs");
        assertEquals(Map.of("days", 90.0), ((Map<?, ?>) ((List<?>) lifecycle.input("rules")).get(0)).get("expiration"));
        var access = named(result, BucketPublicAccessBlock.class, "tutors-prod-alb-logs");
        assertEquals(true, access.input("blockPublicPolicy"));
        assertEquals(
                null,
                named(run("staging"), LoadBalancer.class, "tutors-staging-alb").input("accessLogs"),
                "off in staging");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void targetGroupsRegisterTaskIpsAndCheckHealth(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var expected = Map.of(
                "backend", List.of(8000.0, "/api/health/", "200"), "frontend", List.of(3000.0, "/healthz", "200"));
        expected.forEach((part, values) -> {
            var tg = named(result, TargetGroup.class, env + part);
            assertTrue(((String) tg.input("name")).length() <= 32);
            assertEquals("ip", tg.input("targetType"));
            assertEquals("HTTP", tg.input("protocol"));
            assertEquals(values.get(0), tg.input("port"));
            assertEquals(result.outputs().get("vpcId"), tg.input("vpcId"));
            assertEquals(30.0, tg.input("deregistrationDelay"));
            assertEquals(
                    Map.of(
                            "enabled",
                            true,
                            "protocol",
                            "HTTP",
                            "path",
                            values.get(1),
                            "matcher",
                            values.get(2),
                            "interval",
                            15.0,
                            "timeout",
                            5.0,
                            "healthyThreshold",
                            2.0,
                            "unhealthyThreshold",
                            3.0),
                    tg.input("healthCheck"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void httpsWithAModernPolicyAndHttpRedirects(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var albArn = idOf(named(result, LoadBalancer.class, env + "alb"));
        var https = named(result, Listener.class, env + "https");
        assertEquals(albArn, https.input("loadBalancerArn"));
        assertEquals(443.0, https.input("port"));
        assertEquals("HTTPS", https.input("protocol"));
        assertEquals(
                "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                https.input("sslPolicy"),
                "a policy Security Hub ELB.17 accepts");
        var certificate = named(result, com.pulumi.aws.acm.Certificate.class, env + "certificate");
        assertEquals(idOf(certificate), https.input("certificateArn"));
        assertEquals(idOf(certificate), result.outputs().get("certificateArn"));
        assertTrue(
                https.dependencies()
                        .contains(named(result, CertificateValidation.class, env + "certificate")
                                .urn()),
                "the listener waits for the certificate to be issued");
        assertEquals(
                List.of(Map.of(
                        "type", "forward", "targetGroupArn", idOf(named(result, TargetGroup.class, env + "frontend")))),
                https.input("defaultActions"));
        var http = named(result, Listener.class, env + "http");
        assertEquals(80.0, http.input("port"));
        assertEquals(
                List.of(Map.of(
                        "type",
                        "redirect",
                        "redirect",
                        Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"))),
                http.input("defaultActions"));
        assertRules(result, https, idOf(named(result, TargetGroup.class, env + "backend")));
    }

    private static void assertRules(OfflineRun.Result result, PlannedResource listener, String backendTg) {
        var rules = ofType(result, ListenerRule.class);
        var priorities = new java.util.HashSet<Object>();
        for (var rule : rules) {
            assertEquals(idOf(listener), rule.input("listenerArn"));
            assertTrue(priorities.add(rule.input("priority")), "priorities are unique");
        }
        assertTrue(rules.stream()
                .anyMatch(r -> ((List<?>) r.input("actions")).toString().contains(backendTg)));
    }

    /** Every path the seed and NextAuth use, and where the declared listener must send it. */
    private static final Map<String, String> ROUTING = Map.ofEntries(
            Map.entry("/", "frontend"),
            Map.entry("/tutors/42", "frontend"),
            Map.entry("/login", "frontend"),
            Map.entry("/_next/static/chunks/app.js", "frontend"),
            Map.entry("/apiary", "frontend"),
            Map.entry("/api", "backend"),
            Map.entry("/api/", "backend"),
            Map.entry("/api/health/", "backend"),
            Map.entry("/api/v1/lessons/", "backend"),
            Map.entry("/admin", "backend"),
            Map.entry("/admin/login/", "backend"),
            Map.entry("/api/auth", "frontend"),
            Map.entry("/api/auth/session", "frontend"),
            Map.entry("/api/auth/csrf", "frontend"),
            Map.entry("/api/auth/signin", "frontend"),
            Map.entry("/api/auth/signout", "frontend"),
            Map.entry("/api/auth/providers", "frontend"),
            Map.entry("/api/auth/callback/google", "frontend"),
            Map.entry("/api/authors/", "backend"));

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void theRoutingTableSendsEveryPathToItsService(String stack) {
        var result = StackRuns.succeeded(StackRuns.committed(stack)); // prod: behind the CDN, locked
        var listener = named(result, Listener.class, "tutors-" + stack + "-https");
        var header = Map.of("X-Origin-Verify", StackRuns.FAKE_SECRETS.get("tutors:originSecret"));
        boolean locked = stack.equals("prod");
        ROUTING.forEach((path, expected) -> {
            assertEquals(expected, Routing.resolve(result, listener, path, header), path);
            assertEquals(
                    locked ? "403" : expected,
                    Routing.resolve(result, listener, path, Map.of()),
                    path + (locked ? ": behind the CDN only CloudFront's requests are served" : ""));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void certificateCoversApexAndWildcardWithOneValidationRecord(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var domain = domain(stack);
        var certificate = named(result, com.pulumi.aws.acm.Certificate.class, env + "certificate");
        assertEquals(domain, certificate.input("domainName"));
        assertEquals(List.of("*." + domain), certificate.input("subjectAlternativeNames"));
        assertEquals("DNS", certificate.input("validationMethod"));
        var records = ofType(result, com.pulumi.aws.route53.Record.class).stream()
                .filter(r -> "CNAME".equals(r.input("type"))
                        && !String.valueOf(r.input("name")).contains("._domainkey."))
                .toList();
        assertEquals(1, records.size(), "apex and wildcard share one validation record");
        var record = records.get(0);
        assertTrue(((String) record.input("name")).endsWith("." + domain + "."));
        assertTrue(((String) ((List<?>) record.input("records")).get(0)).endsWith(".acm-validations.aws."));
        var validation = named(result, CertificateValidation.class, env + "certificate");
        assertEquals(idOf(certificate), validation.input("certificateArn"));
        assertEquals(
                List.of(((String) record.input("name")).replaceAll("\\.$", "")),
                validation.input("validationRecordFqdns"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void aliasRecordsPointTheDomainAtTheAlbInTheLookedUpZone(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var alb = named(result, LoadBalancer.class, env + "alb");
        var types = new HashSet<Object>();
        var zones = new HashSet<Object>();
        for (var record : ofType(result, com.pulumi.aws.route53.Record.class)) {
            zones.add(record.input("zoneId"));
            if (record.input("aliases") == null) {
                continue;
            }
            types.add(record.input("type"));
            assertEquals(domain(stack), record.input("name"));
            assertEquals(
                    List.of(Map.of("name", dns(alb), "zoneId", "Z215JYRZR1TBD5", "evaluateTargetHealth", true)),
                    record.input("aliases"));
        }
        assertEquals(java.util.Set.of("A", "AAAA"), types, "AAAA because the ALB is dual-stack");
        assertEquals(1, zones.size(), "every record in the one zone looked up for tutors.example.com");
        assertEquals("https://" + domain(stack), result.outputs().get("url"));
        assertEquals(domain(stack), result.outputs().get("domainName"));
    }

    @Test
    void withoutADomainTheAlbServesHttpOnItsOwnName() {
        var result = noDomain();
        var env = "tutors-staging-";
        var alb = named(result, LoadBalancer.class, env + "alb");
        assertTrue(ofType(result, com.pulumi.aws.acm.Certificate.class).isEmpty());
        assertTrue(ofType(result, com.pulumi.aws.route53.Record.class).isEmpty());
        var listeners = ofType(result, Listener.class);
        assertEquals(1, listeners.size());
        var http = listeners.get(0);
        assertEquals(80.0, http.input("port"));
        assertEquals(
                List.of(Map.of(
                        "type", "forward", "targetGroupArn", idOf(named(result, TargetGroup.class, env + "frontend")))),
                http.input("defaultActions"));
        assertRules(result, http, idOf(named(result, TargetGroup.class, env + "backend")));
        var dns = dns(alb);
        assertEquals("http://" + dns, result.outputs().get("url"));
        assertTrue(!result.outputs().containsKey("certificateArn"));
        var backend = pairs(container(named(result, TaskDefinition.class, env + "backend")), "environment", "value");
        assertEquals(dns, backend.get("ALLOWED_HOSTS"));
        assertEquals("http://" + dns, backend.get("CSRF_TRUSTED_ORIGINS"));
        var frontend = pairs(container(named(result, TaskDefinition.class, env + "frontend")), "environment", "value");
        assertEquals("http://" + dns + "/api", frontend.get("API_URL"));
        for (var service : ofType(result, com.pulumi.aws.ecs.Service.class)) {
            assertTrue(service.dependencies().contains(http.urn()));
        }
    }

    @Test
    void withoutIpv6TheAlbIsIpv4AndThereIsNoAaaaRecord() {
        var result = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:ipv6", "false")));
        assertEquals(
                "ipv4", named(result, LoadBalancer.class, "tutors-prod-alb").input("ipAddressType"));
        assertTrue(ofType(result, com.pulumi.aws.route53.Record.class).stream()
                .noneMatch(r -> "AAAA".equals(r.input("type"))));
    }

    @Test
    void elbLogDeliveryUsesTheServicePrincipalInNewerRegions() {
        var policy = new Gson()
                .fromJson(EdgePolicies.accessLogBucketPolicy("arn:aws:s3:::b", "ap-southeast-5", "1"), Map.class);
        var delivery = (Map<?, ?>) ((List<?>) policy.get("Statement")).get(1);
        assertEquals(Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"), delivery.get("Principal"));
    }

    private static String dns(PlannedResource alb) {
        return StackRuns.value(((com.pulumi.aws.lb.LoadBalancer) alb.resource()).dnsName());
    }
}
