package com.tutors.infra.edge;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.ReplaceRules;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What users see while the origin lock goes on and while the origin secret rotates: never a 403 window. */
class OriginLockTest {
    private static final String OLD = StackRuns.FAKE_SECRETS.get("tutors:originSecret");
    private static final String NEW = "new_origin_secret_0123456789abcdefghijklmn";

    @SuppressWarnings("unchecked")
    private static List<String> headerValues(PlannedResource rule) {
        for (var condition : (List<Map<String, Object>>) rule.input("conditions")) {
            if (condition.get("httpHeader") instanceof Map<?, ?> header) {
                var values = ((Map<String, Object>) header).get("values");
                return (List<String>) (values instanceof PlannedResource.Secret s ? s.value() : values);
            }
        }
        return List.of();
    }

    private static List<Object> secretValues(List<?> values) {
        return values.stream()
                .map(v -> v instanceof PlannedResource.Secret s ? s.value() : v)
                .toList();
    }

    @Test
    void duringARotationEveryLockedRuleAcceptsBothValues() {
        var run = StackRuns.succeeded(
                StackRuns.with("prod", Map.of("tutors:originSecret", NEW, "tutors:originSecretPrevious", OLD)));
        var rules = ofType(run, ListenerRule.class).stream()
                .filter(r -> String.valueOf(r.input("actions")).contains("type=forward"))
                .toList();
        assertEquals(4, rules.size(), "auth, api, admin and the frontend");
        for (var rule : rules) {
            assertEquals(
                    List.of(NEW, OLD),
                    secretValues(headerValues(rule)),
                    rule.name() + ": the edges send the old value until the distribution has deployed");
        }
        var committed = StackRuns.succeeded(StackRuns.committed("prod"));
        for (var rule : ofType(committed, ListenerRule.class).stream()
                .filter(r -> String.valueOf(r.input("actions")).contains("type=forward"))
                .toList()) {
            assertEquals(List.of(OLD), secretValues(headerValues(rule)), rule.name());
        }
    }

    @Test
    void rotatingChangesRulesAndTheDistributionInPlace() {
        var before = StackRuns.succeeded(StackRuns.committed("prod")).resources();
        var after = StackRuns.succeeded(
                        StackRuns.with("prod", Map.of("tutors:originSecret", NEW, "tutors:originSecretPrevious", OLD)))
                .resources();
        var diff = PlanDiff.between("before", before, "after", after, ReplaceRules.standard());
        assertTrue(diff.changes().stream().allMatch(c -> c.kind() == Kind.UPDATE), diff.changes()::toString);
        assertTrue(diff.changes().stream().anyMatch(c -> c.type().equals("aws:cloudfront/distribution:Distribution")));
    }

    @Test
    void lockingOnlyChangesConditionsSoTheFrontendIsNeverWithoutARoute() {
        var unlocked = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:originLock", "false")));
        var frontend = named(unlocked, ListenerRule.class, "tutors-prod-frontend-30");
        assertEquals(
                List.of(Map.of("pathPattern", Map.of("values", List.of("/*")))),
                frontend.input("conditions"),
                "with the CDN on, the frontend has its rule before the lock");
        var diff = PlanDiff.between(
                "unlocked",
                unlocked.resources(),
                "locked",
                StackRuns.committed("prod").resources(),
                ReplaceRules.standard());
        var kinds = diff.changes().stream()
                .collect(Collectors.toMap(PlanDiff.Change::name, PlanDiff.Change::kind, (a, b) -> a));
        assertEquals(Kind.UPDATE, kinds.get("tutors-prod-frontend-30"), "the rule's condition changes in place");
        assertTrue(
                diff.changes().stream()
                        .noneMatch(c -> c.type().equals("aws:lb/listenerRule:ListenerRule") && c.kind() != Kind.UPDATE),
                diff.changes()::toString);
        assertFalse(
                StackRuns.ofType(StackRuns.succeeded(StackRuns.committed("staging")), ListenerRule.class).stream()
                        .anyMatch(r -> r.name().endsWith("-frontend-30")),
                "without a CDN the listener's default serves the frontend");
    }

    @Test
    void theSameValueTwiceIsRefused() {
        var run = StackRuns.with("prod", Map.of("tutors:originSecretPrevious", OLD));
        assertFalse(run.succeeded());
        assertTrue(
                run.problems().stream()
                        .anyMatch(p -> p.startsWith("tutors:originSecretPrevious = [secret]: the same as")),
                run.problems()::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListenerAnswers403OnlyWhenLocked() {
        var locked = named(StackRuns.succeeded(StackRuns.committed("prod")), Listener.class, "tutors-prod-https");
        assertEquals(
                "fixed-response",
                ((List<Map<String, Object>>) locked.input("defaultActions"))
                        .get(0)
                        .get("type"));
        var unlocked = named(
                StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:originLock", "false"))),
                Listener.class,
                "tutors-prod-https");
        assertEquals(
                "forward",
                ((List<Map<String, Object>>) unlocked.input("defaultActions"))
                        .get(0)
                        .get("type"));
    }
}
