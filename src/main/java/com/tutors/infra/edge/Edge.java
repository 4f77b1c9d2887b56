package com.tutors.infra.edge;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.blocks.AliasRecords;
import com.tutors.infra.blocks.AliasTarget;
import com.tutors.infra.blocks.Buckets;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Phase;
import com.tutors.infra.core.Ports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
                .name(ListenerRules.lbName(names, "alb"))
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

        var rules = new ListenerRules(names, args, child);
        var groups = rules.targetGroups(network.vpcId());
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
        var listeners = rules.rules(serving, groups, fallback);

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
                                .collect(Collectors.toMap(
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

    /** The one upstream that serves every path no route claims; two rules may not share a priority. */
    public static EdgeArgs.Upstream fallback(List<EdgeArgs.Upstream> upstreams) {
        return ListenerRules.fallback(upstreams);
    }
}
