package com.tutors.infra;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.s3.BucketCorsConfigurationV2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What must be there, not only what must not: permissions a feature needs, protections, headers. */
public class PositiveChecksTest {

    /** What `aws ecs execute-command` needs in the task role, from the ECS developer guide. */
    public static final List<String> ECS_EXEC = List.of(
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    @SuppressWarnings("unchecked")
    private static boolean grantsExec(com.tutors.infra.plan.model.PlannedResource policy) {
        var doc = new Gson().fromJson((String) policy.input("policy"), Map.class);
        return ((List<Map<String, Object>>) doc.get("Statement"))
                .stream()
                        .anyMatch(s -> "Allow".equals(s.get("Effect"))
                                && List.of("*").equals(s.get("Resource"))
                                && s.get("Action") instanceof List<?> actions
                                && actions.containsAll(ECS_EXEC));
    }

    @Test
    void stagingTasksCanBeExecutedIntoAndProdTasksCannot() {
        var staging = StackRuns.succeeded(StackRuns.committed("staging"));
        for (var service : List.of("backend", "frontend")) {
            assertEquals(
                    true,
                    named(staging, Service.class, "tutors-staging-" + service).input("enableExecuteCommand"));
            var role = "tutors-staging-" + service + "-task";
            assertTrue(
                    ofType(staging, RolePolicy.class).stream()
                            .filter(p -> role.equals(p.input("role")))
                            .anyMatch(PositiveChecksTest::grantsExec),
                    role + " lacks the ssmmessages actions ECS Exec needs");
        }
        var prod = StackRuns.succeeded(StackRuns.committed("prod"));
        for (var service : List.of("backend", "frontend")) {
            assertEquals(
                    false, named(prod, Service.class, "tutors-prod-" + service).input("enableExecuteCommand"));
        }
        assertFalse(ofType(prod, RolePolicy.class).stream().anyMatch(PositiveChecksTest::grantsExec));
    }

    @Test
    void prodsCacheKeepsAFinalSnapshotAndStagingsDoesNot() {
        assertEquals(
                "tutors-prod-redis-final",
                named(StackRuns.succeeded(StackRuns.committed("prod")), ReplicationGroup.class, "tutors-prod-redis")
                        .input("finalSnapshotIdentifier"));
        assertNull(
                named(
                                StackRuns.succeeded(StackRuns.committed("staging")),
                                ReplicationGroup.class,
                                "tutors-staging-redis")
                        .input("finalSnapshotIdentifier"),
                "staging is disposable (protectData false)");
    }

    @Test
    void browserUploadsToMediaGetTheHeadersAPresignedPutSends() {
        var result = StackRuns.succeeded(StackRuns.committed("prod"));
        var cors = named(result, BucketCorsConfigurationV2.class, "tutors-prod-media");
        assertEquals(
                List.of(Map.of(
                        "allowedOrigins",
                        List.of("https://tutors.example.com"),
                        "allowedMethods",
                        List.of("GET", "PUT", "POST", "HEAD"),
                        // A presigned PUT sends Content-Type and x-amz-* headers; the preflight must allow them.
                        "allowedHeaders",
                        List.of("*"),
                        // The browser reads ETag to complete multipart uploads.
                        "exposeHeaders",
                        List.of("ETag"),
                        "maxAgeSeconds",
                        3000.0)),
                cors.input("corsRules"));
    }
}
