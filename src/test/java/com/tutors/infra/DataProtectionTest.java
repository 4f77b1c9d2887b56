package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.secretsmanager.Secret;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** protectData guards exactly the resources that hold data; a typo or a lower lastPhase cannot delete them. */
class DataProtectionTest {

    private static final Set<String> STATEFUL = Set.of(
            StackRuns.typeOf(com.pulumi.aws.rds.Instance.class),
            StackRuns.typeOf(BucketV2.class),
            StackRuns.typeOf(Repository.class),
            StackRuns.typeOf(Secret.class),
            StackRuns.typeOf(com.pulumi.aws.elasticache.ReplicationGroup.class));

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void statefulResourcesAreProtectedExactlyInProd(String stack) {
        var result = StackRuns.succeeded(StackRuns.committed(stack));
        // ALB and S3 access logs expire anyway and must not block a teardown.
        List<PlannedResource> stateful = result.resources().stream()
                .filter(r -> STATEFUL.contains(r.type())
                        && !r.name().endsWith("-alb-logs")
                        && !r.name().endsWith("-s3-logs"))
                .toList();
        assertEquals(1 + 1 + 2 + 2 + 5, stateful.size());
        for (var r : stateful) {
            assertEquals(stack.equals("prod"), r.protect(), r.urn());
        }
        for (var r : StackRuns.awsResources(result)) {
            if (!stateful.contains(r)) {
                assertFalse(r.protect(), () -> r.urn() + " is protected but holds no data");
            }
        }
    }
}
