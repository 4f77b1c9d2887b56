package com.tutors.infra.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Outputs;
import com.tutors.infra.core.Phase;
import com.tutors.infra.network.SecurityRules.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 1: the VPC, its subnets in two (or more) AZs, internet and NAT routing, the S3 gateway
 * endpoint and the four security groups of the plan.
 */
public final class Foundation extends ComponentResource {

    /**
     * Phase 1 needs no earlier phase: only its settings, the naming scheme and the region.
     *
     * @param cloudFrontOnly the id of CloudFront's origin-facing prefix list, when the load balancer
     *                       must admit only CloudFront (a locked CDN); empty: open to everyone
     * @param logRetentionDays of the flow logs
     */
    public record Args(
            Naming names,
            NetworkSettings network,
            String region,
            Optional<Output<String>> cloudFrontOnly,
            int logRetentionDays) {}

    /** What the later phases receive. */
    public final NetworkOutputs outputs;

    private final Args args;
    private final CustomResourceOptions child;
    private final boolean ipv6;
    private final Map<Group, SecurityGroup> groups = new LinkedHashMap<>();

    public Foundation(String name, Args args, ComponentResourceOptions options) {
        super(Phase.FOUNDATION.componentType(), name, options);
        this.args = args;
        this.child = CustomResourceOptions.builder().parent(this).build();
        this.ipv6 = args.network().ipv6();
        var names = args.names();
        var net = args.network();

        var vpc = new Vpc(
                names.name("vpc"),
                VpcArgs.builder()
                        .cidrBlock(net.vpcCidr().toString())
                        .enableDnsSupport(true)
                        .enableDnsHostnames(true) // RDS and ElastiCache endpoints, and interface endpoints, need both
                        .assignGeneratedIpv6CidrBlock(net.ipv6())
                        .tags(names.nameTag("vpc"))
                        .build(),
                child);
        var igw = new InternetGateway(
                names.name("igw"),
                InternetGatewayArgs.builder()
                        .vpcId(vpc.id())
                        .tags(names.nameTag("igw"))
                        .build(),
                child);

        // One invoke for the whole phase; subnet i goes to the i-th AZ of the region.
        var azNames = AwsFunctions.getAvailabilityZones(
                        GetAvailabilityZonesArgs.builder().state("available").build(),
                        new InvokeOptions(this, null, null))
                .applyValue(r -> r.names());

        var publicTable = new RouteTable(
                names.name("public"),
                RouteTableArgs.builder()
                        .vpcId(vpc.id())
                        .tags(names.nameTag("public"))
                        .build(),
                child);
        route(
                "public-ipv4",
                RouteArgs.builder()
                        .routeTableId(publicTable.id())
                        .destinationCidrBlock(SecurityRules.ANY_IPV4)
                        .gatewayId(igw.id()));
        if (net.ipv6()) {
            route(
                    "public-ipv6",
                    RouteArgs.builder()
                            .routeTableId(publicTable.id())
                            .destinationIpv6CidrBlock(SecurityRules.ANY_IPV6)
                            .gatewayId(igw.id()));
        }

        var publicSubnets = new ArrayList<Subnet>();
        var privateSubnets = new ArrayList<Subnet>();
        var privateTables = new ArrayList<RouteTable>();
        for (int i = 0; i < net.azCount(); i++) {
            int az = i;
            var zone = azNames.applyValue(zones -> zoneAt(zones, az));
            var publicPart = "public-" + (i + 1);
            var publicArgs = SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zone)
                    .cidrBlock(net.publicSubnets().get(i).toString())
                    .mapPublicIpOnLaunch(false) // only the ALB and NAT live here, with their own addresses
                    .tags(names.nameTag(publicPart));
            if (net.ipv6()) {
                publicArgs.ipv6CidrBlock(vpc.ipv6CidrBlock().applyValue(block -> Ipv6Subnets.slash64(block, az)));
            }
            var publicSubnet = new Subnet(names.name(publicPart), publicArgs.build(), child);
            associate(publicPart, publicSubnet, publicTable);
            publicSubnets.add(publicSubnet);

            var privatePart = "private-" + (i + 1);
            var privateSubnet = new Subnet(
                    names.name(privatePart),
                    SubnetArgs.builder()
                            .vpcId(vpc.id())
                            .availabilityZone(zone)
                            .cidrBlock(net.privateSubnets().get(i).toString())
                            .mapPublicIpOnLaunch(false)
                            .tags(names.nameTag(privatePart))
                            .build(),
                    child);
            // One table per AZ, so each AZ can route to its own NAT (gateway-per-az).
            var privateTable = new RouteTable(
                    names.name(privatePart),
                    RouteTableArgs.builder()
                            .vpcId(vpc.id())
                            .tags(names.nameTag(privatePart))
                            .build(),
                    child);
            associate(privatePart, privateSubnet, privateTable);
            privateSubnets.add(privateSubnet);
            privateTables.add(privateTable);
        }

        var egress = routePrivateTraffic(net, igw, publicSubnets, privateTables, vpc);

        // Free: S3 traffic (media, static, and ECR's image layers) skips the NAT.
        new VpcEndpoint(
                names.name("s3"),
                VpcEndpointArgs.builder()
                        .vpcId(vpc.id())
                        .serviceName("com.amazonaws." + args.region() + ".s3")
                        .vpcEndpointType("Gateway")
                        .routeTableIds(Output.all(
                                privateTables.stream().map(RouteTable::id).toList()))
                        .tags(names.nameTag("s3"))
                        .build(),
                child);

        groups.putAll(SecurityGroups.declare(args.names(), vpc, ipv6, args.cloudFrontOnly(), child));
        var allSubnets = new ArrayList<Subnet>(publicSubnets);
        allSubnets.addAll(privateSubnets);
        Baseline.declare(
                names,
                vpc,
                Output.all(allSubnets.stream().map(Subnet::id).toList()),
                net.vpcCidr().toString(),
                net.ipv6(),
                args.logRetentionDays(),
                child);

        var groupIds = new NetworkOutputs.SecurityGroupIds(
                groups.get(Group.ALB).id(),
                groups.get(Group.ECS).id(),
                groups.get(Group.RDS).id(),
                groups.get(Group.REDIS).id());
        this.outputs = new NetworkOutputs(
                vpc.id(),
                Output.all(publicSubnets.stream().map(Subnet::id).toList()),
                Output.all(privateSubnets.stream().map(Subnet::id).toList()),
                groupIds,
                Outputs.keyed(List.of(Group.values()), Group::id, groupIds::of),
                Output.all(egress),
                ipv6);
        registerOutputs(Map.of(
                "vpcId", outputs.vpcId(),
                "publicSubnetIds", outputs.publicSubnetIds(),
                "privateSubnetIds", outputs.privateSubnetIds(),
                "securityGroupIds", outputs.securityGroupIds()));
    }

    private static String zoneAt(List<String> zones, int index) {
        if (index >= zones.size()) {
            throw new IllegalStateException("tutors:publicSubnetCidrs asks for " + (index + 1)
                    + " availability zones but the region has " + zones.size() + " available: " + zones);
        }
        return zones.get(index);
    }

    /** @return the public addresses the private subnets' traffic leaves from */
    private List<Output<String>> routePrivateTraffic(
            NetworkSettings net,
            InternetGateway igw,
            List<Subnet> publicSubnets,
            List<RouteTable> privateTables,
            Vpc vpc) {
        var names = args.names();
        var afterIgw =
                CustomResourceOptions.builder().parent(this).dependsOn(igw).build();
        if (net.natMode() == NatMode.INSTANCE || net.natMode() == NatMode.INSTANCE_PER_AZ) {
            var shared =
                    NatInstance.shared(this, names, args.network().vpcCidr().toString(), vpc, net.natAmi());
            boolean perAz = net.natMode() == NatMode.INSTANCE_PER_AZ;
            var routers = new ArrayList<NatInstance.Egress>();
            // The single instance keeps its first names ("nat"), so existing stacks see no rename.
            for (int i = 0; i < (perAz ? net.azCount() : 1); i++) {
                routers.add(NatInstance.router(
                        this,
                        names,
                        perAz ? "nat-instance-" + (i + 1) : "nat",
                        publicSubnets.get(i),
                        shared,
                        args.region(),
                        afterIgw));
            }
            for (int i = 0; i < privateTables.size(); i++) {
                // Each AZ through its own router when there is one: a failed router stays in its AZ.
                var router = routers.get(Math.min(i, routers.size() - 1));
                route(
                        "private-" + (i + 1) + "-ipv4",
                        RouteArgs.builder()
                                .routeTableId(privateTables.get(i).id())
                                .destinationCidrBlock(SecurityRules.ANY_IPV4)
                                .networkInterfaceId(router.networkInterfaceId()));
            }
            return routers.stream().map(NatInstance.Egress::publicIp).toList();
        }
        int gatewayCount = net.natMode() == NatMode.GATEWAY_PER_AZ ? net.azCount() : 1;
        var gateways = new ArrayList<NatGateway>();
        var addresses = new ArrayList<Output<String>>();
        for (int i = 0; i < gatewayCount; i++) {
            var part = "nat-" + (i + 1);
            var eip = new Eip(
                    names.name(part),
                    EipArgs.builder().domain("vpc").tags(names.nameTag(part)).build(),
                    afterIgw);
            addresses.add(eip.publicIp());
            gateways.add(new NatGateway(
                    names.name(part),
                    NatGatewayArgs.builder()
                            .allocationId(eip.allocationId())
                            .subnetId(publicSubnets.get(i).id())
                            .connectivityType("public")
                            .tags(names.nameTag(part))
                            .build(),
                    afterIgw));
        }
        for (int i = 0; i < privateTables.size(); i++) {
            // Each AZ uses its own gateway when there is one, so an AZ outage stays in that AZ.
            var gateway = gateways.get(Math.min(i, gateways.size() - 1));
            route(
                    "private-" + (i + 1) + "-ipv4",
                    RouteArgs.builder()
                            .routeTableId(privateTables.get(i).id())
                            .destinationCidrBlock(SecurityRules.ANY_IPV4)
                            .natGatewayId(gateway.id()));
        }
        return addresses;
    }

    private void route(String part, RouteArgs.Builder routeArgs) {
        new Route(args.names().name(part), routeArgs.build(), child);
    }

    private void associate(String part, Subnet subnet, RouteTable table) {
        new RouteTableAssociation(
                args.names().name(part),
                RouteTableAssociationArgs.builder()
                        .subnetId(subnet.id())
                        .routeTableId(table.id())
                        .build(),
                child);
    }
}
