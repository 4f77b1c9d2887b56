package com.tutors.infra.optimization;

import static com.tutors.infra.Containers.container;
import static com.tutors.infra.Containers.pairs;
import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Turning the CDN on is two ups, and no static file or image breaks in between: DNS moves to CloudFront
 * only once the distribution has deployed, so until the lock step the static bucket stays public (the
 * load balancer redirects /static/* to it) and media keeps its presigned S3 links.
 */
class CdnTurnOnTest {
    private static final String DOMAIN = "tutors.example.com";

    private static Map<String, String> env(OfflineRun.Result run) {
        return pairs(container(named(run, TaskDefinition.class, "tutors-prod-backend")), "environment", "value");
    }

    private static boolean staticIsPublic(OfflineRun.Result run) {
        return String.valueOf(named(run, BucketPolicy.class, "tutors-prod-static")
                                .input("policy"))
                        .contains("PublicReadObjects")
                && Boolean.FALSE.equals(named(run, BucketPublicAccessBlock.class, "tutors-prod-static")
                        .input("blockPublicPolicy"));
    }

    @Test
    void staticFilesAndMediaWorkBeforeDuringAndAfter() {
        var off = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:cdn", "false")));
        var cdnOn = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:originLock", "false")));
        var locked = StackRuns.succeeded(StackRuns.committed("prod"));

        assertTrue(staticIsPublic(off));
        assertEquals("true", env(off).get("AWS_MEDIA_QUERYSTRING_AUTH"));

        // Step 1: DNS still points at the ALB for minutes; links to https://<domain>/static/ are redirected to
        // the bucket, which must still be public; media links stay presigned S3 URLs.
        assertTrue(staticIsPublic(cdnOn), "the bucket stays public until DNS has moved");
        assertEquals(DOMAIN, env(cdnOn).get("AWS_STATIC_CUSTOM_DOMAIN"));
        assertEquals(
                "", env(cdnOn).get("AWS_MEDIA_CUSTOM_DOMAIN"), "no media at https://<domain>/media/ before DNS moves");
        assertEquals("true", env(cdnOn).get("AWS_MEDIA_QUERYSTRING_AUTH"));
        assertTrue(
                String.valueOf(named(cdnOn, BucketPolicy.class, "tutors-prod-media")
                                .input("policy"))
                        .contains("CloudFrontReadsObjects"),
                "CloudFront can read media from step 1 on");

        // Step 2, the lock: DNS has moved; now the bucket is CloudFront's alone and media goes through it.
        assertFalse(staticIsPublic(locked));
        assertEquals(DOMAIN, env(locked).get("AWS_MEDIA_CUSTOM_DOMAIN"));
        assertEquals("false", env(locked).get("AWS_MEDIA_QUERYSTRING_AUTH"));
        assertEquals(DOMAIN, env(locked).get("AWS_STATIC_CUSTOM_DOMAIN"), "static links unchanged by the lock");
    }
}
