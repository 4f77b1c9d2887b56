package com.tutors.infra.storage;

import com.pulumi.core.Output;

/**
 * What phase 3 gives the later phases: the seed's outputs (bucket names, repository URLs) plus the
 * buckets' ARNs (IAM) and regional domains (CloudFront origins).
 */
public record StorageOutputs(
        Output<String> mediaBucketName,
        Output<String> staticBucketName,
        Output<String> mediaBucketArn,
        Output<String> staticBucketArn,
        Output<String> mediaBucketDomain,
        Output<String> staticBucketDomain,
        Output<String> backendEcrUrl,
        Output<String> frontendEcrUrl,
        Output<String> serverAccessLogBucket) {}
