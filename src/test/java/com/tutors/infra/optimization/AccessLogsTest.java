package com.tutors.infra.optimization;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudwatch.LogDelivery;
import com.pulumi.aws.cloudwatch.LogDeliveryDestination;
import com.pulumi.aws.cloudwatch.LogDeliverySource;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketPolicy;
import com.tutors.infra.StackRuns;
import org.junit.jupiter.api.Test;

/** CloudFront's access logs (standard logging v2, no ACL bucket) and the ALB log bucket's own access logs. */
class AccessLogsTest {

    @Test
    void cloudFrontDeliversItsAccessLogsToALogGroupInUsEast1() {
        var run = StackRuns.succeeded(StackRuns.committed("prod"));
        var distribution = named(run, Distribution.class, "tutors-prod-cdn");
        var source = named(run, LogDeliverySource.class, "tutors-prod-cdn-logs");
        assertEquals("ACCESS_LOGS", source.input("logType"));
        assertEquals(
                "arn:aws:cloudfront::123456789012:distribution/" + StackRuns.idOf(distribution),
                source.input("resourceArn"));
        var group = named(run, LogGroup.class, "tutors-prod-cdn-logs");
        assertEquals("/cloudfront/tutors-prod-cdn", group.input("name"));
        assertEquals(30.0, group.input("retentionInDays"), "logRetentionDays");
        var destination = named(run, LogDeliveryDestination.class, "tutors-prod-cdn-logs");
        assertTrue(String.valueOf(destination.input("deliveryDestinationConfiguration.destinationResourceArn"))
                .contains(":log-group:/cloudfront/tutors-prod-cdn"));
        var delivery = named(run, LogDelivery.class, "tutors-prod-cdn-logs");
        assertEquals("tutors-prod-cdn-logs", delivery.input("deliverySourceName"));
        var usEast1 = run.resources().stream()
                .filter(r -> r.isProvider() && r.name().endsWith("-us-east-1"))
                .findFirst()
                .orElseThrow();
        for (var r : java.util.List.of(source, destination, delivery, group)) {
            assertTrue(r.providerRef().startsWith(usEast1.urn() + "::"), r.name() + " is CloudFront's: us-east-1");
        }
        assertTrue(
                ofType(StackRuns.succeeded(StackRuns.committed("staging")), LogDeliverySource.class)
                        .isEmpty(),
                "no CDN, no CDN logs");
    }

    @Test
    void theAlbLogBucketLogsItsOwnAccessToo() {
        var run = StackRuns.succeeded(StackRuns.committed("prod"));
        var logging = named(run, BucketLoggingV2.class, "tutors-prod-alb-logs");
        assertEquals(StackRuns.bucket("prod", "s3-logs"), logging.input("targetBucket"));
        assertEquals("alb-logs/", logging.input("targetPrefix"));
        var policy = String.valueOf(
                named(run, BucketPolicy.class, "tutors-prod-s3-logs").input("policy"));
        assertTrue(
                policy.contains("arn:aws:s3:::" + StackRuns.bucket("prod", "alb-logs")),
                "S3 may deliver its logs: " + policy);
    }
}
