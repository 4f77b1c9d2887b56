package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every policy document the main program declares follows the same grammar as the bootstrap's ({@link Policies}). */
class PolicyGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void everyDocumentOfTheMainProgramIsWellFormed(String stack) {
        var docs = Policies.documents(StackRuns.committed(stack));
        assertTrue(docs.size() >= 15, docs.keySet().toString());
        docs.forEach((where, json) -> Policies.assertWellFormed(
                where, json, !where.startsWith("aws:iam/policy:") && !where.startsWith("aws:iam/rolePolicy:")));
    }

    /** Written out here: which AWS service each of the program's roles is for. */
    private static final java.util.Map<String, String> TRUSTED = java.util.Map.of(
            "flow-logs",
            "vpc-flow-logs.amazonaws.com",
            "nat",
            "ec2.amazonaws.com",
            "rds-monitoring",
            "monitoring.rds.amazonaws.com",
            "ecs-execution",
            "ecs-tasks.amazonaws.com",
            "backend-task",
            "ecs-tasks.amazonaws.com",
            "frontend-task",
            "ecs-tasks.amazonaws.com",
            "db-hours",
            "scheduler.amazonaws.com");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void eachRoleIsAssumableByItsOneServiceOnly(String stack) {
        var roles = StackRuns.ofType(StackRuns.committed(stack), com.pulumi.aws.iam.Role.class);
        assertTrue(roles.size() >= 6);
        for (var role : roles) {
            var part = role.name().substring(("tutors-" + stack + "-").length());
            var trust = Policies.statements((String) role.input("assumeRolePolicy"));
            org.junit.jupiter.api.Assertions.assertEquals(1, trust.size(), role.name());
            org.junit.jupiter.api.Assertions.assertEquals(
                    java.util.Map.of("Service", TRUSTED.get(part)), trust.get(0).get("Principal"), role.name());
            org.junit.jupiter.api.Assertions.assertEquals(
                    java.util.List.of("sts:AssumeRole"), trust.get(0).get("Action"), role.name());
        }
    }
}
