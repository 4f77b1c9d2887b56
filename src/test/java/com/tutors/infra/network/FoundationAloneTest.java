package com.tutors.infra.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.resources.ComponentResourceOptions;
import com.tutors.infra.StackRuns;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Ipv4Cidr;
import com.tutors.infra.core.Naming;
import com.tutors.infra.plan.OfflineRun;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Phase 1's component needs nothing but its args: no config, no later phase. */
class FoundationAloneTest {

    @Test
    void buildsFromItsArgsAlone() {
        var network = new NetworkSettings(
                Ipv4Cidr.parse("172.16.0.0/20"),
                List.of(
                        Ipv4Cidr.parse("172.16.0.0/24"),
                        Ipv4Cidr.parse("172.16.1.0/24"),
                        Ipv4Cidr.parse("172.16.2.0/24")),
                List.of(
                        Ipv4Cidr.parse("172.16.8.0/24"),
                        Ipv4Cidr.parse("172.16.9.0/24"),
                        Ipv4Cidr.parse("172.16.10.0/24")),
                NatMode.GATEWAY_PER_AZ,
                false,
                java.util.Optional.empty());
        var result = OfflineRun.execute(
                ctx -> {
                    var aws = new Provider(
                            "test", ProviderArgs.builder().region("eu-west-1").build());
                    var foundation = new Foundation(
                            "net",
                            new Foundation.Args(
                                    new Naming(Environment.STAGING),
                                    network,
                                    "eu-west-1",
                                    java.util.Optional.empty(),
                                    7),
                            ComponentResourceOptions.builder().providers(aws).build());
                    ctx.export("vpcId", foundation.outputs.vpcId());
                    ctx.export("privateSubnetIds", foundation.outputs.privateSubnetIds());
                },
                "unit",
                Map.of("aws:region", "eu-west-1"),
                Set.of(),
                Set.of());
        StackRuns.succeeded(result);
        assertEquals(6, StackRuns.ofType(result, Subnet.class).size());
        assertEquals(3, StackRuns.ofType(result, NatGateway.class).size());
        assertEquals(
                "com.amazonaws.eu-west-1.s3",
                StackRuns.named(result, VpcEndpoint.class, "tutors-staging-s3").input("serviceName"));
        assertEquals(
                "eu-west-1c",
                StackRuns.named(result, Subnet.class, "tutors-staging-private-3")
                        .input("availabilityZone"));
        assertEquals(3, ((List<?>) result.outputs().get("privateSubnetIds")).size());
        assertTrue(((String) result.outputs().get("vpcId")).startsWith("vpc-"));
    }

    @Test
    void moreSubnetsThanTheRegionHasZonesFailsWithTheKeyNamed() {
        var four = List.of(
                Ipv4Cidr.parse("10.0.1.0/24"),
                Ipv4Cidr.parse("10.0.2.0/24"),
                Ipv4Cidr.parse("10.0.3.0/24"),
                Ipv4Cidr.parse("10.0.4.0/24"));
        var fourPrivate = List.of(
                Ipv4Cidr.parse("10.0.11.0/24"),
                Ipv4Cidr.parse("10.0.12.0/24"),
                Ipv4Cidr.parse("10.0.13.0/24"),
                Ipv4Cidr.parse("10.0.14.0/24"));
        var network = new NetworkSettings(
                Ipv4Cidr.parse("10.0.0.0/16"),
                four,
                fourPrivate,
                NatMode.GATEWAY_SINGLE,
                true,
                java.util.Optional.empty());
        var result = OfflineRun.execute(
                ctx -> {
                    var aws = new Provider(
                            "test",
                            ProviderArgs.builder().region("eu-central-1").build());
                    new Foundation(
                            "net",
                            new Foundation.Args(
                                    new Naming(Environment.PROD),
                                    network,
                                    "eu-central-1",
                                    java.util.Optional.empty(),
                                    7),
                            ComponentResourceOptions.builder().providers(aws).build());
                },
                "unit",
                Map.of(),
                Set.of(),
                Set.of());
        assertTrue(
                result.problems().stream()
                        .anyMatch(p -> p.contains("tutors:publicSubnetCidrs asks for 4 availability zones")),
                result.problems()::toString);
    }
}
