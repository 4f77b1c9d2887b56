package com.tutors.infra.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import com.tutors.infra.network.SecurityRules.CidrPeer;
import com.tutors.infra.network.SecurityRules.Group;
import com.tutors.infra.network.SecurityRules.GroupPeer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 1's security groups and their rules, wired from {@link SecurityRules}. Its resources keep the
 * Foundation component as parent, so no URN moved when it was split out.
 */
final class SecurityGroups {
    private SecurityGroups() {}

    /** The four groups of the plan, then their rules from {@link SecurityRules}, each a resource of its own. */
    static Map<Group, SecurityGroup> declare(
            Naming names, Vpc vpc, boolean ipv6, Optional<Output<String>> cloudFrontOnly, CustomResourceOptions child) {
        var groups = new LinkedHashMap<Group, SecurityGroup>();
        for (var group : Group.values()) {
            var part = "sg-" + group.id();
            groups.put(
                    group,
                    new SecurityGroup(
                            names.name(part),
                            SecurityGroupArgs.builder()
                                    .name(names.name(part))
                                    .description(group.description())
                                    .vpcId(vpc.id())
                                    // The groups reference each other: revoke rules first so deletes never deadlock.
                                    .revokeRulesOnDelete(true)
                                    .tags(names.nameTag(part))
                                    .build(),
                            child));
        }
        // Separate rule resources, not inline rules, so groups that reference each other never form a cycle.
        for (var rule : SecurityRules.rules(ipv6, cloudFrontOnly.isPresent())) {
            var self = groups.get(rule.group()).id();
            var ruleName = names.name(rule.part());
            Output<String> peer = null;
            Output<String> ipv4 = null;
            Output<String> ipv6Cidr = null;
            Output<String> prefixList = null;
            if (rule.peer() instanceof SecurityRules.PrefixListPeer) {
                prefixList = cloudFrontOnly.orElseThrow();
            } else if (rule.peer() instanceof GroupPeer g) {
                peer = groups.get(g.group()).id();
            } else if (rule.peer() instanceof CidrPeer c && c.ipv6()) {
                ipv6Cidr = Output.of(c.block());
            } else if (rule.peer() instanceof CidrPeer c) {
                ipv4 = Output.of(c.block());
            }
            if (rule.direction() == SecurityRules.Direction.INGRESS) {
                new SecurityGroupIngressRule(
                        ruleName,
                        SecurityGroupIngressRuleArgs.builder()
                                .securityGroupId(self)
                                .ipProtocol("tcp")
                                .fromPort(rule.port())
                                .toPort(rule.port())
                                .referencedSecurityGroupId(peer)
                                .cidrIpv4(ipv4)
                                .cidrIpv6(ipv6Cidr)
                                .prefixListId(prefixList)
                                .description(rule.description())
                                .build(),
                        child);
            } else {
                new SecurityGroupEgressRule(
                        ruleName,
                        SecurityGroupEgressRuleArgs.builder()
                                .securityGroupId(self)
                                .ipProtocol("tcp")
                                .fromPort(rule.port())
                                .toPort(rule.port())
                                .referencedSecurityGroupId(peer)
                                .cidrIpv4(ipv4)
                                .cidrIpv6(ipv6Cidr)
                                .description(rule.description())
                                .build(),
                        child);
            }
        }
        return groups;
    }
}
