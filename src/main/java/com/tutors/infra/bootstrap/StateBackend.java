package com.tutors.infra.bootstrap;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Environment;
import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the main stacks keep their state and their secrets key: a versioned, private, TLS-only bucket
 * whose overwritten state stays recoverable for {@code stateVersionDays}, and one KMS key per stack.
 * The bucket and the keys are protected: neither a changed setting nor {@code pulumi destroy} removes them.
 */
public final class StateBackend extends ComponentResource {
    public static final String TYPE = "tutors:bootstrap:StateBackend";
    /** The state bucket's and its settings' logical name, whatever the bucket is called. */
    static final String LOGICAL_NAME = "tutors-pulumi-state";

    /** @param secretsKeyArns per main stack (id), the key behind {@code awskms://alias/tutors-<stack>-pulumi} */
    public record Outputs(Output<String> bucket, Map<String, Output<String>> secretsKeyArns) {}

    public final Outputs outputs;

    public StateBackend(String name, BootstrapSettings settings, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var kept = CustomResourceOptions.builder().parent(this).protect(true).build();
        // A fixed logical name: another bucket name is then a replacement of this resource, which protect stops.
        var n = LOGICAL_NAME;
        var bucket = new BucketV2(
                n,
                BucketV2Args.builder()
                        .bucket(settings.stateBucket())
                        .forceDestroy(false)
                        .build(),
                kept);
        new BucketOwnershipControls(
                n,
                BucketOwnershipControlsArgs.builder()
                        .bucket(bucket.id())
                        .rule(BucketOwnershipControlsRuleArgs.builder()
                                .objectOwnership("BucketOwnerEnforced")
                                .build())
                        .build(),
                child);
        var access = new BucketPublicAccessBlock(
                n,
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .ignorePublicAcls(true)
                        .blockPublicPolicy(true)
                        .restrictPublicBuckets(true)
                        .build(),
                child);
        // SSE-S3: the state's secrets are encrypted again by each stack's KMS key; no key to grant for reads.
        new BucketServerSideEncryptionConfigurationV2(
                n,
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
                child);
        var versioning = new BucketVersioningV2(
                n,
                BucketVersioningV2Args.builder()
                        .bucket(bucket.id())
                        .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                .status("Enabled")
                                .build())
                        .build(),
                child);
        // Lifecycle rules on a versioned bucket must follow the versioning (S3 validates them against it).
        new BucketLifecycleConfigurationV2(
                n,
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-old-state-versions")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix("")
                                        .build())
                                .noncurrentVersionExpiration(
                                        BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                                .noncurrentDays(settings.stateVersionDays())
                                                .build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                        .expiredObjectDeleteMarker(true)
                                        .build())
                                .abortIncompleteMultipartUpload(
                                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                                .daysAfterInitiation(7)
                                                .build())
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .dependsOn(versioning)
                        .build());
        new BucketPolicy(
                n,
                BucketPolicyArgs.builder()
                        .bucket(bucket.id())
                        .policy(bucketPolicy(settings.stateBucket()))
                        .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(access).build());

        var keys = new TreeMap<String, Output<String>>();
        for (var stack : Environment.values()) {
            var keyName = "tutors-" + stack.id() + "-pulumi";
            var key = new Key(
                    keyName,
                    KeyArgs.builder()
                            .description(
                                    "Pulumi secrets of the tutors " + stack.id() + " stack (awskms secrets provider)")
                            .enableKeyRotation(true)
                            .deletionWindowInDays(30)
                            .policy(keyPolicy(settings.accountId()))
                            .build(),
                    kept);
            new Alias(
                    keyName,
                    AliasArgs.builder()
                            .name(AccessPolicies.keyAlias(stack))
                            .targetKeyId(key.keyId())
                            .build(),
                    child);
            keys.put(stack.id(), key.arn());
        }
        this.outputs = new Outputs(bucket.bucket(), java.util.Collections.unmodifiableMap(keys));
        registerOutputs(Map.of("bucket", bucket.bucket()));
    }

    /** TLS only, and the bucket cannot be deleted while this policy stands (remove it first, on purpose). */
    static String bucketPolicy(String bucket) {
        var arns = List.of("arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*");
        return PolicyDocument.create()
                .statement(
                        "DenyInsecureTransport",
                        "Deny",
                        "*",
                        List.of("s3:*"),
                        arns,
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                .statement(
                        "DenyDeletingTheStateBucket",
                        "Deny",
                        "*",
                        List.of("s3:DeleteBucket"),
                        List.of(arns.get(0)),
                        null)
                .json();
    }

    /** KMS's default key policy: the account administers the key, and IAM policies decide who uses it. */
    static String keyPolicy(String accountId) {
        return PolicyDocument.create()
                .statement(
                        "AccountAdministersTheKeyThroughIam",
                        "Allow",
                        Map.of("AWS", "arn:aws:iam::" + accountId + ":root"),
                        List.of("kms:*"),
                        List.of("*"),
                        null)
                .json();
    }
}
