package com.tutors.infra.optimization;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.blocks.AliasTarget;
import com.tutors.infra.core.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Phase 6, three independent parts, each built by its own class under this component (so their URNs
 * stay where they are): CloudFront in front of the ALB and both buckets ({@link Cdn}), a WAF web ACL
 * ({@link Waf}), and CloudWatch alarms to an encrypted SNS topic ({@link AlarmSet}).
 */
public final class Optimization extends ComponentResource {

    /** The dashboard, once every id it names is known; @return its console address */
    private static Output<String> dashboard(
            OptimizationArgs args,
            CustomResourceOptions child,
            Optional<Output<String>> distributionId,
            boolean wafOnCdn) {
        var names = args.names();
        var compute = args.compute();
        var edge = args.edge();
        var data = args.data();
        var s = args.settings();
        // One apply over every id: the fixed four, then each service's name and (web) its target group.
        var services = compute.services();
        var ids = new ArrayList<Output<String>>(List.of(
                compute.ecsClusterName(),
                edge.albArnSuffix(),
                data.rdsIdentifier(),
                distributionId.orElse(Output.of(""))));
        for (var service : services) {
            ids.add(service.name());
            ids.add(
                    service.web()
                            ? edge.targetGroups().byPart().get(service.part()).arnSuffix()
                            : Output.of(""));
        }
        var body = Output.all(ids)
                .apply(v -> data.cacheClusterIds().applyValue(nodes -> {
                    var rows = new ArrayList<Dashboard.Service>();
                    for (int i = 0; i < services.size(); i++) {
                        var service = services.get(i);
                        rows.add(new Dashboard.Service(
                                service.part(),
                                v.get(4 + 2 * i),
                                service.web() ? Optional.of(v.get(5 + 2 * i)) : Optional.empty()));
                    }
                    return Dashboard.body(
                            new Dashboard.Ids(
                                    args.region(),
                                    v.get(0),
                                    rows,
                                    v.get(1),
                                    v.get(2),
                                    nodes,
                                    v.get(3),
                                    names.name(Waf.part("CLOUDFRONT")),
                                    edge.mail().map(m -> m.configurationSetName())),
                            data.redisNodes(),
                            s.cdn(),
                            wafOnCdn);
                }));
        var name = names.name("dashboard");
        new com.pulumi.aws.cloudwatch.Dashboard(
                name,
                com.pulumi.aws.cloudwatch.DashboardArgs.builder()
                        .dashboardName(name)
                        .dashboardBody(body)
                        .build(),
                child);
        return Output.of("https://" + args.region() + ".console.aws.amazon.com/cloudwatch/home?region=" + args.region()
                + "#dashboards:name=" + name);
    }

    /** What the stack exports and the late declarations of phases 3 and 5 need. */
    public final OptimizationOutputs outputs;

    public Optimization(String name, OptimizationArgs args, ComponentResourceOptions options) {
        super(Phase.OPTIMIZATION.componentType(), name, options);
        var names = args.names();
        var child = CustomResourceOptions.builder().parent(this).build();
        var s = args.settings();
        // In us-east-1 when CloudFront is its scope: CloudFront's certificates and web ACLs live there.
        var global = args.usEast1()
                .map(p ->
                        CustomResourceOptions.builder().parent(this).provider(p).build());

        Optional<Output<String>> waf = s.waf()
                ? Optional.of(
                        Waf.declare(args, s.cdn() ? global.orElseThrow() : child, s.cdn() ? "CLOUDFRONT" : "REGIONAL"))
                : Optional.empty();
        if (waf.isPresent() && !s.cdn()) {
            new WebAclAssociation(
                    names.name("waf"),
                    WebAclAssociationArgs.builder()
                            .resourceArn(args.edge().albArn())
                            .webAclArn(waf.get())
                            .build(),
                    child);
        }
        var distribution = s.cdn()
                ? Optional.of(Cdn.declare(args, child, global.orElseThrow(), waf))
                : Optional.<Distribution>empty();
        distribution.ifPresent(d -> CdnLogs.declare(args, d, global.orElseThrow()));
        var alarmTopic = s.alarms()
                ? Optional.of(AlarmSet.declare(
                        args,
                        child,
                        global,
                        distribution.map(d -> d.id()),
                        waf.isPresent() && s.cdn()
                                ? Optional.of(Output.of(args.names().name(Waf.part("CLOUDFRONT"))))
                                : Optional.empty()))
                : Optional.<Output<String>>empty();
        this.outputs = new OptimizationOutputs(
                distribution.map(d -> d.domainName()),
                distribution.map(d -> d.id()),
                distribution.map(d -> d.arn()),
                waf,
                alarmTopic,
                s.dashboard()
                        ? Optional.of(dashboard(args, child, distribution.map(d -> d.id()), waf.isPresent() && s.cdn()))
                        : Optional.empty(),
                distribution.map(
                        d -> new AliasTarget(d.domainName(), Output.of(CdnSettings.CLOUDFRONT_ZONE_ID), false)));

        var exported = new LinkedHashMap<String, Output<?>>();
        outputs.cdnDomainName().ifPresent(o -> exported.put("cdnDomainName", o));
        outputs.distributionId().ifPresent(o -> exported.put("distributionId", o));
        outputs.alarmTopicArn().ifPresent(o -> exported.put("alarmTopicArn", o));
        outputs.dashboardUrl().ifPresent(o -> exported.put("dashboardUrl", o));
        registerOutputs(exported);
    }
}
