package com.tutors.infra.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.core.Ports;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityRulesTest {

    @Test
    void logicalNamesAreUnique() {
        var names = new HashSet<String>();
        SecurityRules.rules(true).forEach(r -> assertTrue(names.add(r.part()), r.part()));
        assertEquals(15, names.size());
    }

    @Test
    void everyRuleHasExactlyOnePeer() {
        for (var rule : SecurityRules.rules(true)) {
            assertTrue(
                    rule.peer() instanceof SecurityRules.GroupPeer || rule.peer() instanceof SecurityRules.CidrPeer,
                    rule.part());
            if (rule.peer() instanceof SecurityRules.GroupPeer g && g.group() == rule.group()) {
                // The one exception: the tasks' private path to the backend (the frontend's server-side calls).
                assertEquals(
                        List.of(SecurityRules.Group.ECS, Ports.BACKEND),
                        List.of(rule.group(), rule.port()),
                        "a group names itself only for the private path: " + rule.part());
            }
        }
    }

    @Test
    void ipv6AddsOnlyThePublicListenersOverIpv6() {
        var without = SecurityRules.rules(false);
        var with = SecurityRules.rules(true);
        assertEquals(with.size() - 2, without.size());
        with.stream().filter(r -> !without.contains(r)).forEach(r -> {
            assertEquals(SecurityRules.Group.ALB, r.group());
            assertEquals(new SecurityRules.CidrPeer(SecurityRules.ANY_IPV6), r.peer());
        });
    }

    @Test
    void theDataGroupsHaveNoEgress() {
        SecurityRules.rules(true).stream()
                .filter(r -> r.group() == SecurityRules.Group.RDS || r.group() == SecurityRules.Group.REDIS)
                .forEach(r -> assertEquals(SecurityRules.Direction.INGRESS, r.direction(), r.part()));
    }

    /**
     * A security group's description forces a new group (ForceNew in the provider): a reworded one
     * would replace every group of a running stack. Written out here, so a rename fails first.
     */
    @Test
    void groupDescriptionsArePinnedBecauseChangingOneReplacesTheGroup() {
        var expected = java.util.Map.of(
                "alb", "Application Load Balancer: HTTP and HTTPS from the internet",
                "ecs", "ECS tasks: app ports from the ALB only",
                "rds", "RDS PostgreSQL: 5432 from the ECS tasks only",
                "redis", "ElastiCache Redis: 6379 from the ECS tasks only");
        var actual = new java.util.HashMap<String, String>();
        for (var g : SecurityRules.Group.values()) {
            actual.put(g.id(), g.description());
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
        var described = new java.util.HashMap<Integer, String>();
        for (var rule : SecurityRules.rules(false)) {
            if (rule.group() == SecurityRules.Group.ECS
                    && rule.direction() == SecurityRules.Direction.INGRESS
                    && rule.peer().equals(new SecurityRules.GroupPeer(SecurityRules.Group.ALB))) {
                described.put(rule.port(), rule.description());
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals("The backend (gunicorn) from the ALB only", described.get(8000));
        org.junit.jupiter.api.Assertions.assertEquals("The frontend (Next.js) from the ALB only", described.get(3000));
    }
}
