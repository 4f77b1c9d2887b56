package com.tutors.infra;

import com.pulumi.core.Output;
import com.tutors.infra.compute.AppService;
import com.tutors.infra.compute.ComputeArgs;
import com.tutors.infra.edge.EdgeArgs;
import com.tutors.infra.edge.EdgeOutputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one phase's outputs and the settings become another phase's inputs: the pieces of {@link Main}'s
 * wiring that are decisions (which services the load balancer serves, which origin values it accepts,
 * where the site is reached), kept apart so they read, and test, on their own.
 */
public final class PhaseLinks {
    private PhaseLinks() {}

    /** The web services as the load balancer sees them. */
    public static List<EdgeArgs.Upstream> upstreams(List<AppService> services) {
        return services.stream()
                .flatMap(s -> s.http().stream()
                        .map(h -> new EdgeArgs.Upstream(s.part(), h.port(), h.healthPath(), h.routes(), h.fallback())))
                .toList();
    }

    /** Each web service's target group, with the label its requests-per-target scaling names. */
    static Map<String, ComputeArgs.TargetGroup> targetGroups(EdgeOutputs edge) {
        var out = new LinkedHashMap<String, ComputeArgs.TargetGroup>();
        edge.targetGroups()
                .byPart()
                .forEach((part, group) -> out.put(
                        part,
                        new ComputeArgs.TargetGroup(
                                group.arn(),
                                Output.tuple(edge.albArnSuffix(), group.arnSuffix())
                                        .applyValue(t -> t.t1 + "/" + t.t2))));
        return out;
    }

    /**
     * The origin header values the ALB accepts: only when CloudFront fronts it and the lock is on (a
     * separate step: docs/operations.md); during a rotation the previous value too, until every edge sends the new one.
     */
    static Optional<Output<List<String>>> originSecrets(StackSettings settings) {
        var opt = settings.optimization();
        if (!(settings.cdn() && opt.originLock()) || opt.originSecret().isEmpty()) {
            return Optional.empty();
        }
        var current = opt.originSecret().get().output();
        return Optional.of(opt.originSecretPrevious()
                .map(previous -> Output.tuple(current, previous.output()).applyValue(t -> List.of(t.t1, t.t2)))
                .orElseGet(() -> current.applyValue(List::of)));
    }

    /** Where users reach the site: phase 5's host, else the domain, else nothing routes yet (phase 4 alone). */
    static ComputeArgs.Site site(StackSettings settings, Optional<EdgeOutputs> edge) {
        var cdnHost = settings.cdn() ? settings.domain() : Optional.<String>empty();
        // Media moves to CloudFront with the lock, once DNS points there (turning the CDN on is two steps).
        boolean media = cdnHost.isPresent() && settings.optimization().originLock();
        return edge.map(e -> new ComputeArgs.Site(e.host(), e.url(), cdnHost, media))
                .orElseGet(() -> settings.domain()
                        .map(d -> new ComputeArgs.Site(Output.of(d), Output.of("https://" + d), cdnHost, media))
                        .orElseGet(() -> new ComputeArgs.Site(
                                Output.of("localhost"), Output.of("http://localhost"), cdnHost, media)));
    }
}
