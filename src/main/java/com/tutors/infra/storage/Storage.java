package com.tutors.infra.storage;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.s3.BucketCorsConfigurationV2;
import com.pulumi.aws.s3.BucketCorsConfigurationV2Args;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketCorsConfigurationV2CorsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.blocks.Buckets;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Phase;
import java.util.ArrayList;
import java.util.Map;

/**
 * Phase 3: the media bucket (private, user uploads), the static bucket (collectstatic, public read
 * until a CDN fronts it) and the two ECR repositories.
 */
public final class Storage extends ComponentResource {

    /**
     * @param publicStaticReads whether anyone may read the static bucket directly; off once
     *                          CloudFront serves it through Origin Access Control
     */
    public record Args(Naming names, StorageSettings storage, boolean publicStaticReads, Output<String> accountId) {}

    public static final int MEDIA_TO_IA_DAYS = 90;
    public static final int ABORT_MULTIPART_DAYS = 7;

    /** What the later phases receive. */
    public final StorageOutputs outputs;

    private final CustomResourceOptions child;
    private final CustomResourceOptions stateful;
    private final Naming names;
    private final boolean publicStaticReads;
    private final Map<String, BucketV2> buckets = new java.util.LinkedHashMap<>();
    private final Map<String, BucketPublicAccessBlock> accessBlocks = new java.util.HashMap<>();
    private boolean policiesDeclared;

    public Storage(String name, Args args, ComponentResourceOptions options) {
        super(Phase.STORAGE.componentType(), name, options);
        this.names = args.names();
        this.publicStaticReads = args.publicStaticReads();
        var s = args.storage();
        this.child = CustomResourceOptions.builder().parent(this).build();
        this.stateful = CustomResourceOptions.builder()
                .parent(this)
                .protect(s.protectData())
                .build();

        var media = bucket(
                "media", Buckets.name(names, "media", s.bucketSuffix(), args.accountId()), s.protectData(), false);
        if (s.protectData()) {
            new BucketVersioningV2(
                    names.name("media"),
                    BucketVersioningV2Args.builder()
                            .bucket(media.id())
                            .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                    .status("Enabled")
                                    .build())
                            .build(),
                    child);
        }
        var mediaRules = new ArrayList<BucketLifecycleConfigurationV2RuleArgs>();
        mediaRules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("media-to-infrequent-access")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                        .prefix("")
                        .build())
                // S3 skips objects under 128 KB by default: small avatars stay in STANDARD, where they are cheaper.
                .transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                        .days(MEDIA_TO_IA_DAYS)
                        .storageClass("STANDARD_IA")
                        .build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(s.noncurrentVersionDays())
                        .build())
                .build());
        mediaRules.add(abortIncompleteUploads());
        new BucketLifecycleConfigurationV2(
                names.name("media"),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(media.id())
                        .rules(mediaRules)
                        .build(),
                child);
        if (!s.corsOrigins().isEmpty()) {
            // Browsers upload straight to S3 with presigned PUT or POST; GET/HEAD for previews.
            new BucketCorsConfigurationV2(
                    names.name("media"),
                    BucketCorsConfigurationV2Args.builder()
                            .bucket(media.id())
                            .corsRules(BucketCorsConfigurationV2CorsRuleArgs.builder()
                                    .allowedOrigins(s.corsOrigins())
                                    .allowedMethods("GET", "PUT", "POST", "HEAD")
                                    .allowedHeaders("*")
                                    .exposeHeaders("ETag")
                                    .maxAgeSeconds(3000)
                                    .build())
                            .build(),
                    child);
        }

        var statics = bucket(
                "static",
                Buckets.name(names, "static", s.bucketSuffix(), args.accountId()),
                s.protectData(),
                args.publicStaticReads());
        new BucketLifecycleConfigurationV2(
                names.name("static"),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(statics.id())
                        .rules(abortIncompleteUploads())
                        .build(),
                child);

        var accessLogBucket = ServerAccessLogs.declare(names, buckets, s.bucketSuffix(), args.accountId(), this);

        var backend = repository("backend", s);
        var frontend = repository("frontend", s);

        this.outputs = new StorageOutputs(
                media.bucket(),
                statics.bucket(),
                media.arn(),
                statics.arn(),
                media.bucketRegionalDomainName(),
                statics.bucketRegionalDomainName(),
                backend.repositoryUrl(),
                frontend.repositoryUrl(),
                accessLogBucket);
        registerOutputs(Map.of(
                "mediaBucketName",
                outputs.mediaBucketName(),
                "staticBucketName",
                outputs.staticBucketName(),
                "backendEcrUrl",
                outputs.backendEcrUrl(),
                "frontendEcrUrl",
                outputs.frontendEcrUrl()));
    }

    /** A private-by-default bucket; its TLS-only policy comes with {@link #declareBucketPolicies}. */
    private BucketV2 bucket(String part, Output<String> bucketName, boolean protect, boolean publicRead) {
        // Unprotected stacks can be torn down with their objects.
        var declared = Buckets.declare(names, part, bucketName, !protect, publicRead, stateful, child);
        buckets.put(part, declared.bucket());
        accessBlocks.put(part, declared.accessBlock());
        return declared.bucket();
    }

    /**
     * Declares both bucket policies, once the program knows whether a CDN reads the buckets (phase 6
     * decides). They stay children of this component under the same names either way, so switching
     * the CDN on or off updates them in place.
     *
     * @param cdnDistributionArn the distribution that may read objects, if there is one
     */
    public void declareBucketPolicies(java.util.Optional<Output<String>> cdnDistributionArn) {
        if (policiesDeclared) {
            throw new IllegalStateException("bucket policies are declared once");
        }
        policiesDeclared = true;
        var cdn = cdnDistributionArn.orElse(Output.of(""));
        buckets.forEach((part, bucket) -> {
            boolean publicRead = part.equals("static") && publicStaticReads;
            new BucketPolicy(
                    names.name(part),
                    BucketPolicyArgs.builder()
                            .bucket(bucket.id())
                            .policy(Output.tuple(bucket.arn(), cdn)
                                    .applyValue(t -> StoragePolicies.bucketPolicy(
                                            t.t1, publicRead, t.t2.isEmpty() ? null : t.t2)))
                            // New buckets block public policies: a public policy must wait until the block is lifted.
                            .build(),
                    CustomResourceOptions.builder()
                            .parent(this)
                            .dependsOn(accessBlocks.get(part))
                            .build());
        });
    }

    private static BucketLifecycleConfigurationV2RuleArgs abortIncompleteUploads() {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("abort-incomplete-multipart-uploads")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                        .prefix("")
                        .build())
                .abortIncompleteMultipartUpload(
                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(ABORT_MULTIPART_DAYS)
                                .build())
                .build();
    }

    private Repository repository(String part, StorageSettings s) {
        var repo = new Repository(
                names.name(part),
                RepositoryArgs.builder()
                        .name(names.name(part))
                        .imageTagMutability(s.immutableTags() ? "IMMUTABLE" : "MUTABLE")
                        .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder()
                                .scanOnPush(true)
                                .build())
                        .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                                .encryptionType("AES256")
                                .build())
                        .forceDelete(!s.protectData())
                        .tags(names.nameTag(part))
                        .build(),
                stateful);
        new LifecyclePolicy(
                names.name(part),
                LifecyclePolicyArgs.builder()
                        .repository(repo.name())
                        .policy(StoragePolicies.ecrLifecycle())
                        .build(),
                child);
        return repo;
    }
}
