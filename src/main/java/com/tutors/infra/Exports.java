package com.tutors.infra;

import com.pulumi.Context;
import com.tutors.infra.compute.ComputeOutputs;
import com.tutors.infra.core.Outputs;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.edge.EdgeOutputs;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.optimization.OptimizationOutputs;
import com.tutors.infra.storage.StorageOutputs;

/** The stack outputs: the seed's "Выходы" of each phase, under the names the docs and CI use. */
final class Exports {
    private final Context ctx;

    Exports(Context ctx) {
        this.ctx = ctx;
    }

    /** The stack's region: the operations commands call AWS there unless told otherwise. */
    void region(String region) {
        ctx.export("region", com.pulumi.core.Output.of(region));
    }

    void network(NetworkOutputs o) {
        ctx.export("vpcId", o.vpcId());
        ctx.export("publicSubnetIds", o.publicSubnetIds());
        ctx.export("privateSubnetIds", o.privateSubnetIds());
        ctx.export("securityGroupIds", o.securityGroupIds());
    }

    void data(DataOutputs o) {
        ctx.export("rdsEndpoint", o.rdsEndpoint());
        ctx.export("rdsPort", o.rdsPort());
        ctx.export("rdsIdentifier", o.rdsIdentifier()); // CI starts a database office hours stopped
        ctx.export("redisEndpoint", o.redisEndpoint());
        ctx.export("redisPort", o.redisPort());
        ctx.export("secretArns", o.secretArnsByPart());
    }

    void storage(StorageOutputs o) {
        ctx.export("mediaBucketName", o.mediaBucketName());
        ctx.export("staticBucketName", o.staticBucketName());
        ctx.export("backendEcrUrl", o.backendEcrUrl());
        ctx.export("frontendEcrUrl", o.frontendEcrUrl());
    }

    void edge(EdgeOutputs o, boolean hasDomain) {
        ctx.export("albDnsName", o.albDnsName());
        ctx.export("albZoneId", o.albZoneId());
        ctx.export("domainName", o.domainName());
        ctx.export("url", o.url());
        if (hasDomain) {
            ctx.export("certificateArn", o.certificateArn());
        }
    }

    void compute(ComputeOutputs o) {
        ctx.export("ecsClusterName", o.ecsClusterName());
        // The seed's outputs name the web services; serviceNames has every service, workers too (the rollout check).
        o.services().stream()
                .filter(ComputeOutputs.Service::web)
                .forEach(s -> ctx.export(s.part() + "ServiceName", s.name()));
        if (!o.services().isEmpty()) {
            ctx.export(
                    "serviceNames",
                    Outputs.keyed(o.services(), ComputeOutputs.Service::part, ComputeOutputs.Service::name));
        }
        ctx.export("migrateCommand", o.migrateCommand());
        // CI runs the migration from these, not by evaluating a command string read from the state.
        ctx.export("migrateTaskFamily", o.migrateTaskFamily());
        // The release and rollout checks compare the services' PRIMARY deployments with these revisions.
        ctx.export("imageTag", o.imageTag());
        ctx.export("taskDefinitionArns", o.taskDefinitionArns());
    }

    void optimization(OptimizationOutputs o) {
        o.cdnDomainName().ifPresent(v -> ctx.export("cdnDomainName", v));
        o.distributionId().ifPresent(v -> ctx.export("distributionId", v));
        o.alarmTopicArn().ifPresent(v -> ctx.export("alarmTopicArn", v));
        o.dashboardUrl().ifPresent(v -> ctx.export("dashboardUrl", v));
    }
}
