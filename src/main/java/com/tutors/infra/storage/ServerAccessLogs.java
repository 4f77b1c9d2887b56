package com.tutors.infra.storage;

import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.blocks.Buckets;
import com.tutors.infra.core.Naming;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server access logging of the media and static buckets (Security Hub S3.9) into a private bucket of
 * its own, encrypted and kept {@link #LOG_DAYS} days; the log bucket does not log itself.
 */
final class ServerAccessLogs {
    private ServerAccessLogs() {}

    static final int LOG_DAYS = 90;

    /**
     * @return the log bucket's name; phase 5's ALB log bucket logs here too (its ARN is in the policy
     *         from the start: the name is the stack's, whether the ALB logs or not)
     */
    static Output<String> declare(
            Naming names,
            Map<String, BucketV2> logged,
            Optional<String> suffix,
            Output<String> accountId,
            Resource parent) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var part = "s3-logs";
        // Logs expire anyway: they must not block a teardown.
        var declared =
                Buckets.declare(names, part, Buckets.name(names, part, suffix, accountId), true, false, child, child);
        var bucket = declared.bucket();
        Buckets.expireAfter(names, part, bucket, LOG_DAYS, child);
        var arns = new java.util.ArrayList<>(
                logged.values().stream().map(BucketV2::arn).toList());
        arns.add(Buckets.name(names, "alb-logs", suffix, accountId).applyValue(name -> "arn:aws:s3:::" + name));
        var sources = Output.all(arns);
        var policy = new BucketPolicy(
                names.name(part),
                BucketPolicyArgs.builder()
                        .bucket(bucket.id())
                        .policy(Output.tuple(bucket.arn(), sources, accountId)
                                .applyValue(t -> StoragePolicies.serverAccessLogPolicy(t.t1, t.t2, t.t3)))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(parent)
                        .dependsOn(declared.accessBlock())
                        .build());
        logged.forEach((source, logs) -> new BucketLoggingV2(
                names.name(source),
                BucketLoggingV2Args.builder()
                        .bucket(logs.id())
                        .targetBucket(bucket.id())
                        .targetPrefix(source + "/")
                        .build(),
                CustomResourceOptions.builder()
                        .parent(parent)
                        .dependsOn(List.of(policy))
                        .build()));
        return bucket.bucket();
    }
}
