package com.tutors.infra.edge;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.blocks.AliasRecords;
import com.tutors.infra.blocks.AliasTarget;
import com.tutors.infra.blocks.Buckets;
import com.tutors.infra.core.Headers;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Phase;
import com.tutors.infra.core.Ports;
import com.tutors.infra.core.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 5: the internet-facing ALB with its target groups, listeners and path rules, the ACM
 * certificate (DNS-validated) and the Route 53 records. Without a domain: HTTP on the ALB's name.
 */
public final class Edge extends ComponentResource {

    public static final int DEREGISTRATION_DELAY_SECONDS = 30;
    /** ALB and target group names are limited to 32 characters. */
    static final int LB_NAME_LIMIT = 32;

    /** What the later phases receive. */
    public final EdgeOutputs outputs;

    private final Naming names;
    private final CustomResourceOptions child;
    private final EdgeArgs args;
    private final LoadBalancer alb;
    private boolean recordsDeclared;

    public Edge(String name, EdgeArgs args, ComponentResourceOptions options) {
        super(Phase.EDGE.componentType(), name, options);
        this.names = args.names();
        this.child = CustomResourceOptions.builder().parent(this).build();
        this.args = args;
        var s = args.settings();
        var network = args.network();

        var albArgs = LoadBalancerArgs.builder()
                .name(lbName("alb"))
                .internal(false)
                .loadBalancerType("application")
                .subnets(network.publicSubnetIds())
                .securityGroups(network.securityGroups().alb().applyValue(List::of))
                .ipAddressType(network.ipv6() ? "dualstack" : "ipv4")
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(s.deletionProtection())
                .idleTimeout(s.idleTimeoutSeconds())
                .tags(names.nameTag("alb"));
        var albOptions = CustomResourceOptions.builder().parent(this);
        if (s.accessLogs()) {
            var logs = AccessLogBucket.declare(
                    names,
                    Buckets.name(names, "alb-logs", s.bucketSuffix(), args.accountId()),
                    args.region(),
                    args.accountId(),
                    args.serverAccessLogBucket(),
                    this);
            albArgs.accessLogs(LoadBalancerAccessLogsArgs.builder()
                    .bucket(logs.bucket().bucket())
                    .prefix(EdgePolicies.ACCESS_LOG_PREFIX)
                    .enabled(true)
                    .build());
            // ELB checks that it may write before it accepts the setting.
            albOptions.dependsOn(logs.policy());
        }
        this.alb = new LoadBalancer(names.name("alb"), albArgs.build(), albOptions.build());

        var groups = new LinkedHashMap<String, TargetGroup>();
        args.upstreams()
                .forEach(u -> groups.put(u.part(), targetGroup(u.part(), u.port(), u.healthPath(), network.vpcId())));
        var fallback = fallback(args.upstreams());

        var forwardToFrontend = ListenerDefaultActionArgs.builder()
                .type("forward")
                .targetGroupArn(groups.get(fallback.part()).arn())
                .build();
        // Behind CloudFront only requests carrying the origin secret are served; anything else is refused.
        var defaultAction = args.originSecrets().isEmpty()
                ? forwardToFrontend
                : ListenerDefaultActionArgs.builder()
                        .type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                                .statusCode("403")
                                .contentType("text/plain")
                                .messageBody("Forbidden")
                                .build())
                        .build();
        Listener serving;
        Optional<EdgeOutputs.Zone> zone;
        Optional<EdgeOutputs.Mail> mail = Optional.empty();
        Output<String> certificate;
        Output<String> host;
        Output<String> url;
        if (s.domain().isPresent()) {
            var domain = s.domain().get();
            var site = SiteCertificate.declare(names, domain, s.hostedZone().orElseThrow(), this);
            zone = Optional.of(new EdgeOutputs.Zone(domain, site.zoneId(), site.validationRecordFqdn()));
            var zoneId = site.zoneId();
            mail = s.mail().map(m -> Mail.declare(names, m, args.region(), zoneId, child));
            certificate = site.certificateArn();
            serving = new Listener(
                    names.name("https"),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(Ports.HTTPS)
                            .protocol("HTTPS")
                            .sslPolicy(EdgePolicies.TLS_POLICY)
                            .certificateArn(site.certificateArn()) // waits until the certificate is issued
                            .defaultActions(defaultAction)
                            .build(),
                    child);
            new Listener(
                    names.name("http"),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(Ports.HTTP)
                            .protocol("HTTP")
                            .defaultActions(ListenerDefaultActionArgs.builder()
                                    .type("redirect")
                                    .redirect(ListenerDefaultActionRedirectArgs.builder()
                                            .protocol("HTTPS")
                                            .port(String.valueOf(Ports.HTTPS))
                                            .statusCode("HTTP_301")
                                            .build())
                                    .build())
                            .build(),
                    child);
            host = Output.of(domain);
            url = Output.of("https://" + domain);
        } else {
            // No-domain mode: plain HTTP on the ALB's own name, for a first staging deploy.
            zone = Optional.empty();
            certificate = Output.of("");
            serving = new Listener(
                    names.name("http"),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(Ports.HTTP)
                            .protocol("HTTP")
                            .defaultActions(forwardToFrontend)
                            .build(),
                    child);
            host = alb.dnsName();
            url = alb.dnsName().applyValue(dns -> "http://" + dns);
        }
        var listeners = new ArrayList<Resource>(List.of(serving));
        var routes = new java.util.TreeMap<Integer, EdgeArgs.Upstream>();
        for (var upstream : args.upstreams()) {
            upstream.routes().forEach(route -> routes.put(route.priority(), upstream));
        }
        for (var entry : routes.entrySet()) {
            var upstream = entry.getValue();
            var route = upstream.routes().stream()
                    .filter(r -> r.priority() == entry.getKey())
                    .findFirst()
                    .orElseThrow();
            var conditions = new ArrayList<ListenerRuleConditionArgs>();
            conditions.add(ListenerRuleConditionArgs.builder()
                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                            .values(route.paths())
                            .build())
                    .build());
            args.originSecrets().ifPresent(secrets -> conditions.add(originHeader(secrets)));
            listeners.add(rule(
                    upstream.part() + "-" + route.priority(),
                    serving,
                    route.priority(),
                    groups.get(upstream.part()),
                    conditions));
        }
        {
            // The buckets' paths are theirs on every stack: Next.js never answers them (the app contract).
            // Behind CloudFront its behaviours take them before the ALB; declared anyway, so a stack keeps
            // them while its CDN is turned on or off and the URNs stay the same across lastPhase.
            listeners.add(new ListenerRule(
                    names.name("static-redirect"),
                    ListenerRuleArgs.builder()
                            .listenerArn(serving.arn())
                            .priority(EdgePolicies.STATIC_PRIORITY)
                            .actions(ListenerRuleActionArgs.builder()
                                    .type("redirect")
                                    .redirect(ListenerRuleActionRedirectArgs.builder()
                                            .protocol("HTTPS")
                                            .port("443")
                                            .host(args.staticBucketDomain())
                                            .path("/#{path}")
                                            .query("#{query}")
                                            .statusCode("HTTP_302")
                                            .build())
                                    .build())
                            .conditions(pathIs(EdgePolicies.STATIC_PATHS))
                            .build(),
                    child));
            listeners.add(new ListenerRule(
                    names.name("media-not-here"),
                    ListenerRuleArgs.builder()
                            .listenerArn(serving.arn())
                            .priority(EdgePolicies.MEDIA_PRIORITY)
                            .actions(ListenerRuleActionArgs.builder()
                                    .type("fixed-response")
                                    .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                            .statusCode("404")
                                            .contentType("text/plain")
                                            .messageBody("Media is linked with presigned S3 URLs on this stack")
                                            .build())
                                    .build())
                            .conditions(pathIs(EdgePolicies.MEDIA_PATHS))
                            .build(),
                    child));
        }
        if (args.behindCdn()) {
            // Locked: only CloudFront's requests reach the frontend. Unlocked: every path does, as the default.
            var condition = args.originSecrets()
                    .map(Edge::originHeader)
                    .orElse(ListenerRuleConditionArgs.builder()
                            .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                                    .values("/*")
                                    .build())
                            .build());
            listeners.add(rule(
                    fallback.part() + "-" + EdgePolicies.FALLBACK_PRIORITY,
                    serving,
                    EdgePolicies.FALLBACK_PRIORITY,
                    groups.get(fallback.part()),
                    List.of(condition)));
        }

        this.outputs = new EdgeOutputs(
                alb.dnsName(),
                alb.zoneId(),
                alb.arn(),
                alb.arnSuffix(),
                certificate,
                host,
                host,
                url,
                zone,
                new EdgeOutputs.TargetGroups(
                        groups.entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Map.Entry::getKey,
                                        e -> new EdgeOutputs.Group(
                                                e.getValue().arn(), e.getValue().arnSuffix()),
                                        (a, b) -> a,
                                        LinkedHashMap::new)),
                        listeners),
                mail);
        registerOutputs(Map.of(
                "albDnsName",
                outputs.albDnsName(),
                "albZoneId",
                outputs.albZoneId(),
                "certificateArn",
                outputs.certificateArn(),
                "domainName",
                outputs.domainName(),
                "url",
                outputs.url()));
    }

    /** Where the domain's records point without a CDN. */
    public AliasTarget albAlias() {
        return new AliasTarget(alb.dnsName(), alb.zoneId(), true);
    }

    /**
     * Declares the domain's A (and AAAA) alias records, once the program knows where they point: the
     * ALB, or a CloudFront distribution (phase 6). Same names either way, so the switch is an update.
     */
    public void declareSiteRecords(Optional<AliasTarget> cdn) {
        if (recordsDeclared) {
            throw new IllegalStateException("site records are declared once");
        }
        recordsDeclared = true;
        outputs.zone()
                .ifPresent(zone -> AliasRecords.declare(
                        names,
                        "alias",
                        zone.zoneId(),
                        zone.domain(),
                        cdn.orElse(albAlias()),
                        args.network().ipv6(),
                        child));
    }

    private String lbName(String part) {
        var full = names.name(part);
        if (full.length() > LB_NAME_LIMIT) {
            throw new IllegalStateException(full + " is longer than the " + LB_NAME_LIMIT + " characters ELB allows");
        }
        return full;
    }

    private ListenerRule rule(
            String part,
            Listener listener,
            int priority,
            TargetGroup target,
            List<ListenerRuleConditionArgs> conditions) {
        return new ListenerRule(
                names.name(part),
                ListenerRuleArgs.builder()
                        .listenerArn(listener.arn())
                        .priority(priority)
                        .actions(ListenerRuleActionArgs.builder()
                                .type("forward")
                                .targetGroupArn(target.arn())
                                .build())
                        .conditions(conditions)
                        .build(),
                child);
    }

    /** The one upstream that serves every path no route claims; two rules may not share a priority. */
    public static EdgeArgs.Upstream fallback(List<EdgeArgs.Upstream> upstreams) {
        var fallbacks = upstreams.stream().filter(EdgeArgs.Upstream::fallback).toList();
        var priorities = upstreams.stream()
                .flatMap(u -> u.routes().stream())
                .map(Route::priority)
                .toList();
        if (fallbacks.size() != 1 || priorities.size() != new java.util.HashSet<>(priorities).size()) {
            throw new IllegalArgumentException(
                    "the web services need exactly one fallback and distinct rule priorities: " + upstreams);
        }
        return fallbacks.get(0);
    }

    private TargetGroup targetGroup(String part, int port, String healthPath, Output<String> vpcId) {
        return new TargetGroup(
                names.name(part),
                TargetGroupArgs.builder()
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
                                .matcher("200")
                                .interval(15)
                                .timeout(5)
                                .healthyThreshold(2)
                                .unhealthyThreshold(3)
                                .build())
                        .tags(names.nameTag(part))
                        .build(),
                child);
    }

    private static ListenerRuleConditionArgs pathIs(List<String> paths) {
        return ListenerRuleConditionArgs.builder()
                .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                        .values(paths)
                        .build())
                .build();
    }

    /** The header condition: any of the values (an ALB condition ORs up to five). */
    private static ListenerRuleConditionArgs originHeader(Output<List<String>> secrets) {
        return ListenerRuleConditionArgs.builder()
                .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                        .httpHeaderName(Headers.ORIGIN_VERIFY)
                        .values(secrets)
                        .build())
                .build();
    }
}
