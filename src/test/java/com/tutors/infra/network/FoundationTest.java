package com.tutors.infra.network;

import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase 1 as both committed stacks declare it. */
class FoundationTest {

    private static OfflineRun.Result run(String stack) {
        return StackRuns.succeeded(StackRuns.committed(stack));
    }

    private static List<String> fileList(String stack, String key) {
        var raw = StackRuns.fileValue(stack, key);
        return List.of(new Gson().fromJson(raw, String[].class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void vpcHasTheConfiguredBlockDnsAndIpv6(String stack) {
        var vpc = named(run(stack), Vpc.class, "tutors-" + stack + "-vpc");
        assertEquals(StackRuns.fileValue(stack, "tutors:vpcCidr"), vpc.input("cidrBlock"));
        assertEquals(true, vpc.input("enableDnsSupport"));
        assertEquals(true, vpc.input("enableDnsHostnames"));
        assertEquals(true, vpc.input("assignGeneratedIpv6CidrBlock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void subnetsFollowTheStackFileOnePerAz(String stack) {
        var result = run(stack);
        var publics = fileList(stack, "tutors:publicSubnetCidrs");
        var privates = fileList(stack, "tutors:privateSubnetCidrs");
        assertEquals(2 * publics.size(), ofType(result, Subnet.class).size());
        var vpcBlock = vpcIpv6Block(named(result, Vpc.class, "tutors-" + stack + "-vpc"));
        for (int i = 0; i < publics.size(); i++) {
            var zone = "eu-central-1" + (char) ('a' + i); // the i-th AZ the region reports
            var pub = named(result, Subnet.class, "tutors-" + stack + "-public-" + (i + 1));
            assertEquals(publics.get(i), pub.input("cidrBlock"));
            assertEquals(zone, pub.input("availabilityZone"));
            assertEquals(false, pub.input("mapPublicIpOnLaunch"));
            assertEquals(Ipv6Subnets.slash64(vpcBlock, i), pub.input("ipv6CidrBlock"));
            var priv = named(result, Subnet.class, "tutors-" + stack + "-private-" + (i + 1));
            assertEquals(privates.get(i), priv.input("cidrBlock"));
            assertEquals(zone, priv.input("availabilityZone"));
            assertEquals(false, priv.input("mapPublicIpOnLaunch"));
            assertNull(priv.input("ipv6CidrBlock"), "private subnets stay IPv4");
        }
        var v6 = new HashSet<Object>();
        ofType(result, Subnet.class).stream()
                .map(s -> s.input("ipv6CidrBlock"))
                .filter(b -> b != null)
                .forEach(v6::add);
        assertEquals(publics.size(), v6.size(), "every public subnet has its own /64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void publicSubnetsRouteToTheInternetGatewayOverIpv4AndIpv6(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var igwId = idOf(named(result, InternetGateway.class, env + "igw"));
        var publicTable = idOf(named(result, RouteTable.class, env + "public"));
        assertEquals(
                idOf(named(result, Vpc.class, env + "vpc")),
                named(result, RouteTable.class, env + "public").input("vpcId"));
        var v4 = named(result, Route.class, env + "public-ipv4");
        assertEquals(
                Map.of("routeTableId", publicTable, "destinationCidrBlock", "0.0.0.0/0", "gatewayId", igwId),
                v4.inputs());
        var v6 = named(result, Route.class, env + "public-ipv6");
        assertEquals(
                Map.of("routeTableId", publicTable, "destinationIpv6CidrBlock", "::/0", "gatewayId", igwId),
                v6.inputs());
        for (int i = 1; i <= 2; i++) {
            var association = named(result, RouteTableAssociation.class, env + "public-" + i);
            assertEquals(idOf(named(result, Subnet.class, env + "public-" + i)), association.input("subnetId"));
            assertEquals(publicTable, association.input("routeTableId"));
            var privateAssociation = named(result, RouteTableAssociation.class, env + "private-" + i);
            assertEquals(idOf(named(result, Subnet.class, env + "private-" + i)), privateAssociation.input("subnetId"));
            assertEquals(
                    idOf(named(result, RouteTable.class, env + "private-" + i)),
                    privateAssociation.input("routeTableId"));
        }
        assertEquals(3, ofType(result, RouteTable.class).size(), "one public table and one private table per AZ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void s3GatewayEndpointServesThePrivateTables(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var endpoint = named(result, VpcEndpoint.class, env + "s3");
        assertEquals("com.amazonaws.eu-central-1.s3", endpoint.input("serviceName"));
        assertEquals("Gateway", endpoint.input("vpcEndpointType"));
        assertEquals(
                List.of(
                        idOf(named(result, RouteTable.class, env + "private-1")),
                        idOf(named(result, RouteTable.class, env + "private-2"))),
                endpoint.input("routeTableIds"));
    }

    @Test
    void gatewayPerAzModeHasOneNatGatewayPerAzAndEachAzRoutesToItsOwn() {
        var result =
                StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:natMode", "gateway-per-az")));
        assertEquals(2, ofType(result, NatGateway.class).size());
        assertEquals(2, ofType(result, Eip.class).size());
        assertTrue(ofType(result, com.pulumi.aws.ec2.Instance.class).isEmpty());
        for (int i = 1; i <= 2; i++) {
            var nat = named(result, NatGateway.class, "tutors-prod-nat-" + i);
            assertEquals(idOf(named(result, Subnet.class, "tutors-prod-public-" + i)), nat.input("subnetId"));
            assertEquals(idOf(named(result, Eip.class, "tutors-prod-nat-" + i)), nat.input("allocationId"));
            assertEquals("public", nat.input("connectivityType"));
            var route = named(result, Route.class, "tutors-prod-private-" + i + "-ipv4");
            assertEquals(
                    Map.of(
                            "routeTableId",
                            idOf(named(result, RouteTable.class, "tutors-prod-private-" + i)),
                            "destinationCidrBlock",
                            "0.0.0.0/0",
                            "natGatewayId",
                            idOf(nat)),
                    route.inputs());
            var igwUrn = named(result, InternetGateway.class, "tutors-prod-igw").urn();
            assertTrue(nat.dependencies().contains(igwUrn), "a NAT gateway needs the internet gateway attached first");
        }
    }

    @Test
    void prodHasASelfRecoveringNatInstancePerAzAndEachAzRoutesToItsOwn() {
        var result = run("prod");
        assertTrue(ofType(result, NatGateway.class).isEmpty());
        assertEquals(2, ofType(result, com.pulumi.aws.ec2.Instance.class).size());
        var natSg = named(result, SecurityGroup.class, "tutors-prod-sg-nat");
        var enis = new java.util.HashSet<String>();
        for (int i = 1; i <= 2; i++) {
            var part = "tutors-prod-nat-instance-" + i;
            var instance = named(result, com.pulumi.aws.ec2.Instance.class, part);
            assertEquals(
                    idOf(named(result, Subnet.class, "tutors-prod-public-" + i)),
                    instance.input("subnetId"),
                    "one router in each AZ's public subnet");
            assertEquals(false, instance.input("sourceDestCheck"));
            assertEquals(List.of(idOf(natSg)), instance.input("vpcSecurityGroupIds"), "one shared NAT group");
            assertEquals(
                    "default",
                    instance.input("maintenanceOptions.autoRecovery"),
                    "simplified automatic recovery moves it off failed hardware, keeping id, ENI and EIP");
            assertEquals(idOf(instance), named(result, Eip.class, part).input("instance"));
            var eni = StackRuns.value(((com.pulumi.aws.ec2.Instance) instance.resource()).primaryNetworkInterfaceId());
            enis.add(eni);
            assertEquals(
                    eni,
                    named(result, Route.class, "tutors-prod-private-" + i + "-ipv4")
                            .input("networkInterfaceId"),
                    "AZ " + i + " leaves through its own router");
            var reboot = named(result, com.pulumi.aws.cloudwatch.MetricAlarm.class, part + "-reboot");
            assertEquals("AWS/EC2", reboot.input("namespace"));
            assertEquals("StatusCheckFailed_Instance", reboot.input("metricName"));
            assertEquals(Map.of("InstanceId", idOf(instance)), reboot.input("dimensions"));
            assertEquals(List.of("arn:aws:automate:eu-central-1:ec2:reboot"), reboot.input("alarmActions"));
            assertEquals(60.0, reboot.input("period"));
            assertEquals(3.0, reboot.input("evaluationPeriods"));
            assertEquals("GreaterThanOrEqualToThreshold", reboot.input("comparisonOperator"));
            assertEquals(1.0, reboot.input("threshold"));
        }
        assertEquals(2, enis.size(), "two routers, not one shared");
        // No recover alarm: it would turn simplified automatic recovery off.
        assertTrue(ofType(result, com.pulumi.aws.cloudwatch.MetricAlarm.class).stream()
                .noneMatch(a -> String.valueOf(a.input("alarmActions")).contains("ec2:recover")));
    }

    @Test
    void gatewaySingleModeRoutesBothAzsThroughOneGateway() {
        var result =
                StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:natMode", "gateway-single")));
        var nat = named(result, NatGateway.class, "tutors-prod-nat-1");
        assertEquals(1, ofType(result, NatGateway.class).size());
        assertEquals(idOf(named(result, Subnet.class, "tutors-prod-public-1")), nat.input("subnetId"));
        for (int i = 1; i <= 2; i++) {
            assertEquals(
                    idOf(nat),
                    named(result, Route.class, "tutors-prod-private-" + i + "-ipv4")
                            .input("natGatewayId"));
        }
    }

    @Test
    void stagingRoutesThroughAHardenedNatInstance() {
        var result = run("staging");
        assertTrue(ofType(result, NatGateway.class).isEmpty());
        var instance = named(result, com.pulumi.aws.ec2.Instance.class, "tutors-staging-nat");
        assertEquals("t4g.nano", instance.input("instanceType"));
        assertEquals(false, instance.input("sourceDestCheck"), "a NAT forwards packets not addressed to it");
        assertEquals(idOf(named(result, Subnet.class, "tutors-staging-public-1")), instance.input("subnetId"));
        assertTrue(((String) instance.input("ami")).startsWith("ami-"), "AMI from the SSM parameter");
        assertTrue(instance.ignoreChanges().contains("ami"), "a new AMI must not replace the router on every up");
        assertEquals("required", instance.input("metadataOptions.httpTokens"), "IMDSv2 only");
        assertEquals(true, instance.input("rootBlockDevice.encrypted"));
        var userData = (String) instance.input("userData");
        assertTrue(userData.startsWith("#!/bin/bash\nset -euo pipefail\n"), "stops at the first failing step");
        assertTrue(
                userData.indexOf("net.ipv4.ip_forward = 1") < userData.indexOf("dnf install"),
                "forwarding before anything slow");
        assertTrue(userData.contains("iptables -t nat -A POSTROUTING -o \"$iface\" -j MASQUERADE"));
        assertTrue(
                userData.contains("iptables-save > /etc/sysconfig/iptables"),
                "saved where the iptables service restores from");
        assertFalse(userData.contains("service iptables save"), "AL2023's service wrapper refuses it");
        assertTrue(
                userData.indexOf("iptables-save") < userData.indexOf("systemctl enable --now iptables"),
                "the service starts on the saved rules, not the package's FORWARD REJECT");
        assertTrue(userData.contains("grep -q REJECT; then exit 1"), "and the boot fails loudly if a REJECT is left");
        assertTrue(userData.contains("mkswap /swapfile"), "dnf is OOM-killed on 512 MiB without swap");
        var profile = named(result, com.pulumi.aws.iam.InstanceProfile.class, "tutors-staging-nat");
        assertEquals(profile.input("name"), instance.input("iamInstanceProfile"), "Session Manager for a failed boot");
        assertEquals(
                "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                named(result, com.pulumi.aws.iam.RolePolicyAttachment.class, "tutors-staging-nat-ssm")
                        .input("policyArn"));
        var natSg = named(result, SecurityGroup.class, "tutors-staging-sg-nat");
        assertEquals(List.of(idOf(natSg)), instance.input("vpcSecurityGroupIds"));
        var natIn = named(result, SecurityGroupIngressRule.class, "tutors-staging-sg-nat-in-vpc");
        assertEquals("10.1.0.0/16", natIn.input("cidrIpv4"), "only the VPC may use the NAT");
        assertEquals(List.of("tutors-staging-sg-nat-in-vpc"), rulesOf(result, SecurityGroupIngressRule.class, natSg));
        var eip = named(result, Eip.class, "tutors-staging-nat");
        assertEquals(idOf(instance), eip.input("instance"));
        var eni = StackRuns.value(((com.pulumi.aws.ec2.Instance) instance.resource()).primaryNetworkInterfaceId());
        for (int i = 1; i <= 2; i++) {
            var route = named(result, Route.class, "tutors-staging-private-" + i + "-ipv4");
            assertEquals(eni, route.input("networkInterfaceId"));
            assertEquals("0.0.0.0/0", route.input("destinationCidrBlock"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void securityGroupsOpenExactlyThePlansPorts(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var ids = new java.util.HashMap<String, String>();
        for (var group : List.of("alb", "ecs", "rds", "redis")) {
            var sg = named(result, SecurityGroup.class, env + "sg-" + group);
            ids.put(idOf(sg), group);
            assertEquals(env + "sg-" + group, sg.input("name"));
            assertEquals(idOf(named(result, Vpc.class, env + "vpc")), sg.input("vpcId"));
            assertNull(sg.input("ingress"), "no inline rules");
            assertNull(sg.input("egress"), "no inline rules");
        }
        var actual = new HashSet<String>();
        for (var rule : ruleResources(result)) {
            var group = ids.get((String) rule.input("securityGroupId"));
            if (group == null) {
                continue; // the NAT instance's group, tested with the NAT
            }
            assertEquals("tcp", rule.input("ipProtocol"));
            assertEquals(rule.input("fromPort"), rule.input("toPort"), "one port a rule");
            var peer = rule.input("referencedSecurityGroupId") != null
                    ? ids.get((String) rule.input("referencedSecurityGroupId"))
                    : rule.input("cidrIpv4") != null
                            ? rule.input("cidrIpv4")
                            : rule.input("prefixListId") != null ? "cloudfront-prefix-list" : rule.input("cidrIpv6");
            var direction = rule.type().equals(StackRuns.typeOf(SecurityGroupIngressRule.class)) ? " in " : " out ";
            actual.add(group + direction + ((Double) rule.input("fromPort")).intValue() + " " + peer);
        }
        // prod is behind a locked CDN: the load balancer admits CloudFront's origin-facing servers on 443 only.
        var albIn = stack.equals("prod")
                ? Set.of("alb in 443 cloudfront-prefix-list")
                : Set.of("alb in 80 0.0.0.0/0", "alb in 443 0.0.0.0/0", "alb in 80 ::/0", "alb in 443 ::/0");
        var expected = new HashSet<>(albIn);
        expected.addAll(Set.of(
                "alb out 8000 ecs",
                "alb out 3000 ecs",
                "ecs in 8000 alb",
                "ecs in 3000 alb",
                "ecs in 8000 ecs",
                "ecs out 8000 ecs", // the private path: server-side calls to the backend
                "ecs out 443 0.0.0.0/0",
                "ecs out 5432 rds",
                "ecs out 6379 redis",
                "rds in 5432 ecs",
                "redis in 6379 ecs"));
        assertEquals(expected, actual);
    }

    @Test
    void withoutIpv6NothingIsOpenOrRoutedOverIpv6() {
        var result = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:ipv6", "false")));
        var vpc = named(result, Vpc.class, "tutors-prod-vpc");
        assertEquals(false, vpc.input("assignGeneratedIpv6CidrBlock"));
        ofType(result, Subnet.class).forEach(s -> assertNull(s.input("ipv6CidrBlock")));
        assertTrue(ofType(result, Route.class).stream()
                .noneMatch(r -> r.inputs().containsKey("destinationIpv6CidrBlock")));
        assertTrue(ruleResources(result).stream().noneMatch(r -> r.inputs().containsKey("cidrIpv6")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void everyResourceUsesTheTaggedProviderAndTheNamingScheme(String stack) {
        var result = run(stack);
        var provider = named(result, com.pulumi.aws.Provider.class, "tutors-" + stack + "-aws");
        assertEquals("eu-central-1", provider.input("region"));
        // Provider inputs reach the engine JSON-encoded.
        var defaultTags = new Gson().fromJson((String) provider.input("defaultTags"), Map.class);
        assertEquals(
                Map.of("tags", Map.of("Project", "tutors", "Environment", stack, "ManagedBy", "pulumi")), defaultTags);
        var providers =
                result.resources().stream().filter(PlannedResource::isProvider).toList();
        for (var p : providers) {
            assertEquals(
                    provider.input("defaultTags"), p.input("defaultTags"), p.urn() + " tags like the main provider");
        }
        // What the EC2 console lists by Name (VPC, subnets, tables, gateways, instances, addresses, groups)
        // must carry it; everything else carries the provider's default tags (checked above).
        var untagged = StackRuns.awsResources(result).stream()
                .filter(r -> r.type().startsWith("aws:ec2/"))
                .filter(FoundationTest::taggable)
                .filter(r -> !r.name().equals(r.input("tags.Name")))
                .map(PlannedResource::urn)
                .toList();
        assertEquals(List.of(), untagged, "EC2 resources that can carry tags need their Name");
        for (var r : StackRuns.awsResources(result)) {
            assertTrue(
                    providers.stream().anyMatch(p -> r.providerRef().startsWith(p.urn() + "::")),
                    () -> r.urn() + " does not use a tagged provider");
            // us-east-1 by design: CloudFront's certificate, its web ACL and logs, its access logs, and the alarms on
            // their metrics.
            if (!r.type().startsWith("aws:acm/")
                    && !r.type().startsWith("aws:wafv2/")
                    && !r.urn().contains("waf-logs")
                    && !r.name().endsWith("-cdn-logs")
                    && !r.name().contains("alarms-global")
                    && !r.name().endsWith("-cdn-5xx-rate")
                    && !r.name().endsWith("-waf-blocked")) {
                assertTrue(
                        r.providerRef().startsWith(provider.urn() + "::"),
                        () -> r.urn() + " is not in the stack's region");
            }
            assertTrue(r.name().startsWith("tutors-" + stack + "-"), () -> r.name() + " breaks the naming scheme");
        }
        var foundation =
                StackRuns.component(result, com.tutors.infra.core.Phase.FOUNDATION, "tutors-" + stack + "-foundation");
        var phaseOne = StackRuns.awsResources(result).stream()
                .filter(r -> r.phase() == 1)
                .toList();
        assertEquals(
                StackRuns.awsResources(result).stream()
                        .filter(r -> r.parentUrn().equals(foundation.urn()))
                        .toList(),
                phaseOne,
                "phase 1 is exactly the Foundation component's children");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void outputsAreThePlansPhaseOneOutputs(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        assertEquals(
                idOf(named(result, Vpc.class, env + "vpc")), result.outputs().get("vpcId"));
        assertEquals(
                List.of(
                        idOf(named(result, Subnet.class, env + "public-1")),
                        idOf(named(result, Subnet.class, env + "public-2"))),
                result.outputs().get("publicSubnetIds"));
        assertEquals(
                List.of(
                        idOf(named(result, Subnet.class, env + "private-1")),
                        idOf(named(result, Subnet.class, env + "private-2"))),
                result.outputs().get("privateSubnetIds"));
        var groups = (Map<?, ?>) result.outputs().get("securityGroupIds");
        assertEquals(List.of("alb", "ecs", "rds", "redis"), new ArrayList<>(groups.keySet()));
        for (var group : List.of("alb", "ecs", "rds", "redis")) {
            assertEquals(idOf(named(result, SecurityGroup.class, env + "sg-" + group)), groups.get(group));
        }
        assertFalse(result.outputs().values().stream().anyMatch(v -> v instanceof PlannedResource.Secret));
    }

    private static List<PlannedResource> ruleResources(OfflineRun.Result result) {
        var rules = new ArrayList<>(ofType(result, SecurityGroupIngressRule.class));
        rules.addAll(ofType(result, SecurityGroupEgressRule.class));
        return rules;
    }

    private static List<String> rulesOf(
            OfflineRun.Result result, Class<? extends com.pulumi.resources.Resource> type, PlannedResource sg) {
        return ofType(result, type).stream()
                .filter(r -> idOf(sg).equals(r.input("securityGroupId")))
                .map(PlannedResource::name)
                .toList();
    }

    /** The /56 the mocks gave the VPC (AWS assigns it at creation). */
    private static String vpcIpv6Block(PlannedResource vpc) {
        return StackRuns.value(((com.pulumi.aws.ec2.Vpc) vpc.resource()).ipv6CidrBlock());
    }

    /** Whether the provider lets this resource carry tags: its Args class has a tags input (independent of the program). */
    private static boolean taggable(PlannedResource r) {
        try {
            Class.forName(r.resource().getClass().getName() + "Args").getMethod("tags");
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
