package com.tutors.infra.data;

import static com.tutors.infra.Containers.container;
import static com.tutors.infra.Containers.pairs;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.secretsmanager.Secret;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Secret changes that keep users logged in: Django's previous key as SECRET_KEY_FALLBACKS during a
 * rotation, and a Redis AUTH token rotated (both valid) before it is set (the new one only).
 */
class SecretRotationTest {
    private static final String PREVIOUS = "previous-django-secret-key-0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void thePreviousDjangoKeyIsAFallbackWhileItIsSet() {
        var rotating = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:djangoSecretKeyPrevious", PREVIOUS)));
        var secret = named(rotating, Secret.class, "tutors-prod-secret-django-secret-key-previous");
        assertEquals("/tutors/prod/django-secret-key-previous", secret.input("name"));
        for (var td : List.of("tutors-prod-backend", "tutors-prod-backend-migrate")) {
            var secrets = pairs(container(named(rotating, TaskDefinition.class, td)), "secrets", "valueFrom");
            assertTrue(
                    secrets.get("DJANGO_SECRET_KEY_FALLBACKS").startsWith("arn:aws:secretsmanager:"),
                    td + ": " + secrets);
        }
        assertFalse(
                pairs(container(named(rotating, TaskDefinition.class, "tutors-prod-frontend")), "secrets", "valueFrom")
                        .containsKey("DJANGO_SECRET_KEY_FALLBACKS"));
        // Without it (the committed stack) there is no such secret, and no placeholder invents one offline.
        var committed = StackRuns.succeeded(StackRuns.committed("prod"));
        assertTrue(
                ofType(committed, Secret.class).stream().noneMatch(s -> s.name().endsWith("-previous")));
    }

    /** The execution role reads exactly the secrets the containers name: derived here from the task definitions. */
    @Test
    void theExecutionRoleReadsExactlyWhatTheContainersName() {
        for (var overrides : List.of(Map.<String, String>of(), Map.of("tutors:djangoSecretKeyPrevious", PREVIOUS))) {
            var run = StackRuns.succeeded(StackRuns.with("prod", overrides));
            var named = new TreeSet<String>();
            for (var td : ofType(run, TaskDefinition.class)) {
                pairs(container(td), "secrets", "valueFrom")
                        .values()
                        .forEach(ref -> named.add(ref.substring(0, ref.indexOf(":::"))));
            }
            var policy = new Gson()
                    .fromJson(
                            (String) named(run, RolePolicy.class, "tutors-prod-ecs-execution-secrets")
                                    .input("policy"),
                            Map.class);
            var resources = new TreeSet<String>();
            for (var statement : (List<Map<String, Object>>) policy.get("Statement")) {
                resources.addAll((List<String>) statement.get("Resource"));
            }
            assertEquals(named, resources, overrides.toString());
        }
    }

    @Test
    void rotatingTheDjangoKeyRollsTheBackendAndKeepsTheOldKeyValid() {
        var before = StackRuns.succeeded(StackRuns.committed("prod")).resources();
        var after = StackRuns.succeeded(StackRuns.with(
                        "prod",
                        Map.of(
                                "tutors:djangoSecretKeyPrevious",
                                PREVIOUS,
                                "tutors:djangoSecretKey",
                                "new-django-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-new")))
                .resources();
        var diff = PlanDiff.between("before", before, "after", after, ReplaceRules.standard());
        assertEquals(
                Set.of("aws:secretsmanager/secret:Secret", "aws:secretsmanager/secretVersion:SecretVersion"),
                diff.changes().stream()
                        .filter(c -> c.kind() == PlanDiff.Kind.CREATE)
                        .map(PlanDiff.Change::type)
                        .collect(Collectors.toSet()));
        assertFalse(diff.dangerous(), diff.warnings()::toString);
        assertTrue(
                diff.changes().stream().anyMatch(c -> c.name().equals("tutors-prod-ecs-execution-secrets")),
                "the execution role may read the new secret before a task names it");
    }

    @Test
    void theSameKeyTwiceIsRefused() {
        var key = StackRuns.FAKE_SECRETS.get("tutors:djangoSecretKey");
        var run = StackRuns.with("prod", Map.of("tutors:djangoSecretKeyPrevious", key));
        assertFalse(run.succeeded());
        assertTrue(
                run.problems().stream()
                        .anyMatch(p -> p.startsWith("tutors:djangoSecretKeyPrevious = [secret]: the same as")),
                run.problems()::toString);
        assertFalse(String.join(" ", run.problems()).contains(key), "never printed");
    }

    @Test
    void theRedisTokenRotatesThenSets() {
        var cache =
                named(StackRuns.succeeded(StackRuns.committed("prod")), ReplicationGroup.class, "tutors-prod-redis");
        assertEquals("ROTATE", cache.input("authTokenUpdateStrategy"), "a new token is added beside the old one");
        var set = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:redisAuthTokenUpdateStrategy", "SET")));
        assertEquals(
                "SET", named(set, ReplicationGroup.class, "tutors-prod-redis").input("authTokenUpdateStrategy"));
        var bad = StackRuns.with("prod", Map.of("tutors:redisAuthTokenUpdateStrategy", "ADD"));
        assertTrue(
                bad.problems().stream().anyMatch(p -> p.contains("'ADD'") && p.contains("ROTATE, SET, DELETE")),
                bad.problems()::toString);
        var diff = PlanDiff.between(
                "a", StackRuns.committed("prod").resources(), "b", set.resources(), ReplaceRules.standard());
        assertEquals(
                List.of("tutors-prod-redis"),
                diff.changes().stream().map(PlanDiff.Change::name).toList());
        assertEquals(PlanDiff.Kind.UPDATE, diff.changes().get(0).kind());
    }
}
