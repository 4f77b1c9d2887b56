package com.tutors.infra.network;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultNetworkAcl;
import com.pulumi.aws.ec2.DefaultNetworkAclArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.inputs.DefaultNetworkAclEgressArgs;
import com.pulumi.aws.ec2.inputs.DefaultNetworkAclIngressArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.blocks.ServiceRoles;
import com.tutors.infra.core.Naming;
import com.tutors.infra.policy.PolicyDocument;
import java.util.List;

/**
 * What Security Hub's baseline asks of a VPC: its default security group empty (EC2.2), its default
 * network ACL closed to SSH and RDP from anywhere (EC2.21), and flow logs of rejected traffic (EC2.6).
 */
final class Baseline {
    private Baseline() {}

    static void declare(
            Naming names,
            Vpc vpc,
            Output<List<String>> subnetIds,
            String vpcCidr,
            boolean ipv6,
            int logRetentionDays,
            CustomResourceOptions child) {
        // Adopting the default group with no rules removes AWS's "all from self" and "all out".
        new DefaultSecurityGroup(
                names.name("default-sg"),
                DefaultSecurityGroupArgs.builder()
                        .vpcId(vpc.id())
                        .tags(names.nameTag("default-sg"))
                        .build(),
                child);
        new DefaultNetworkAcl(
                names.name("default-acl"),
                DefaultNetworkAclArgs.builder()
                        .defaultNetworkAclId(vpc.defaultNetworkAclId())
                        .subnetIds(subnetIds)
                        .ingress(NetworkAcls.ingress(vpcCidr, ipv6).stream()
                                .map(e -> {
                                    var rule = DefaultNetworkAclIngressArgs.builder()
                                            .ruleNo(e.ruleNo())
                                            .action("allow")
                                            .protocol(e.protocol())
                                            .fromPort(e.fromPort())
                                            .toPort(e.toPort());
                                    if (e.icmp()) {
                                        rule.icmpType(-1).icmpCode(-1); // every ICMP type and code
                                    }
                                    return (e.ipv6() ? rule.ipv6CidrBlock(e.cidr()) : rule.cidrBlock(e.cidr())).build();
                                })
                                .toList())
                        .egress(NetworkAcls.egress(ipv6).stream()
                                .map(e -> {
                                    var rule = DefaultNetworkAclEgressArgs.builder()
                                            .ruleNo(e.ruleNo())
                                            .action("allow")
                                            .protocol(e.protocol())
                                            .fromPort(e.fromPort())
                                            .toPort(e.toPort());
                                    return (e.ipv6() ? rule.ipv6CidrBlock(e.cidr()) : rule.cidrBlock(e.cidr())).build();
                                })
                                .toList())
                        .tags(names.nameTag("default-acl"))
                        .build(),
                child);

        var logs = new LogGroup(
                names.name("flow-logs"),
                LogGroupArgs.builder()
                        .name("/vpc/" + names.name("flow-logs"))
                        .retentionInDays(logRetentionDays)
                        .build(),
                child);
        var role = ServiceRoles.assumedBy(
                names,
                "flow-logs",
                "VPC flow logs write to their log group",
                PolicyDocument.serviceTrust("FlowLogsAssumeTheRole", "vpc-flow-logs.amazonaws.com"),
                child);
        new RolePolicy(
                names.name("flow-logs"),
                RolePolicyArgs.builder()
                        .role(role.name())
                        .policy(logs.arn()
                                .applyValue(arn -> PolicyDocument.create()
                                        .statement(
                                                "WriteFlowLogs",
                                                "Allow",
                                                null,
                                                List.of(
                                                        "logs:CreateLogStream",
                                                        "logs:PutLogEvents",
                                                        "logs:DescribeLogGroups",
                                                        "logs:DescribeLogStreams"),
                                                List.of(arn, arn + ":*"),
                                                null)
                                        .json()))
                        .build(),
                child);
        new FlowLog(
                names.name("flow-logs"),
                FlowLogArgs.builder()
                        .vpcId(vpc.id())
                        .trafficType("REJECT") // what EC2.6 asks: refused connections, for the least log volume
                        .logDestinationType("cloud-watch-logs")
                        .logDestination(logs.arn())
                        .iamRoleArn(role.arn())
                        .maxAggregationInterval(600)
                        .tags(names.nameTag("flow-logs"))
                        .build(),
                child);
    }
}
