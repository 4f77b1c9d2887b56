package com.tutors.infra.network;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.ec2.Instance;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * NAT instances get patched: a looked-up AMI is kept (ignoreChanges), which even `up --replace` keeps, so
 * the supported way is to pin one (natAmi); a new pin replaces the instances, and each boot installs the
 * AMI's pending security updates.
 */
class NatAmiTest {
    private static final String A = "ami-0123456789abcdef0";
    private static final String B = "ami-0fedcba9876543210";

    @Test
    void unpinnedTheLatestIsLookedUpOnceAndKept() {
        var run = StackRuns.succeeded(StackRuns.committed("prod"));
        var nat = named(run, Instance.class, "tutors-prod-nat-instance-1");
        assertEquals(List.of("ami"), nat.ignoreChanges());
        assertEquals(1, run.invokes().get("aws:ssm/getParameter:getParameter"));
    }

    @Test
    void pinnedItIsTheStacksChoiceAndNotLookedUp() {
        var run = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:natAmi", A)));
        for (var part : List.of("nat-instance-1", "nat-instance-2")) {
            var nat = named(run, Instance.class, "tutors-prod-" + part);
            assertEquals(A, nat.input("ami"));
            assertEquals(List.of(), nat.ignoreChanges(), "a new pin must reach the instance");
        }
        assertFalse(run.invokes().containsKey("aws:ssm/getParameter:getParameter"));
    }

    @Test
    void aNewPinReplacesTheInstancesAndKeepsRoutesAndAddresses() {
        var before = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:natAmi", A)))
                .resources();
        var after = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:natAmi", B)))
                .resources();
        var diff = PlanDiff.between("A", before, "B", after, ReplaceRules.standard());
        var replaced = diff.changes().stream()
                .filter(c -> c.kind() == Kind.REPLACE)
                .map(PlanDiff.Change::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("tutors-prod-nat-instance-1", "tutors-prod-nat-instance-2"), replaced);
        assertTrue(
                diff.changes().stream()
                        .filter(c -> c.type().equals("aws:ec2/instance:Instance"))
                        .noneMatch(PlanDiff.Change::deleteFirst),
                "the new instance is up before the old one goes");
        assertTrue(
                diff.changes().stream()
                        .filter(c -> c.type().equals("aws:ec2/route:Route")
                                || c.type().equals("aws:ec2/eip:Eip"))
                        .allMatch(c -> c.kind() == Kind.UPDATE),
                "the route moves and the Elastic IP follows, in place: " + diff.changes());
    }

    @Test
    void eachBootInstallsSecurityUpdatesAfterForwardingWorks() {
        var userData = NatInstance.USER_DATA;
        assertTrue(userData.contains("dnf -y upgrade --security"));
        assertTrue(
                userData.indexOf("dnf -y upgrade --security") > userData.indexOf("iptables -S FORWARD"),
                "egress first: the tasks wait on it");
    }

    @Test
    void aBadPinIsRefusedByName() {
        var run = StackRuns.with("prod", Map.of("tutors:natAmi", "ami-xyz"));
        assertTrue(
                run.problems().stream().anyMatch(p -> p.startsWith("tutors:natAmi = 'ami-xyz': not an AMI id")),
                run.problems()::toString);
    }
}
