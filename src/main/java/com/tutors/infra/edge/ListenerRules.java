package com.tutors.infra.edge;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.core.Headers;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Phase 5's routing to the web services: a target group per upstream and the serving listener's rules
 * (each upstream's routes, the buckets' paths, and behind CloudFront the fallback's own catch-all). Its
 * resources keep the Edge component as parent, so no URN moved when it was split out.
 */
final class ListenerRules {
    private final Naming names;
    private final EdgeArgs args;
    private final CustomResourceOptions child;

    ListenerRules(Naming names, EdgeArgs args, CustomResourceOptions child) {
        this.names = names;
        this.args = args;
        this.child = child;
    }

    /** A target group per web service, by part, in the upstreams' order. */
    Map<String, TargetGroup> targetGroups(Output<String> vpcId) {
        var groups = new LinkedHashMap<String, TargetGroup>();
        args.upstreams().forEach(u -> groups.put(u.part(), targetGroup(u.part(), u.port(), u.healthPath(), vpcId)));
        return groups;
    }

    /** The serving listener and its rules, lowest priority first: what a service must wait for. */
    List<Resource> rules(Listener serving, Map<String, TargetGroup> groups, EdgeArgs.Upstream fallback) {
        var listeners = new ArrayList<Resource>(List.of(serving));
        var routes = new TreeMap<Integer, EdgeArgs.Upstream>();
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
                    .map(ListenerRules::originHeader)
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

        return listeners;
    }

    /** The one upstream that serves every path no route claims; two rules may not share a priority. */
    static EdgeArgs.Upstream fallback(List<EdgeArgs.Upstream> upstreams) {
        var fallbacks = upstreams.stream().filter(EdgeArgs.Upstream::fallback).toList();
        var priorities = upstreams.stream()
                .flatMap(u -> u.routes().stream())
                .map(Route::priority)
                .toList();
        if (fallbacks.size() != 1 || priorities.size() != new HashSet<>(priorities).size()) {
            throw new IllegalArgumentException(
                    "the web services need exactly one fallback and distinct rule priorities: " + upstreams);
        }
        return fallbacks.get(0);
    }

    /** ALB and target group names are limited to 32 characters. */
    static String lbName(Naming names, String part) {
        var full = names.name(part);
        if (full.length() > Edge.LB_NAME_LIMIT) {
            throw new IllegalStateException(
                    full + " is longer than the " + Edge.LB_NAME_LIMIT + " characters ELB allows");
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

    private TargetGroup targetGroup(String part, int port, String healthPath, Output<String> vpcId) {
        return new TargetGroup(
                names.name(part),
                TargetGroupArgs.builder()
                        .name(lbName(names, part))
                        .targetType("ip") // Fargate tasks register by IP (awsvpc)
                        .protocol("HTTP")
                        .port(port)
                        .ipAddressType("ipv4")
                        .vpcId(vpcId)
                        // Short: a rolling deploy waits this long for each old task's connections to drain.
                        .deregistrationDelay(Edge.DEREGISTRATION_DELAY_SECONDS)
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
