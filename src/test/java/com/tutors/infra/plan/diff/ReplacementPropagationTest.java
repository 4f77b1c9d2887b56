package com.tutors.infra.plan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff.Kind;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A replaced resource gets a new id, and a dependent whose replace-forcing input holds that id is
 * replaced in turn. The mock engine gives a replacement the same id, so the diff finds those inputs by
 * the replaced resource's id and ARN. Each config key that reaches a replace-forcing input is planned here.
 */
class ReplacementPropagationTest {

    private static Map<String, Kind> kinds(PlanDiff.Result d) {
        return d.changes().stream()
                .collect(Collectors.toMap(
                        c -> c.type().substring(c.type().lastIndexOf(':') + 1) + " " + c.name(),
                        PlanDiff.Change::kind,
                        (a, b) -> a));
    }

    @Test
    void aPublicSubnetsNewBlockReplacesTheNatInstanceInIt() {
        var d = StackTransitionsTest.transition(
                "prod", Map.of(), Map.of("tutors:publicSubnetCidrs", "[\"10.0.3.0/24\", \"10.0.2.0/24\"]"));
        var k = kinds(d);
        assertEquals(Kind.REPLACE, k.get("Subnet tutors-prod-public-1"));
        assertEquals(
                Kind.REPLACE, k.get("Instance tutors-prod-nat-instance-1"), "its subnetId forces a new instance: " + k);
        var nat = d.changes().stream()
                .filter(c -> c.name().equals("tutors-prod-nat-instance-1")
                        && c.type().equals("aws:ec2/instance:Instance"))
                .findFirst()
                .orElseThrow();
        assertTrue(nat.replacing().stream().anyMatch(r -> r.startsWith("subnetId")), nat.toString());
        assertEquals(null, k.get("Instance tutors-prod-nat-instance-2"), "the other AZ's is untouched");
        assertEquals(
                Kind.REPLACE, k.get("RouteTableAssociation tutors-prod-public-1"), "subnetId forces a new association");
        assertEquals(Kind.UPDATE, k.get("LoadBalancer tutors-prod-alb"), "an ALB's subnets change in place");
    }

    @Test
    void aPrivateSubnetsNewBlockMovesTheDataStoresSubnetGroupsInPlace() {
        var d = StackTransitionsTest.transition(
                "prod", Map.of(), Map.of("tutors:privateSubnetCidrs", "[\"10.0.30.0/24\", \"10.0.20.0/24\"]"));
        var k = kinds(d);
        assertEquals(Kind.REPLACE, k.get("Subnet tutors-prod-private-1"));
        assertEquals(Kind.REPLACE, k.get("RouteTableAssociation tutors-prod-private-1"));
        assertEquals(
                Kind.UPDATE, k.get("SubnetGroup tutors-prod-db"), "RDS moves subnets without a new subnet group: " + k);
        assertEquals(null, k.get("Instance tutors-prod-postgres"), "the database is not replaced");
        assertEquals(Kind.UPDATE, k.get("Service tutors-prod-backend"), "services move to the new subnet in place");
    }

    @Test
    void aNewVpcBlockReplacesWhatIsInTheVpcAndWarns() {
        var d = StackTransitionsTest.transition(
                "staging",
                Map.of(),
                Map.of(
                        "tutors:vpcCidr",
                        "10.2.0.0/16",
                        "tutors:publicSubnetCidrs",
                        "[\"10.2.1.0/24\", \"10.2.2.0/24\"]",
                        "tutors:privateSubnetCidrs",
                        "[\"10.2.10.0/24\", \"10.2.20.0/24\"]"));
        var k = kinds(d);
        for (var name : Set.of(
                "Vpc tutors-staging-vpc",
                "SecurityGroup tutors-staging-sg-ecs",
                "SecurityGroup tutors-staging-sg-rds",
                "TargetGroup tutors-staging-backend",
                "RouteTable tutors-staging-private-1")) {
            assertEquals(Kind.REPLACE, k.get(name), name + ": " + k);
        }
        assertTrue(d.dangerous(), "a new VPC moves the data stores: " + d.warnings());
    }

    @Test
    void aTargetGroupReplacedByANewPortOrNameReplacesWhatHoldsItsArn() {
        // The listener rules and the service hold the target group's ARN: a rule's forward target updates
        // in place, while an ECS service's load balancer block is updated (UpdateService) too.
        var d = StackTransitionsTest.transition(
                "staging",
                Map.of(),
                Map.of(
                        "tutors:vpcCidr",
                        "10.2.0.0/16",
                        "tutors:publicSubnetCidrs",
                        "[\"10.2.1.0/24\", \"10.2.2.0/24\"]",
                        "tutors:privateSubnetCidrs",
                        "[\"10.2.10.0/24\", \"10.2.20.0/24\"]"));
        var k = kinds(d);
        assertEquals(Kind.REPLACE, k.get("TargetGroup tutors-staging-frontend"));
        assertTrue(
                Set.of(Kind.UPDATE, Kind.REPLACE).contains(k.get("ListenerRule tutors-staging-backend-10")),
                k.toString());
    }
}
