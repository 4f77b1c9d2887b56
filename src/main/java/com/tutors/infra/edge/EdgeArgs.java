package com.tutors.infra.edge;

import com.pulumi.core.Output;
import com.tutors.infra.core.Headers;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Required;
import com.tutors.infra.core.Route;
import com.tutors.infra.network.NetworkOutputs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Phase 5's inputs: phase 1's outputs, the web services and the account (for the access-log bucket policy).
 * Built by name ({@link #builder()}); a missing required input is named when the record is built.
 *
 * @param upstreams          the web services, a target group each: exactly one serves every path no route claims
 * @param originSecrets      when CloudFront fronts the site and the lock is on: the ALB then answers only
 *                           requests carrying one of these values in {@link Headers#ORIGIN_VERIFY} (two during a
 *                           rotation); none by default
 * @param behindCdn          CloudFront fronts the site: the frontend has its own rule, so locking and unlocking
 *                           only change conditions and never leave the frontend without a route
 * @param staticBucketDomain where /static/* redirects without CloudFront
 */
public record EdgeArgs(
        Naming names,
        EdgeSettings settings,
        List<Upstream> upstreams,
        String region,
        Output<String> accountId,
        NetworkOutputs network,
        Optional<Output<List<String>>> originSecrets,
        boolean behindCdn,
        Output<String> staticBucketDomain,
        Output<String> serverAccessLogBucket) {

    public EdgeArgs {
        Required.check(
                "EdgeArgs",
                "names",
                names,
                "settings",
                settings,
                "upstreams",
                upstreams,
                "region",
                region,
                "accountId",
                accountId,
                "network",
                network,
                "staticBucketDomain",
                staticBucketDomain,
                "serverAccessLogBucket",
                serverAccessLogBucket);
        originSecrets = Objects.requireNonNullElse(originSecrets, Optional.empty());
    }

    /**
     * A web service as the load balancer sees it (Main fills it from phase 4's service descriptions).
     *
     * @param part     the target group's name part, and the service's
     * @param routes   the paths forwarded to it, each one listener rule named {@code <part>-<priority>}
     * @param fallback it serves every path no route claims: the listener's default
     */
    public record Upstream(String part, int port, String healthPath, List<Route> routes, boolean fallback) {
        public Upstream {
            routes = List.copyOf(routes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named inputs; originSecrets default to none. */
    public static final class Builder {
        private Naming names;
        private EdgeSettings settings;
        private List<Upstream> upstreams;
        private String region;
        private Output<String> accountId;
        private NetworkOutputs network;
        private Optional<Output<List<String>>> originSecrets = Optional.empty();
        private boolean behindCdn;
        private Output<String> staticBucketDomain;
        private Output<String> serverAccessLogBucket;

        private Builder() {}

        public Builder names(Naming v) {
            names = v;
            return this;
        }

        public Builder settings(EdgeSettings v) {
            settings = v;
            return this;
        }

        public Builder upstreams(List<Upstream> v) {
            upstreams = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder accountId(Output<String> v) {
            accountId = v;
            return this;
        }

        public Builder network(NetworkOutputs v) {
            network = v;
            return this;
        }

        public Builder originSecrets(Optional<Output<List<String>>> v) {
            originSecrets = v;
            return this;
        }

        public Builder behindCdn(boolean v) {
            behindCdn = v;
            return this;
        }

        public Builder staticBucketDomain(Output<String> v) {
            staticBucketDomain = v;
            return this;
        }

        public Builder serverAccessLogBucket(Output<String> v) {
            serverAccessLogBucket = v;
            return this;
        }

        public EdgeArgs build() {
            return new EdgeArgs(
                    names,
                    settings,
                    upstreams,
                    region,
                    accountId,
                    network,
                    originSecrets,
                    behindCdn,
                    staticBucketDomain,
                    serverAccessLogBucket);
        }
    }
}
