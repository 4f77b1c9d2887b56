package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Day 2: every change the README documents, planned before and after and compared by URN with the
 * diff engine. None may replace or delete a data store, send ECS an UpdateService it refuses, replace
 * a service, or lock the origin in the update that moves DNS; lowering lastPhase deletes only the
 * phases it removes.
 */
class RunningStackChangesTest {

    private static final String SERVICE = "aws:ecs/service:Service";

    private static PlanDiff.Result change(String stack, Map<String, String> before, Map<String, String> after) {
        var a = StackRuns.succeeded(StackRuns.with(stack, before));
        var b = StackRuns.succeeded(StackRuns.with(stack, after));
        return PlanDiff.between("before", a.resources(), "after", b.resources(), ReplaceRules.standard());
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        var map = new HashMap<>(base);
        map.putAll(StackRuns.override(keyValues));
        return map;
    }

    private static void assertSafe(PlanDiff.Result d) {
        assertFalse(d.dangerous(), () -> "dangerous: " + d.warnings());
        assertTrue(
                d.changes().stream().noneMatch(c -> c.type().equals(SERVICE) && c.kind() == Kind.REPLACE),
                "a service is never replaced");
    }

    private static Set<String> types(PlanDiff.Result d, Kind kind) {
        return d.changes().stream()
                .filter(c -> c.kind() == kind)
                .map(PlanDiff.Change::type)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void raisingLastPhaseOneStepAtATimeOnlyAddsAndLoweringOnlyRemovesThatPhase(String stack) {
        for (int phase = 1; phase < 6; phase++) {
            var lower = StackRuns.override("tutors:lastPhase", String.valueOf(phase));
            var higher = StackRuns.override("tutors:lastPhase", String.valueOf(phase + 1));
            if (phase == 5 && stack.equals("prod")) {
                // Phase 6 turns the CDN on: first without the origin lock (see the next tests).
                higher = with(higher, "tutors:originLock", "false");
            }
            var up = change(stack, lower, higher);
            assertSafe(up);
            assertEquals(Set.of(), types(up, Kind.DELETE), "raising to " + (phase + 1) + " deletes nothing");
            int added = phase + 1;
            assertTrue(
                    up.changes().stream()
                            .filter(c -> c.kind() == Kind.CREATE)
                            .allMatch(c -> c.phase() == added
                                    || c.type().equals(SERVICE)
                                    || c.name().contains("autoscal")
                                    || c.phase() == 4 && added == 5
                                    || c.phase() <= 5 && added == 6),
                    "only the new phase (and phase 4's services with 5) is created");
            var down = change(stack, higher, lower);
            assertEquals(Set.of(), types(down, Kind.CREATE), "lowering creates nothing");
            int kept = phase;
            assertTrue(
                    down.changes().stream()
                            .filter(c -> c.kind() == Kind.DELETE)
                            .allMatch(c -> c.phase() > kept
                                    || c.type().equals(SERVICE)
                                    || c.phase() == 4
                                    || c.phase() == 3 && kept >= 3
                                    || c.phase() == 5),
                    "lowering deletes only what the removed phase declared");
            assertTrue(
                    down.changes().stream()
                            .noneMatch(c -> c.type().equals(SERVICE)
                                    && c.kind() == Kind.UPDATE
                                    && c.changed().contains("loadBalancers")),
                    "a service never loses its load balancer in place");
        }
    }

    @Test
    void turningTheCdnOnIsTwoStepsAndTheLockNeverLandsWithTheDnsMove() {
        var off = StackRuns.override("tutors:cdn", "false");
        var open = StackRuns.override("tutors:cdn", "true", "tutors:originLock", "false");
        var locked = StackRuns.override("tutors:cdn", "true", "tutors:originLock", "true");
        var first = change("prod", off, open);
        assertSafe(first);
        assertTrue(
                first.changes().stream()
                        .anyMatch(c -> c.type().equals("aws:route53/record:Record")
                                && c.changed().contains("aliases")),
                "the first step moves the domain to CloudFront");
        var second = change("prod", open, locked);
        assertSafe(second);
        assertTrue(
                second.changes().stream().noneMatch(c -> c.type().equals("aws:route53/record:Record")),
                "and the lock moves no record");
        assertTrue(change("prod", off, locked).dangerous(), "both at once is flagged, so --fail-on danger stops it");
    }

    @Test
    void switchingTheCdnWithWafOnCreatesTheOtherScopesAclBeforeDeletingTheOld() {
        var d = change(
                "prod",
                StackRuns.override("tutors:originLock", "false"),
                StackRuns.override("tutors:cdn", "false", "tutors:originLock", "false"));
        assertSafe(d);
        var acls = d.changes().stream()
                .filter(c -> c.type().equals("aws:wafv2/webAcl:WebAcl"))
                .collect(Collectors.toMap(PlanDiff.Change::name, PlanDiff.Change::kind));
        assertEquals(Map.of("tutors-prod-waf", Kind.DELETE, "tutors-prod-waf-regional", Kind.CREATE), acls);
    }

    @Test
    void phaseSixPartsGoOnAndOffWithoutTouchingData() {
        // One run for both switches (each run costs a plan): off, and back on is the same diff reversed.
        var off = StackRuns.override("tutors:waf", "false", "tutors:alarms", "false");
        var d = change("prod", Map.of(), off);
        assertSafe(d);
        assertEquals(Set.of(), types(d, Kind.CREATE));
        assertTrue(types(d, Kind.DELETE)
                .containsAll(Set.of("aws:wafv2/webAcl:WebAcl", "aws:cloudwatch/metricAlarm:MetricAlarm")));
        var on = change("prod", off, Map.of());
        assertSafe(on);
        assertEquals(Set.of(), types(on, Kind.DELETE));
    }

    @Test
    void aSpotShareIsARollingUpdateOfTheSameServices() {
        // Fargate Spot takes X86_64 tasks only: on prod's Graviton it is refused (BadConfigTest).
        var x86 = StackRuns.override("tutors:cpuArchitecture", "X86_64");
        var d = change("prod", x86, with(x86, "tutors:fargateSpotPercent", "50"));
        assertSafe(d);
        assertEquals(
                Set.of(SERVICE, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders"), types(d, Kind.UPDATE));
    }

    @Test
    void gravitonIsNewTaskRevisionsAndARollingUpdate() {
        var d = change("prod", StackRuns.override("tutors:cpuArchitecture", "X86_64"), Map.of());
        assertSafe(d);
        assertEquals(Set.of("aws:ecs/taskDefinition:TaskDefinition"), types(d, Kind.REPLACE));
        assertEquals(Set.of(SERVICE), types(d, Kind.UPDATE));
        assertEquals(Set.of(), types(d, Kind.DELETE));
    }

    @Test
    void natGatewaysToAnInstancePerAzKeepEveryRouteAndDeleteTheGatewaysLast() {
        var d = change("prod", StackRuns.override("tutors:natMode", "gateway-per-az"), Map.of());
        assertSafe(d);
        assertTrue(
                d.changes().stream().allMatch(c -> c.phase() == 1 || c.type().equals("aws:wafv2/ipSet:IpSet")),
                () -> "only phase 1 and WAF's list of the NAT addresses change: " + d.changes());
        var routes = d.changes().stream()
                .filter(c -> c.type().equals("aws:ec2/route:Route"))
                .toList();
        assertEquals(2, routes.size());
        // ReplaceRoute in place: each private route table keeps a default route throughout
        assertTrue(routes.stream().allMatch(c -> c.kind() == Kind.UPDATE), () -> routes.toString());
        assertEquals(Set.of("aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip"), types(d, Kind.DELETE));
        assertTrue(types(d, Kind.CREATE)
                .containsAll(Set.of(
                        "aws:ec2/instance:Instance", "aws:ec2/eip:Eip", "aws:cloudwatch/metricAlarm:MetricAlarm")));
    }

    @Test
    void officeHoursOnStagingAddSchedulesAndTouchNoRunningResource() {
        var off = java.util.Collections.<String, String>singletonMap("tutors:officeHours", null);
        var on = change("staging", off, Map.of());
        assertSafe(on);
        assertEquals(
                Set.of(
                        "aws:appautoscaling/scheduledAction:ScheduledAction",
                        "aws:scheduler/schedule:Schedule",
                        "aws:iam/role:Role",
                        "aws:iam/rolePolicy:RolePolicy"),
                types(on, Kind.CREATE));
        assertEquals(Set.of("aws:cloudwatch/metricAlarm:MetricAlarm"), types(on, Kind.DELETE), "the two down alarms");
        // The database's windows move inside the hours (a stopped instance is neither backed up nor maintained): in
        // place.
        assertEquals(Set.of("aws:rds/instance:Instance"), types(on, Kind.UPDATE));
        assertEquals(
                List.of("backupWindow", "maintenanceWindow"),
                on.changes().stream()
                        .filter(c -> c.type().equals("aws:rds/instance:Instance"))
                        .findFirst()
                        .orElseThrow()
                        .changed());
        assertEquals(Set.of(), types(on, Kind.REPLACE));
        var offAgain = change("staging", Map.of(), off);
        assertSafe(offAgain);
        assertEquals(Set.of("aws:cloudwatch/metricAlarm:MetricAlarm"), types(offAgain, Kind.CREATE));
    }

    @Test
    void aPermissionsBoundaryReachesEveryRoleInPlace() {
        var arn = "arn:aws:iam::123456789012:policy/tutors-workload-boundary";
        var after = StackRuns.succeeded(StackRuns.with("prod", StackRuns.override("tutors:permissionsBoundary", arn)));
        var roles = StackRuns.ofType(after, com.pulumi.aws.iam.Role.class);
        // flow logs, NAT, RDS monitoring, ECS execution, backend task, frontend task
        assertEquals(6, roles.size(), roles::toString);
        assertTrue(roles.stream().allMatch(r -> arn.equals(r.input("permissionsBoundary"))), roles::toString);
        assertTrue(
                StackRuns.ofType(StackRuns.committed("prod"), com.pulumi.aws.iam.Role.class).stream()
                        .noneMatch(r -> r.inputs().containsKey("permissionsBoundary")),
                "none without the key");
        var d = change("prod", Map.of(), StackRuns.override("tutors:permissionsBoundary", arn));
        assertSafe(d);
        assertEquals(Set.of("aws:iam/role:Role"), types(d, Kind.UPDATE));
        assertTrue(
                d.changes().stream().allMatch(c -> c.changed().equals(List.of("permissionsBoundary"))),
                d.changes()::toString);
        var staging =
                StackRuns.succeeded(StackRuns.with("staging", StackRuns.override("tutors:permissionsBoundary", arn)));
        assertTrue(
                StackRuns.ofType(staging, com.pulumi.aws.iam.Role.class).stream()
                        .anyMatch(r -> r.name().equals("tutors-staging-db-hours")
                                && arn.equals(r.input("permissionsBoundary"))),
                "the office-hours role too");
    }

    @Test
    void theNatModeChangesOnlyTheNetworkEdge() {
        var d = change("prod", Map.of(), StackRuns.override("tutors:natMode", "instance"));
        assertSafe(d);
        assertTrue(
                d.changes().stream().allMatch(c -> c.phase() == 1 || c.type().equals("aws:wafv2/ipSet:IpSet")),
                () -> "only phase 1 and WAF's list of the NAT addresses change: " + d.changes());
    }

    @Test
    void databaseAndCacheSizesAreInPlace() {
        var d = change(
                "prod",
                Map.of(),
                StackRuns.override(
                        "tutors:dbInstanceClass",
                        "db.t4g.medium",
                        "tutors:dbMultiAz",
                        "false",
                        "tutors:redisReplicas",
                        "2",
                        "tutors:redisNodeType",
                        "cache.t4g.small"));
        assertSafe(d);
        // The dashboard follows the cache's member clusters (a third replica is a third node on it).
        assertEquals(
                Set.of(
                        "aws:rds/instance:Instance",
                        "aws:elasticache/replicationGroup:ReplicationGroup",
                        "aws:cloudwatch/dashboard:Dashboard"),
                types(d, Kind.UPDATE));
        assertEquals(Set.of(), types(d, Kind.REPLACE));
    }

    @Test
    void valkeyFromRedisIsAnInPlaceUpgradeOfTheSameCacheAndCostsLess() {
        var redis = Map.<String, String>of(); // the committed engine: the seed's Redis 7
        var valkey = StackRuns.override("tutors:redisEngine", "valkey");
        var d = change("prod", redis, valkey);
        assertSafe(d);
        var cache = d.changes().stream()
                .filter(c -> c.type().equals("aws:elasticache/replicationGroup:ReplicationGroup"))
                .findFirst()
                .orElseThrow();
        assertEquals(Kind.UPDATE, cache.kind(), "ModifyReplicationGroup: no new cache, no lost keys");
        assertEquals(List.of("engine", "engineVersion", "parameterGroupName"), cache.changed());
        var before = com.tutors.infra.plan.PlanCommand.estimate(
                StackRuns.committed("prod"), com.tutors.infra.plan.cost.Usage.defaults());
        var after = com.tutors.infra.plan.PlanCommand.estimate(
                StackRuns.with("prod", valkey), com.tutors.infra.plan.cost.Usage.defaults());
        assertTrue(after.total() < before.total() - 5, "two cache nodes 20% cheaper");
        assertEquals(
                Kind.REPLACE,
                change("prod", valkey, redis).changes().stream()
                        .filter(c -> c.type().equals("aws:elasticache/replicationGroup:ReplicationGroup"))
                        .findFirst()
                        .orElseThrow()
                        .kind(),
                "back to redis replaces the cache: the provider allows only redis -> valkey in place");
    }

    @Test
    void aTaskSizeOrImageMakesNewRevisionsAndRollsTheServices() {
        var d = change(
                "prod",
                Map.of(),
                StackRuns.override(
                        "tutors:backendCpu", "512", "tutors:backendMemory", "1024", "tutors:imageTag", "abc1234"));
        assertSafe(d);
        assertEquals(Set.of("aws:ecs/taskDefinition:TaskDefinition"), types(d, Kind.REPLACE));
        assertEquals(Set.of(SERVICE), types(d, Kind.UPDATE));
    }

    @Test
    void aNewSecretValueReachesTheRunningTasks() {
        var d = change("prod", Map.of(), StackRuns.override("tutors:redisAuthToken", "another-token-0123456789"));
        assertSafe(d);
        assertTrue(d.warnings().isEmpty(), () -> "the task definitions name the secret's version: " + d.warnings());
        assertTrue(
                d.changes().stream()
                        .anyMatch(c -> c.type().equals(SERVICE) && c.name().equals("tutors-prod-backend")),
                "the backend rolls onto the new revision");
        assertTrue(
                d.changes().stream()
                        .filter(c -> c.type().equals("aws:elasticache/replicationGroup:ReplicationGroup"))
                        .allMatch(c -> c.kind() == Kind.UPDATE),
                "the cache takes the new token in place");
    }
}
