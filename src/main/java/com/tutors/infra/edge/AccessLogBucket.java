package com.tutors.infra.edge;

import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.blocks.Buckets;
import com.tutors.infra.core.Naming;

/** The ALB's access-log bucket: writable by the region's ELB only, logs expiring after 90 days. */
record AccessLogBucket(BucketV2 bucket, BucketPolicy policy) {

    static final int ACCESS_LOG_DAYS = 90;

    /** @param serverAccessLogs the stack's S3 server-access-log bucket (phase 3): this bucket logs there too (S3.9) */
    static AccessLogBucket declare(
            Naming names,
            Output<String> bucketName,
            String region,
            Output<String> accountId,
            Output<String> serverAccessLogs,
            Resource parent) {
        var part = "alb-logs";
        var child = CustomResourceOptions.builder().parent(parent).build();
        // Logs expire anyway: they must not block a teardown.
        var declared = Buckets.declare(names, part, bucketName, true, false, child, child);
        var bucket = declared.bucket();
        Buckets.expireAfter(names, part, bucket, ACCESS_LOG_DAYS, child);
        var policy = new BucketPolicy(
                names.name(part),
                BucketPolicyArgs.builder()
                        .bucket(bucket.id())
                        .policy(Output.tuple(bucket.arn(), accountId)
                                .applyValue(t -> EdgePolicies.accessLogBucketPolicy(t.t1, region, t.t2)))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(parent)
                        .dependsOn(declared.accessBlock())
                        .build());
        new com.pulumi.aws.s3.BucketLoggingV2(
                names.name(part),
                com.pulumi.aws.s3.BucketLoggingV2Args.builder()
                        .bucket(bucket.id())
                        .targetBucket(serverAccessLogs)
                        .targetPrefix(part + "/")
                        .build(),
                child);
        return new AccessLogBucket(bucket, policy);
    }
}
