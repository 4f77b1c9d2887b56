package com.tutors.infra.network;

import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityRulesTest {

    @Test
    void logicalNamesAreUnique() {
        var names = new HashSet<String>();
        SecurityRules.rules(true).forEach(r -> assertTrue(names.add(r.part()), r.part()));
        assertEquals(13, names.size());
    }

    @Test
    void everyRuleHasExactlyOnePeer() {
        for (var rule : SecurityRules.rules(true)) {
            assertTrue(rule.peer() instanceof SecurityRules.GroupPeer || rule.peer() instanceof SecurityRules.CidrPeer, rule.part());
            if (rule.peer() instanceof SecurityRules.GroupPeer g) {
                assertTrue(g.group() != rule.group(), "a group never names itself: " + rule.part());
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
}
