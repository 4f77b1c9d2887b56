package com.tutors.infra.blocks;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import java.util.Optional;

/** The one way this program makes a bucket: ACLs disabled, SSE-S3, public access blocked. */
public final class Buckets {
    private Buckets() {}

    /** The bucket, and its public-access block, which any bucket policy must wait for. */
    public record Declared(BucketV2 bucket, BucketPublicAccessBlock accessBlock) {}

    /**
     * A bucket's name: {@code tutors-<env>-<part>-<suffix>}, or with the account id where no suffix is
     * set. S3 names are global: the account id makes the default unique to the account (someone else
     * may own {@code tutors-prod-media}), and choosing a suffix later would replace the buckets.
     */
    public static Output<String> name(Naming names, String part, Optional<String> suffix, Output<String> accountId) {
        return suffix.isPresent()
                ? Output.of(names.bucketName(part, suffix))
                : accountId.applyValue(id -> names.bucketName(part, Optional.of(id)));
    }

    /** A lifecycle that deletes every object {@code days} after it was written: for log buckets. */
    public static void expireAfter(
            Naming names, String part, BucketV2 bucket, int days, CustomResourceOptions options) {
        new BucketLifecycleConfigurationV2(
                names.name(part),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-access-logs")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix("")
                                        .build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                        .days(days)
                                        .build())
                                .build())
                        .build(),
                options);
    }

    /**
     * @param publicPolicy lift only the public-policy blocks (ACLs stay blocked), for a public-read policy
     * @param bucketOptions options of the bucket itself (it may be protected); its settings get {@code options}
     */
    public static Declared declare(
            Naming names,
            String part,
            Output<String> bucketName,
            boolean forceDestroy,
            boolean publicPolicy,
            CustomResourceOptions bucketOptions,
            CustomResourceOptions options) {
        var bucket = new BucketV2(
                names.name(part),
                BucketV2Args.builder()
                        .bucket(bucketName)
                        .forceDestroy(forceDestroy)
                        .tags(names.nameTag(part))
                        .build(),
                bucketOptions);
        new BucketOwnershipControls(
                names.name(part),
                BucketOwnershipControlsArgs.builder()
                        .bucket(bucket.id())
                        .rule(BucketOwnershipControlsRuleArgs.builder()
                                .objectOwnership("BucketOwnerEnforced")
                                .build())
                        .build(),
                options);
        var access = new BucketPublicAccessBlock(
                names.name(part),
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .ignorePublicAcls(true)
                        .blockPublicPolicy(!publicPolicy)
                        .restrictPublicBuckets(!publicPolicy)
                        .build(),
                options);
        // SSE-S3: also the only encryption ALB access logs support.
        new BucketServerSideEncryptionConfigurationV2(
                names.name(part),
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder()
                                                .sseAlgorithm("AES256")
                                                .build())
                                .build())
                        .build(),
                options);
        return new Declared(bucket, access);
    }
}
