package com.tutors.infra.optimization;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.tutors.infra.compute.ComputeOutputs;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Required;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.edge.EdgeOutputs;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.storage.StorageOutputs;
import java.util.Objects;
import java.util.Optional;

/**
 * Phase 6's inputs: every earlier phase's outputs. Built by name ({@link #builder()}); a missing required
 * input is named when the record is built.
 *
 * @param usEast1      provider for CloudFront's certificate and a CLOUDFRONT web ACL; present with the CDN
 * @param originSecret the header value CloudFront sends the ALB (empty text without the CDN)
 */
public record OptimizationArgs(
        Naming names,
        String region,
        OptimizationSettings settings,
        Output<String> accountId,
        int logRetentionDays,
        boolean ipv6,
        Optional<ProviderResource> usEast1,
        Output<String> originSecret,
        NetworkOutputs network,
        DataOutputs data,
        StorageOutputs storage,
        ComputeOutputs compute,
        EdgeOutputs edge) {

    public OptimizationArgs {
        Required.check(
                "OptimizationArgs",
                "names",
                names,
                "region",
                region,
                "settings",
                settings,
                "accountId",
                accountId,
                "network",
                network,
                "data",
                data,
                "storage",
                storage,
                "compute",
                compute,
                "edge",
                edge);
        usEast1 = Objects.requireNonNullElse(usEast1, Optional.empty());
        originSecret = Objects.requireNonNullElse(originSecret, Output.of(""));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named inputs; usEast1, originSecret default to none. */
    public static final class Builder {
        private Naming names;
        private String region;
        private OptimizationSettings settings;
        private Output<String> accountId;
        private int logRetentionDays;
        private boolean ipv6;
        private Optional<ProviderResource> usEast1 = Optional.empty();
        private Output<String> originSecret = Output.of("");
        private NetworkOutputs network;
        private DataOutputs data;
        private StorageOutputs storage;
        private ComputeOutputs compute;
        private EdgeOutputs edge;

        private Builder() {}

        public Builder names(Naming v) {
            names = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder settings(OptimizationSettings v) {
            settings = v;
            return this;
        }

        public Builder accountId(Output<String> v) {
            accountId = v;
            return this;
        }

        public Builder logRetentionDays(int v) {
            logRetentionDays = v;
            return this;
        }

        public Builder ipv6(boolean v) {
            ipv6 = v;
            return this;
        }

        public Builder usEast1(Optional<ProviderResource> v) {
            usEast1 = v;
            return this;
        }

        public Builder originSecret(Output<String> v) {
            originSecret = v;
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

        public Builder compute(ComputeOutputs v) {
            compute = v;
            return this;
        }

        public Builder edge(EdgeOutputs v) {
            edge = v;
            return this;
        }

        public OptimizationArgs build() {
            return new OptimizationArgs(
                    names,
                    region,
                    settings,
                    accountId,
                    logRetentionDays,
                    ipv6,
                    usEast1,
                    originSecret,
                    network,
                    data,
                    storage,
                    compute,
                    edge);
        }
    }
}
