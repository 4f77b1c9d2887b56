package com.tutors.infra.compute;

import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.servicediscovery.Service;
import com.pulumi.aws.servicediscovery.ServiceArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigDnsRecordArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceHealthCheckCustomConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Ports;
import com.tutors.infra.network.NetworkOutputs;

/**
 * The services' way to each other inside the VPC: a Cloud Map private DNS namespace, in which ECS keeps
 * an A record per running, healthy backend task. The frontend's server-side calls then go task to task
 * (no NAT, CDN, WAF or load balancer). Chosen over Service Connect, whose Envoy sidecar AWS sizes at
 * 0.25 vCPU more per task: as much again as each of these tasks.
 */
final class PrivatePath {
    private PrivatePath() {}

    /** A record's life in resolvers: short, so a task that stopped leaves them within seconds. */
    static final int TTL_SECONDS = 10;

    static String backendHost(Naming names) {
        return "backend." + names.internalDomain();
    }

    static String backendUrl(Naming names) {
        return "http://" + backendHost(names) + ":" + Ports.BACKEND + "/api";
    }

    /** @return the Cloud Map service the part's tasks register in, as {@code <part>.<internal domain>} */
    static Output<String> declare(Naming names, String part, NetworkOutputs network, CustomResourceOptions child) {
        var namespace = new PrivateDnsNamespace(
                names.name("internal"),
                PrivateDnsNamespaceArgs.builder()
                        .name(names.internalDomain())
                        .description("Private names of the " + names.name("cluster") + " services")
                        .vpc(network.vpcId())
                        .build(),
                child);
        return new Service(
                        names.name(part + "-discovery"),
                        ServiceArgs.builder()
                                .name(part)
                                .description("The " + part + "'s tasks, by address")
                                .dnsConfig(ServiceDnsConfigArgs.builder()
                                        .namespaceId(namespace.id())
                                        .routingPolicy("MULTIVALUE")
                                        .dnsRecords(ServiceDnsConfigDnsRecordArgs.builder()
                                                .type("A")
                                                .ttl(TTL_SECONDS)
                                                .build())
                                        .build())
                                // ECS reports each task's health (its container health check) to Cloud Map.
                                .healthCheckCustomConfig(ServiceHealthCheckCustomConfigArgs.builder()
                                        .build())
                                .build(),
                        child)
                .arn();
    }
}
