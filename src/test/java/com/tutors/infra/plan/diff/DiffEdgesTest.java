package com.tutors.infra.plan.diff;

import static com.tutors.infra.plan.diff.PlanDiffTest.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff engine at its edges: nested lists, empty against absent, the CustomizeDiff conditions, names. */
class DiffEdgesTest {

    private static final ReplaceRules RULES = ReplaceRules.standard();
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
    private static final String INSTANCE = "aws:ec2/instance:Instance";

    private static PlanDiff.Change only(String type, Map<String, Object> before, Map<String, Object> after) {
        var d = PlanDiff.between("a", List.of(r(type, "x", before)), "b", List.of(r(type, "x", after)), RULES);
        assertEquals(1, d.changes().size(), d.changes()::toString);
        return d.changes().get(0);
    }

    @Test
    void anElementOfAListOfBlocksIsComparedFieldByField() {
        // networkInterfaces[].deviceIndex forces a new instance; another field of the same block does not
        var replaced = only(
                INSTANCE,
                Map.of("networkInterfaces", List.of(Map.of("deviceIndex", 0.0, "description", "a"))),
                Map.of("networkInterfaces", List.of(Map.of("deviceIndex", 1.0, "description", "a"))));
        assertEquals(Kind.REPLACE, replaced.kind());
        assertEquals(List.of("networkInterfaces[].deviceIndex"), replaced.replacing());
        var updated = only(
                INSTANCE,
                Map.of("networkInterfaces", List.of(Map.of("deviceIndex", 0.0, "description", "a"))),
                Map.of("networkInterfaces", List.of(Map.of("deviceIndex", 0.0, "description", "b"))));
        assertEquals(Kind.UPDATE, updated.kind(), updated::toString);
        assertEquals(List.of("networkInterfaces"), updated.changed());
        // A list that grows is a change of the whole list; with a forcing field inside, a replacement
        var grown = only(
                INSTANCE,
                Map.of("networkInterfaces", List.of(Map.of("deviceIndex", 0.0))),
                Map.of("networkInterfaces", List.of(Map.of("deviceIndex", 0.0), Map.of("deviceIndex", 1.0))));
        assertEquals(List.of("networkInterfaces"), grown.changed());
        assertEquals(
                List.of("networkInterfaces"), grown.replacing(), "the whole list changed, and it holds forcing fields");
        // A list of plain values is compared as a whole
        var plain = only(
                INSTANCE,
                Map.of("vpcSecurityGroupIds", List.of("sg-1")),
                Map.of("vpcSecurityGroupIds", List.of("sg-2")));
        assertEquals(Kind.UPDATE, plain.kind());
        assertEquals(List.of("vpcSecurityGroupIds"), plain.changed(), "the list, not an element path");
        // Only lists of blocks on both sides are walked element by element.
        for (var pair : List.of(
                List.of(List.of("a"), List.of(Map.of("k", 1.0))), List.of(List.of(Map.of("k", 1.0)), List.of("a")))) {
            var mixed = only(INSTANCE, Map.of("tags", pair.get(0)), Map.of("tags", pair.get(1)));
            assertEquals(List.of("tags"), mixed.changed(), pair::toString);
        }
    }

    @Test
    void aNewSecretVersionReplacesTheTaskDefinitionThatReadsItAndUpdatesTheServiceThatRunsThat() {
        var sv = "aws:secretsmanager/secretVersion:SecretVersion";
        var td = "aws:ecs/taskDefinition:TaskDefinition";
        var tdDep = "dep:" + PlanDiffTest.urn(sv, "db-url");
        var svcDep = "dep:" + PlanDiffTest.urn(td, "backend");
        var before = List.of(
                r(sv, "db-url", Map.of("secretString", "a")),
                r(td, "backend", Map.of("family", "f"), tdDep),
                r(SERVICE, "backend", Map.of("name", "s"), svcDep));
        var after = List.of(
                r(sv, "db-url", Map.of("secretString", "b")),
                r(td, "backend", Map.of("family", "f"), tdDep),
                r(SERVICE, "backend", Map.of("name", "s"), svcDep));
        var kinds = new java.util.TreeMap<String, Kind>();
        var replacing = new java.util.TreeMap<String, List<String>>();
        PlanDiff.between("a", before, "b", after, RULES).changes().forEach(c -> {
            kinds.put(c.type(), c.kind());
            replacing.put(c.type(), c.replacing());
        });
        assertEquals(
                Map.of(sv, Kind.REPLACE, td, Kind.REPLACE, SERVICE, Kind.UPDATE),
                kinds,
                "a task definition is replaced by any change: a new revision; the service only moves to it");
        assertEquals(List.of("outputs of SecretVersion db-url"), replacing.get(td), "what replaces it is named");
        assertEquals(List.of(), replacing.get(SERVICE));
    }

    @Test
    void aReplacementDeletesFirstOnlyWhenTheProgramSetsThePhysicalName() {
        var sg = "aws:ec2/securityGroup:SecurityGroup";
        var named = only(
                sg,
                Map.of("name", "tutors-prod-sg-alb", "description", "a"),
                Map.of("name", "tutors-prod-sg-alb", "description", "b"));
        assertEquals(Kind.REPLACE, named.kind());
        assertTrue(named.deleteFirst(), "an explicit name cannot exist twice: the bridge deletes before it creates");
        var autonamed = only(sg, Map.of("description", "a"), Map.of("description", "b"));
        assertEquals(Kind.REPLACE, autonamed.kind());
        assertEquals(false, autonamed.deleteFirst(), "an auto-name lets the new one exist beside the old");
        var updated =
                only(sg, Map.of("name", "n", "tags", Map.of("a", "1")), Map.of("name", "n", "tags", Map.of("a", "2")));
        assertEquals(false, updated.deleteFirst());
    }

    @Test
    void anEmptyListAndAnAbsentInputAreTheSame() {
        var before = new HashMap<String, Object>(Map.of("ami", "ami-1"));
        var after = new HashMap<String, Object>(Map.of("ami", "ami-1", "vpcSecurityGroupIds", List.of()));
        var d = PlanDiff.between("a", List.of(r(INSTANCE, "x", before)), "b", List.of(r(INSTANCE, "x", after)), RULES);
        assertTrue(d.changes().isEmpty(), d.changes()::toString);
    }

    @Test
    void aServicesCapacityStrategyReplacesItUnlessANewDeploymentIsForcedAndTheListStaysNonEmpty() {
        var spot = List.of(Map.of("capacityProvider", "FARGATE_SPOT", "weight", 1.0));
        var onDemand = List.of(Map.of("capacityProvider", "FARGATE", "weight", 1.0));
        assertEquals(
                Kind.UPDATE,
                only(
                                SERVICE,
                                Map.of("capacityProviderStrategies", onDemand, "forceNewDeployment", true),
                                Map.of("capacityProviderStrategies", spot, "forceNewDeployment", true))
                        .kind());
        assertEquals(
                Kind.REPLACE,
                only(
                                SERVICE,
                                Map.of("capacityProviderStrategies", onDemand, "forceNewDeployment", false),
                                Map.of("capacityProviderStrategies", spot, "forceNewDeployment", false))
                        .kind(),
                "without a forced deployment");
        assertEquals(
                Kind.REPLACE,
                only(
                                SERVICE,
                                Map.of("forceNewDeployment", true),
                                Map.of("capacityProviderStrategies", spot, "forceNewDeployment", true))
                        .kind(),
                "absent -> a strategy");
        assertEquals(
                Kind.REPLACE,
                only(
                                SERVICE,
                                Map.of("capacityProviderStrategies", onDemand, "forceNewDeployment", true),
                                Map.of("capacityProviderStrategies", List.of(), "forceNewDeployment", true))
                        .kind(),
                "a strategy -> empty");
    }

    @Test
    void aCacheEngineVersionDowngradeReplacesAndAnUpgradeDoesNot() {
        assertEquals(
                Kind.UPDATE,
                only(
                                CACHE,
                                Map.of("engine", "redis", "engineVersion", "7.0"),
                                Map.of("engine", "redis", "engineVersion", "7.1"))
                        .kind());
        assertEquals(
                Kind.REPLACE,
                only(
                                CACHE,
                                Map.of("engine", "redis", "engineVersion", "7.1"),
                                Map.of("engine", "redis", "engineVersion", "7.0"))
                        .kind());
        assertEquals(
                Kind.UPDATE,
                only(
                                CACHE,
                                Map.of("engine", "redis", "engineVersion", "6.2"),
                                Map.of("engine", "redis", "engineVersion", "6.10"))
                        .kind(),
                "numbers, not text: 6.10 is newer than 6.2");
        assertEquals(
                Kind.REPLACE,
                only(
                                CACHE,
                                Map.of("engine", "valkey", "engineVersion", "8.0"),
                                Map.of("engine", "redis", "engineVersion", "7.1"))
                        .kind(),
                "valkey -> redis");
        assertEquals(0, ReplaceRules.compareVersions("7.1", "7.1.0"), "a missing part is 0");
        assertEquals(0, ReplaceRules.compareVersions("7.1.0", "7.1"));
        assertEquals(0, ReplaceRules.compareVersions("7", "7.0"));
        assertEquals(
                Kind.UPDATE,
                only(
                                CACHE,
                                Map.of("engine", "redis", "engineVersion", "7.1"),
                                Map.of("engine", "redis", "engineVersion", "7.1.0"))
                        .kind(),
                "the same version written longer is no downgrade");
        assertEquals(1, ReplaceRules.compareVersions("8", "7.9.9"));
        assertEquals(-1, ReplaceRules.compareVersions("7.1", "7.1.1"));
    }

    @Test
    void userDataReplacesAnInstanceOnlyWhenAskedTo() {
        assertEquals(
                Kind.REPLACE,
                only(
                                INSTANCE,
                                Map.of("userData", "a", "userDataReplaceOnChange", true),
                                Map.of("userData", "b", "userDataReplaceOnChange", true))
                        .kind());
        assertEquals(
                Kind.UPDATE,
                only(INSTANCE, Map.of("userData", "a"), Map.of("userData", "b")).kind(),
                "stop, modify, start: no new instance");
    }

    @Test
    void aResourceIsDescribedByItsOwnTypeAndName() {
        assertEquals(
                "Service tutors-prod-backend",
                PlanDiff.describe(
                        "urn:pulumi:prod::tutors::tutors:compute:Compute$aws:ecs/service:Service::tutors-prod-backend"));
        assertEquals(
                "BucketV2 b", PlanDiff.describe("urn:pulumi:prod::tutors::aws:s3/bucketV2:BucketV2::b"), "no parent");
    }

    @Test
    void theRulesNameTheProviderTheyWereReadFrom() {
        assertEquals("pulumi-aws 6.83.0 / terraform-provider-aws 5.100.0, read 2026-12-01", RULES.version());
    }
}
