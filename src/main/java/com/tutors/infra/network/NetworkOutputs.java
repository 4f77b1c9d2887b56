package com.tutors.infra.network;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;

/**
 * What phase 1 gives the later phases: the seed's outputs (VPC, subnets, security groups) plus
 * whether the public subnets have IPv6 (the ALB is then dual-stack).
 *
 * @param securityGroupIds the same ids as {@code securityGroups}, keyed alb, ecs, rds, redis (the stack output)
 * @param egressIps        the public IPv4 addresses the tasks' outbound traffic leaves from (the NATs' Elastic IPs)
 */
public record NetworkOutputs(
        Output<String> vpcId,
        Output<List<String>> publicSubnetIds,
        Output<List<String>> privateSubnetIds,
        SecurityGroupIds securityGroups,
        Output<Map<String, String>> securityGroupIds,
        Output<List<String>> egressIps,
        boolean ipv6) {

    /** The four groups' ids, by role. */
    public record SecurityGroupIds(Output<String> alb, Output<String> ecs, Output<String> rds, Output<String> redis) {

        public Output<String> of(SecurityRules.Group group) {
            return switch (group) {
                case ALB -> alb;
                case ECS -> ecs;
                case RDS -> rds;
                case REDIS -> redis;
            };
        }
    }
}
