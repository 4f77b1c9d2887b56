package com.tutors.infra.edge;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.compute.Compute;
import com.tutors.infra.config.EdgeSettings;
import com.tutors.infra.config.Naming;
import com.tutors.infra.config.Phase;
import com.tutors.infra.storage.Buckets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Phase 5: the internet-facing ALB with its target groups, listeners and path rules, the ACM
 * certificate (DNS-validated) and the Route 53 records. Without a domain: HTTP on the ALB's name.
 */
public final class Edge extends ComponentResource {

    /** Phase 1's outputs. */
    /**
     * @param originSecret when CloudFront fronts the site (phase 6): the ALB then answers only requests
     *                     carrying this value in {@link EdgePolicies#ORIGIN_HEADER}
     */
    public record Args(Naming names, EdgeSettings settings, String region, Output<String> accountId, boolean ipv6,
                       Output<String> vpcId,
                       Output<List<String>> publicSubnetIds, Output<String> albSecurityGroupId,
                       java.util.Optional<Output<String>> originSecret) {
    }

    public static final int DEREGISTRATION_DELAY_SECONDS = 30;
    public static final int ACCESS_LOG_DAYS = 90;
    /** ALB and target group names are limited to 32 characters. */
    static final int LB_NAME_LIMIT = 32;

    public final Output<String> albDnsName;
    public final Output<String> albZoneId;
    public final Output<String> albArnSuffix;
    public final Output<String> albArn;
    /** Present with a domain: the Route 53 zone and the certificate's validation record. */
    public final java.util.Optional<Output<String>> zoneId;
    public final java.util.Optional<Output<String>> validationRecordFqdn;
    public final Output<String> backendTargetGroupArn;
    public final Output<String> frontendTargetGroupArn;
    public final Output<String> backendTargetGroupArnSuffix;
    public final Output<String> frontendTargetGroupArnSuffix;
    /** Empty in no-domain mode. */
    public final Output<String> certificateArn;
    public final Output<String> domainName;
    /** The host users reach (domain, or the ALB's name) and the address a person opens. */
    public final Output<String> host;
    public final Output<String> url;
    /** The listener that serves traffic and its rules: the ECS services must wait for them. */
    public final List<Resource> servingListeners;

    private final Naming names;
    private final CustomResourceOptions child;
    private final Args args;
    private final LoadBalancer alb;
    private boolean recordsDeclared;

    public Edge(String name, Args args, ComponentResourceOptions options) {
        super(Phase.EDGE.componentType(), name, options);
        this.names = args.names();
        this.child = CustomResourceOptions.builder().parent(this).build();
        this.args = args;
        var s = args.settings();

        var albArgs = LoadBalancerArgs.builder()
                .name(lbName("alb"))
                .internal(false)
                .loadBalancerType("application")
                .subnets(args.publicSubnetIds())
                .securityGroups(args.albSecurityGroupId().applyValue(List::of))
                .ipAddressType(args.ipv6() ? "dualstack" : "ipv4")
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(s.deletionProtection())
                .idleTimeout(s.idleTimeoutSeconds())
                .tags(names.nameTag("alb"));
        var albOptions = CustomResourceOptions.builder().parent(this);
        if (s.accessLogs()) {
            var logs = accessLogBucket(s, args.region(), args.accountId());
            albArgs.accessLogs(LoadBalancerAccessLogsArgs.builder()
                    .bucket(logs.bucket.bucket()).prefix(EdgePolicies.ACCESS_LOG_PREFIX).enabled(true).build());
            // ELB checks that it may write before it accepts the setting.
            albOptions.dependsOn(logs.policy);
        }
        this.alb = new LoadBalancer(names.name("alb"), albArgs.build(), albOptions.build());

        var backend = targetGroup("backend", Compute.BACKEND_PORT, "/api/health/", "200", args.vpcId());
        var frontend = targetGroup("frontend", Compute.FRONTEND_PORT, "/", "200-399", args.vpcId());

        var forwardToFrontend = ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(frontend.arn()).build();
        // Behind CloudFront only requests carrying the origin secret are served; anything else is refused.
        var defaultAction = args.originSecret().isEmpty() ? forwardToFrontend : ListenerDefaultActionArgs.builder()
                .type("fixed-response")
                .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                        .statusCode("403").contentType("text/plain").messageBody("Forbidden").build())
                .build();
        Listener serving;
        Output<String> certificate;
        if (s.domain().isPresent()) {
            var domain = s.domain().get();
            var zoneArgs = s.hostedZone().orElseThrow().matches("Z[A-Z0-9]+")
                    ? GetZoneArgs.builder().zoneId(s.hostedZone().get())
                    : GetZoneArgs.builder().name(s.hostedZone().get());
            var zoneId = Route53Functions.getZone(zoneArgs.privateZone(false).build(), new InvokeOptions(this, null, null))
                    .applyValue(z -> z.zoneId());
            var validated = certificate(domain, zoneId);
            this.zoneId = java.util.Optional.of(zoneId);
            this.validationRecordFqdn = java.util.Optional.of(validated.validationRecordFqdns().applyValue(l -> l.orElseThrow().get(0)));
            certificate = validated.certificateArn();
            serving = new Listener(names.name("https"), ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(443)
                    .protocol("HTTPS")
                    .sslPolicy(EdgePolicies.TLS_POLICY)
                    .certificateArn(validated.certificateArn()) // waits until the certificate is issued
                    .defaultActions(defaultAction)
                    .build(), child);
            new Listener(names.name("http"), ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(80)
                    .protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder().type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                            .build())
                    .build(), child);
            this.host = Output.of(domain);
            this.url = Output.of("https://" + domain);
            this.domainName = Output.of(domain);
        } else {
            // No-domain mode: plain HTTP on the ALB's own name, for a first staging deploy.
            certificate = Output.of("");
            this.zoneId = java.util.Optional.empty();
            this.validationRecordFqdn = java.util.Optional.empty();
            serving = new Listener(names.name("http"), ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(80)
                    .protocol("HTTP")
                    .defaultActions(forwardToFrontend)
                    .build(), child);
            this.host = alb.dnsName();
            this.url = alb.dnsName().applyValue(dns -> "http://" + dns);
            this.domainName = alb.dnsName();
        }
        var listeners = new ArrayList<Resource>(List.of(serving));
        for (var route : EdgePolicies.BACKEND_ROUTES) {
            var conditions = new ArrayList<ListenerRuleConditionArgs>();
            conditions.add(ListenerRuleConditionArgs.builder()
                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(route.paths()).build())
                    .build());
            args.originSecret().ifPresent(secret -> conditions.add(originHeader(secret)));
            listeners.add(new ListenerRule(names.name("backend-" + route.priority()), ListenerRuleArgs.builder()
                    .listenerArn(serving.arn())
                    .priority(route.priority())
                    .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(backend.arn()).build())
                    .conditions(conditions)
                    .build(), child));
        }
        args.originSecret().ifPresent(secret -> listeners.add(new ListenerRule(names.name("frontend-"
                + EdgePolicies.FRONTEND_PRIORITY), ListenerRuleArgs.builder()
                .listenerArn(serving.arn())
                .priority(EdgePolicies.FRONTEND_PRIORITY)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(frontend.arn()).build())
                .conditions(originHeader(secret))
                .build(), child)));

        this.servingListeners = List.copyOf(listeners);
        this.albDnsName = alb.dnsName();
        this.albZoneId = alb.zoneId();
        this.albArnSuffix = alb.arnSuffix();
        this.albArn = alb.arn();
        this.backendTargetGroupArn = backend.arn();
        this.frontendTargetGroupArn = frontend.arn();
        this.backendTargetGroupArnSuffix = backend.arnSuffix();
        this.frontendTargetGroupArnSuffix = frontend.arnSuffix();
        this.certificateArn = certificate;
        registerOutputs(Map.of("albDnsName", albDnsName, "albZoneId", albZoneId, "certificateArn", certificateArn,
                "domainName", domainName, "url", url));
    }

    private String lbName(String part) {
        var full = names.name(part);
        if (full.length() > LB_NAME_LIMIT) {
            throw new IllegalStateException(full + " is longer than the " + LB_NAME_LIMIT + " characters ELB allows");
        }
        return full;
    }

    private TargetGroup targetGroup(String part, int port, String healthPath, String matcher, Output<String> vpcId) {
        return new TargetGroup(names.name(part), TargetGroupArgs.builder()
                .name(lbName(part))
                .targetType("ip") // Fargate tasks register by IP (awsvpc)
                .protocol("HTTP")
                .port(port)
                .ipAddressType("ipv4")
                .vpcId(vpcId)
                // Short: a rolling deploy waits this long for each old task's connections to drain.
                .deregistrationDelay(DEREGISTRATION_DELAY_SECONDS)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .path(healthPath)
                        .matcher(matcher)
                        .interval(15)
                        .timeout(5)
                        .healthyThreshold(2)
                        .unhealthyThreshold(3)
                        .build())
                .tags(names.nameTag(part))
                .build(), child);
    }

    /**
     * The certificate covers the apex (the A record's name) and the wildcard. Both names need the same
     * validation record, so it is created once, from the apex's validation option.
     */
    private CertificateValidation certificate(String domain, Output<String> zoneId) {
        var cert = new Certificate(names.name("certificate"), CertificateArgs.builder()
                .domainName(domain)
                .subjectAlternativeNames("*." + domain)
                .validationMethod("DNS")
                .tags(names.nameTag("certificate"))
                .build(), child);
        var option = cert.domainValidationOptions().applyValue(options -> options.stream()
                .filter(o -> o.domainName().orElse("").equals(domain)).findFirst()
                .orElseThrow(() -> new IllegalStateException("ACM returned no validation option for " + domain)));
        var record = new Record(names.name("certificate-validation"), RecordArgs.builder()
                .zoneId(zoneId)
                .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                .ttl(60)
                .allowOverwrite(true) // a re-created certificate gets the same record
                .build(), child);
        return new CertificateValidation(names.name("certificate"), CertificateValidationArgs.builder()
                .certificateArn(cert.arn())
                .validationRecordFqdns(record.fqdn().applyValue(List::of))
                .build(), child);
    }

    private static ListenerRuleConditionArgs originHeader(Output<String> secret) {
        return ListenerRuleConditionArgs.builder()
                .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                        .httpHeaderName(EdgePolicies.ORIGIN_HEADER).values(secret.applyValue(List::of)).build())
                .build();
    }

    /** An alias target: a load balancer or a CloudFront distribution. */
    public record AliasTarget(Output<String> dnsName, Output<String> zoneId, boolean evaluateTargetHealth) {
    }

    /**
     * Declares the domain's A (and AAAA) alias records, once the program knows where they point: the
     * ALB, or a CloudFront distribution (phase 6). Same names either way, so the switch is an update.
     */
    public void declareSiteRecords(java.util.Optional<AliasTarget> cdn) {
        if (recordsDeclared) {
            throw new IllegalStateException("site records are declared once");
        }
        recordsDeclared = true;
        if (zoneId.isEmpty()) {
            return; // no-domain mode
        }
        var target = cdn.orElse(new AliasTarget(alb.dnsName(), alb.zoneId(), true));
        for (var type : args.ipv6() ? List.of("A", "AAAA") : List.of("A")) {
            new Record(names.name("alias-" + type.toLowerCase()), RecordArgs.builder()
                    .zoneId(zoneId.get())
                    .name(args.settings().domain().orElseThrow())
                    .type(type)
                    .aliases(RecordAliasArgs.builder()
                            .name(target.dnsName()).zoneId(target.zoneId()).evaluateTargetHealth(target.evaluateTargetHealth())
                            .build())
                    .build(), child);
        }
    }

    private record LogBucket(BucketV2 bucket, BucketPolicy policy) {
    }

    private LogBucket accessLogBucket(EdgeSettings s, String region, Output<String> accountId) {
        var part = "alb-logs";
        // Logs expire anyway: they must not block a teardown.
        var declared = Buckets.declare(names, part, s.logBucket(), true, false, child, child);
        var bucket = declared.bucket();
        var access = declared.accessBlock();
        new BucketLifecycleConfigurationV2(names.name(part), BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(ACCESS_LOG_DAYS).build())
                        .build())
                .build(), child);
        var policy = new BucketPolicy(names.name(part), BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), accountId)
                        .applyValue(t -> EdgePolicies.accessLogBucketPolicy(t.t1, region, t.t2)))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(access).build());
        return new LogBucket(bucket, policy);
    }
}
