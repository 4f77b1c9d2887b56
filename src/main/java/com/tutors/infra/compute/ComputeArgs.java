package com.tutors.infra.compute;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Required;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.storage.StorageOutputs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Phase 4's inputs: phases 1-3's outputs, the services, and where the site is served. Built by name
 * ({@link #builder()}); a missing required input is named when the record is built, before anything is declared.
 *
 * @param services         the stack's services ({@link AppServices#describe}), web services first
 * @param imageTag         the services' image tag, resolved by {@link ImageTags#services}
 * @param keepAliveSeconds the servers' keep-alive (longer than the load balancer's idle timeout)
 * @param loadBalancing    phase 5's target groups; empty: phase 4 alone (no services yet)
 * @param mail             phase 5's mail identity, when the domain sends mail
 * @param deploymentAlarms by service part, the alarms that roll its deployments back (phase 6's; empty without them)
 */
public record ComputeArgs(
        Naming names,
        String region,
        Output<String> accountId,
        ComputeSettings settings,
        List<AppService> services,
        Output<String> imageTag,
        int keepAliveSeconds,
        NetworkOutputs network,
        DataOutputs data,
        StorageOutputs storage,
        Site site,
        Optional<LoadBalancing> loadBalancing,
        Optional<Mail> mail,
        Map<String, List<String>> deploymentAlarms) {

    public ComputeArgs {
        Required.check(
                "ComputeArgs",
                "names",
                names,
                "region",
                region,
                "accountId",
                accountId,
                "settings",
                settings,
                "services",
                services,
                "imageTag",
                imageTag,
                "network",
                network,
                "data",
                data,
                "storage",
                storage,
                "site",
                site);
        services = List.copyOf(services);
        loadBalancing = Objects.requireNonNullElse(loadBalancing, Optional.empty());
        mail = Objects.requireNonNullElse(mail, Optional.empty());
        deploymentAlarms = Map.copyOf(Objects.requireNonNullElse(deploymentAlarms, Map.of()));
    }

    /**
     * Where users reach the site: the domain, or the ALB's own name in no-domain mode.
     *
     * @param cdnHost present when CloudFront serves the domain: static files are then at
     *                https://&lt;cdnHost&gt;/static/ (CloudFront keeps the path, so the keys carry it); while DNS
     *                still points at the load balancer, it redirects /static/* to the still public bucket
     * @param mediaThroughCdn media links go to https://&lt;cdnHost&gt;/media/ instead of presigned S3 URLs: only
     *                once the lock is on, when DNS has moved to CloudFront (the load balancer has no media)
     */
    public record Site(Output<String> host, Output<String> url, Optional<String> cdnHost, boolean mediaThroughCdn) {}

    /**
     * Phase 5's target groups, when it is declared (Edge is declared before Compute; this record keeps
     * the import downward): one per web service, by part. The services wait for {@code listeners}
     * (listeners and rules): a target group must be attached to a load balancer before a service can use it.
     */
    public record LoadBalancing(Map<String, TargetGroup> targetGroups, List<Resource> listeners) {}

    /**
     * @param requestsLabel {@code app/<alb>/<id>/targetgroup/<tg>/<id>}: names the group's request count for autoscaling
     */
    public record TargetGroup(Output<String> arn, Output<String> requestsLabel) {}

    /**
     * Phase 5's mail identity, when the domain sends mail: the backend may send only as it, through its
     * configuration set, from an address of the domain.
     */
    public record Mail(
            String domain,
            String defaultFrom,
            Output<String> identityArn,
            String configurationSetName,
            Output<String> configurationSetArn) {}

    public static Builder builder() {
        return new Builder();
    }

    /** Named inputs; the optional ones (loadBalancing, mail, deploymentAlarms) default to none. */
    public static final class Builder {
        private Naming names;
        private String region;
        private Output<String> accountId;
        private ComputeSettings settings;
        private List<AppService> services;
        private Output<String> imageTag;
        private int keepAliveSeconds;
        private NetworkOutputs network;
        private DataOutputs data;
        private StorageOutputs storage;
        private Site site;
        private Optional<LoadBalancing> loadBalancing = Optional.empty();
        private Optional<Mail> mail = Optional.empty();
        private Map<String, List<String>> deploymentAlarms = Map.of();

        private Builder() {}

        public Builder names(Naming v) {
            names = v;
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

        public Builder settings(ComputeSettings v) {
            settings = v;
            return this;
        }

        public Builder services(List<AppService> v) {
            services = v;
            return this;
        }

        public Builder imageTag(Output<String> v) {
            imageTag = v;
            return this;
        }

        public Builder keepAliveSeconds(int v) {
            keepAliveSeconds = v;
            return this;
        }

        public Builder network(NetworkOutputs v) {
            network = v;
            return this;
        }

        public Builder data(DataOutputs v) {
            data = v;
            return this;
        }

        public Builder storage(StorageOutputs v) {
            storage = v;
            return this;
        }

        public Builder site(Site v) {
            site = v;
            return this;
        }

        public Builder loadBalancing(Optional<LoadBalancing> v) {
            loadBalancing = v;
            return this;
        }

        public Builder mail(Optional<Mail> v) {
            mail = v;
            return this;
        }

        public Builder deploymentAlarms(Map<String, List<String>> v) {
            deploymentAlarms = v;
            return this;
        }

        public ComputeArgs build() {
            return new ComputeArgs(
                    names,
                    region,
                    accountId,
                    settings,
                    services,
                    imageTag,
                    keepAliveSeconds,
                    network,
                    data,
                    storage,
                    site,
                    loadBalancing,
                    mail,
                    deploymentAlarms);
        }
    }
}
