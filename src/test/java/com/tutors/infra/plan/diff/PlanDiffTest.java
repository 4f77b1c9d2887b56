package com.tutors.infra.plan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.PlanDiff.Severity;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff engine on hand-made plans: each verdict and each warning, both ways. */
class PlanDiffTest {

    private static final ReplaceRules RULES = ReplaceRules.standard();

    static PlannedResource r(String type, String name, Map<String, Object> inputs, String... options) {
        var opts = List.of(options);
        var deps = new ArrayList<String>();
        opts.stream().filter(o -> o.startsWith("dep:")).forEach(o -> deps.add(o.substring(4)));
        return new PlannedResource(
                urn(type, name),
                type,
                name,
                true,
                "",
                "",
                opts.contains("protect"),
                deps,
                opts.contains("ignore:desiredCount") ? List.of("desiredCount") : List.of(),
                List.of(),
                inputs,
                3,
                null,
                List.of());
    }

    static String urn(String type, String name) {
        return "urn:pulumi:prod::tutors::tutors:storage:Storage$" + type + "::" + name;
    }

    private static PlanDiff.Result diff(List<PlannedResource> before, List<PlannedResource> after) {
        return PlanDiff.between("a", before, "b", after, RULES);
    }

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String SERVICE = "aws:ecs/service:Service";

    @Test
    void sameInputsAreNoChangeAndNewOrMissingUrnsAreCreatesAndDeletes() {
        var a = r(BUCKET, "media", Map.of("bucket", "m"));
        var b = r(BUCKET, "static", Map.of("bucket", "s"));
        assertTrue(diff(List.of(a, b), List.of(a, b)).changes().isEmpty());
        var d = diff(List.of(a), List.of(b));
        assertEquals(
                List.of(Kind.DELETE, Kind.CREATE).stream().sorted().toList(),
                d.changes().stream().map(PlanDiff.Change::kind).sorted().toList());
        assertEquals(1, d.count(Kind.CREATE));
        assertEquals(1, d.count(Kind.DELETE));
    }

    @Test
    void aReplaceForcingInputReplacesAndAnExplicitNameDeletesFirst() {
        var d = diff(
                List.of(r(BUCKET, "media", Map.of("bucket", "m", "forceDestroy", false))),
                List.of(r(BUCKET, "media", Map.of("bucket", "m2", "forceDestroy", false))));
        var c = d.changes().get(0);
        assertEquals(Kind.REPLACE, c.kind());
        assertEquals(List.of("bucket"), c.replacing());
        assertTrue(c.deleteFirst());
        assertTrue(d.dangerous(), "a data store replaced");
        var update = diff(
                        List.of(r(BUCKET, "media", Map.of("bucket", "m", "forceDestroy", false))),
                        List.of(r(BUCKET, "media", Map.of("bucket", "m", "forceDestroy", true))))
                .changes()
                .get(0);
        assertEquals(Kind.UPDATE, update.kind());
        assertEquals(List.of("forceDestroy"), update.changed());
    }

    @Test
    void nestedReplaceForcingPathsAreFound() {
        var type = "aws:ecs/taskDefinition:TaskDefinition";
        var d = diff(
                List.of(r(type, "t", Map.of("family", "f", "runtimePlatform", Map.of("cpuArchitecture", "X86_64")))),
                List.of(r(type, "t", Map.of("family", "f", "runtimePlatform", Map.of("cpuArchitecture", "ARM64")))));
        assertEquals(
                List.of("runtimePlatform.cpuArchitecture"), d.changes().get(0).replacing());
        assertFalse(
                d.changes().get(0).deleteFirst(), "a task definition's family is not autonamed: new revision first");
    }

    @Test
    void deletingOrReplacingADataStoreWarnsAndProtectionIsNamed() {
        var d = diff(List.of(r(BUCKET, "media", Map.of("bucket", "m"), "protect")), List.of());
        assertEquals(Severity.DANGER, d.warnings().get(0).severity());
        assertTrue(
                d.warnings().get(0).message().contains("protected"),
                d.warnings().toString());
        assertFalse(
                diff(List.of(), List.of(r(BUCKET, "media", Map.of("bucket", "m"))))
                        .dangerous(),
                "creating one is fine");
        var repoUpdate = diff(
                List.of(r("aws:ecr/repository:Repository", "be", Map.of("name", "be", "forceDelete", true))),
                List.of(r("aws:ecr/repository:Repository", "be", Map.of("name", "be", "forceDelete", false))));
        assertFalse(repoUpdate.dangerous(), "an in-place update of a data store is not a loss");
    }

    @Test
    void aServiceGainingALoadBalancerAndAGracePeriodTogetherIsRefused() {
        var bare = r(SERVICE, "backend", Map.of("name", "b"));
        var balanced = r(
                SERVICE,
                "backend",
                Map.of(
                        "name",
                        "b",
                        "loadBalancers",
                        List.of(Map.of("containerPort", 8000.0)),
                        "healthCheckGracePeriodSeconds",
                        60.0));
        assertTrue(diff(List.of(bare), List.of(balanced)).dangerous());
        assertTrue(diff(List.of(balanced), List.of(bare)).dangerous(), "and the mirror: losing both");
        var lbOnly =
                r(SERVICE, "backend", Map.of("name", "b", "loadBalancers", List.of(Map.of("containerPort", 8000.0))));
        assertFalse(diff(List.of(bare), List.of(lbOnly)).dangerous(), "a load balancer alone is accepted");
        assertFalse(diff(List.of(lbOnly), List.of(balanced)).dangerous(), "and the grace period in a later update");
    }

    @Test
    void aCapacityStrategyChangeReplacesTheServiceUnlessForceNewDeployment() {
        var spot = List.of(Map.of("capacityProvider", "FARGATE_SPOT", "weight", 1.0));
        var demand = List.of(Map.of("capacityProvider", "FARGATE", "weight", 1.0));
        var replaced = diff(
                List.of(r(SERVICE, "s", Map.of("name", "s", "capacityProviderStrategies", demand))),
                List.of(r(SERVICE, "s", Map.of("name", "s", "capacityProviderStrategies", spot))));
        assertEquals(Kind.REPLACE, replaced.changes().get(0).kind());
        assertTrue(replaced.dangerous(), "deleted first: an outage");
        var inPlace = diff(
                List.of(r(
                        SERVICE,
                        "s",
                        Map.of("name", "s", "capacityProviderStrategies", demand, "forceNewDeployment", true))),
                List.of(r(
                        SERVICE,
                        "s",
                        Map.of("name", "s", "capacityProviderStrategies", spot, "forceNewDeployment", true))));
        assertEquals(Kind.UPDATE, inPlace.changes().get(0).kind());
        assertFalse(inPlace.dangerous());
    }

    @Test
    void valkeyFromRedisIsInPlaceOtherEngineChangesAndDowngradesReplace() {
        var type = "aws:elasticache/replicationGroup:ReplicationGroup";
        assertEquals(
                Kind.UPDATE,
                diff(
                                List.of(r(type, "c", Map.of("engine", "redis"))),
                                List.of(r(type, "c", Map.of("engine", "valkey"))))
                        .changes()
                        .get(0)
                        .kind());
        assertEquals(
                Kind.REPLACE,
                diff(
                                List.of(r(type, "c", Map.of("engine", "valkey"))),
                                List.of(r(type, "c", Map.of("engine", "redis"))))
                        .changes()
                        .get(0)
                        .kind());
        assertEquals(
                Kind.REPLACE,
                diff(
                                List.of(r(type, "c", Map.of("engine", "redis", "engineVersion", "7.1"))),
                                List.of(r(type, "c", Map.of("engine", "redis", "engineVersion", "6.2"))))
                        .changes()
                        .get(0)
                        .kind());
        assertEquals(
                Kind.UPDATE,
                diff(
                                List.of(r(type, "c", Map.of("engine", "redis", "engineVersion", "6.2"))),
                                List.of(r(type, "c", Map.of("engine", "redis", "engineVersion", "7.1"))))
                        .changes()
                        .get(0)
                        .kind());
    }

    @Test
    void ignoredInputsAreLeftToTheRunningStack() {
        var d = diff(
                List.of(r(SERVICE, "s", Map.of("name", "s", "desiredCount", 2.0), "ignore:desiredCount")),
                List.of(r(SERVICE, "s", Map.of("name", "s", "desiredCount", 4.0), "ignore:desiredCount")));
        assertTrue(d.changes().isEmpty());
    }

    @Test
    void secretsShowAsChangedNeverWithTheirValues() {
        var type = "aws:secretsmanager/secretVersion:SecretVersion";
        var d = diff(
                List.of(r(type, "v", Map.of("secretString", new PlannedResource.Secret("old-value")))),
                List.of(r(type, "v", Map.of("secretString", new PlannedResource.Secret("new-value")))));
        assertEquals(List.of("secretString (secret)"), d.changes().get(0).changed());
        for (var format : DiffFormats.FORMATS) {
            var text = DiffFormats.render(d, format);
            assertFalse(text.contains("old-value") || text.contains("new-value"), format);
        }
        assertEquals(Severity.NOTE, d.warnings().get(0).severity(), "running tasks keep the old value");
        var same = diff(
                List.of(r(type, "v", Map.of("secretString", new PlannedResource.Secret("x")))),
                List.of(r(type, "v", Map.of("secretString", new PlannedResource.Secret("x")))));
        assertTrue(same.changes().isEmpty());
    }

    @Test
    void aReplacementReachesWhatTakesItsOutputs() {
        var type = "aws:ecs/taskDefinition:TaskDefinition";
        var task = urn(type, "t");
        var d = diff(
                List.of(
                        r(type, "t", Map.of("containerDefinitions", "a")),
                        r(SERVICE, "s", Map.of("name", "s"), "dep:" + task)),
                List.of(
                        r(type, "t", Map.of("containerDefinitions", "b")),
                        r(SERVICE, "s", Map.of("name", "s"), "dep:" + task)));
        var service = d.changes().stream()
                .filter(c -> c.type().equals(SERVICE))
                .findFirst()
                .orElseThrow();
        assertEquals(Kind.UPDATE, service.kind());
        assertEquals(List.of("outputs of TaskDefinition t"), service.changed());
    }

    @Test
    void theOriginLockInTheUpdateThatMovesDnsIsDangerousAndAloneItIsNot() {
        var listener = "aws:lb/listener:Listener";
        var record = "aws:route53/record:Record";
        var forward = r(listener, "https", Map.of("defaultActions", List.of(Map.of("type", "forward"))));
        var locked = r(listener, "https", Map.of("defaultActions", List.of(Map.of("type", "fixed-response"))));
        var toAlb = r(record, "alias-a", Map.of("aliases", List.of(Map.of("name", "alb"))));
        var toCdn = r(record, "alias-a", Map.of("aliases", List.of(Map.of("name", "cdn"))));
        assertTrue(diff(List.of(forward, toAlb), List.of(locked, toCdn)).dangerous());
        assertFalse(
                diff(List.of(forward, toCdn), List.of(locked, toCdn)).dangerous(), "locked after the records moved");
        assertFalse(
                diff(List.of(forward, toAlb), List.of(forward, toCdn)).dangerous(), "records moved, not yet locked");
    }

    @Test
    void formatsCarryTheVerdictsAndTheMarker() {
        var d = diff(
                List.of(r(BUCKET, "media", Map.of("bucket", "m"))), List.of(r(BUCKET, "media", Map.of("bucket", "n"))));
        assertTrue(
                DiffFormats.text(d).contains("± replace tutors")
                        || DiffFormats.text(d).contains("± replace media"),
                DiffFormats.text(d));
        assertTrue(DiffFormats.markdown(d).startsWith(DiffFormats.MARKER));
        assertTrue(DiffFormats.markdown(d).contains(":warning: **danger**"));
        assertTrue(DiffFormats.json(d).contains("\"dangerous\": true"));
        assertTrue(DiffFormats.json(d).contains("\"replace\": 1"));
    }
}
