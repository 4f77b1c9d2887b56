package com.tutors.infra.storage;

import com.google.gson.Gson;
import com.tutors.infra.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bucket policies and ECR lifecycle policies, built as JSON from data. */
public final class StoragePolicies {
    private StoragePolicies() {}

    private static final Gson GSON = new Gson();

    /**
     * A release is an image per architecture and the list joining them (two images with one architecture):
     * ten keep five releases to roll back to. Raising it would replace the repositories' lifecycle
     * policies (its text forces a new one), and a replacement created before the old one is deleted
     * ends with no policy at all: change it only with deleteBeforeReplace on the policy.
     */
    public static final int KEEP_IMAGES = 10;

    public static final int UNTAGGED_IMAGE_DAYS = 1;

    /**
     * Denies every request that is not over TLS; with {@code publicRead}, also lets anyone read
     * objects (never list the bucket, never write).
     */
    public static String bucketPolicy(String bucketArn, boolean publicRead) {
        return bucketPolicy(bucketArn, publicRead, null);
    }

    /**
     * @param cdnDistributionArn when set, exactly this CloudFront distribution may read objects
     *                           (Origin Access Control signs its requests)
     */
    public static String bucketPolicy(String bucketArn, boolean publicRead, String cdnDistributionArn) {
        var doc = PolicyDocument.create()
                .statement(
                        "DenyInsecureTransport",
                        "Deny",
                        "*",
                        List.of("s3:*"),
                        List.of(bucketArn, bucketArn + "/*"),
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        if (publicRead) {
            doc.statement("PublicReadObjects", "Allow", "*", List.of("s3:GetObject"), List.of(bucketArn + "/*"), null);
        }
        if (cdnDistributionArn != null) {
            doc.statement(
                    "CloudFrontReadsObjects",
                    "Allow",
                    Map.of("Service", "cloudfront.amazonaws.com"),
                    List.of("s3:GetObject"),
                    List.of(bucketArn + "/*"),
                    Map.of("StringEquals", Map.of("AWS:SourceArn", cdnDistributionArn)));
        }
        return doc.json();
    }

    /**
     * The server-access-log bucket: only S3's log delivery may write, only for this account's buckets
     * ({@code aws:SourceArn}, {@code aws:SourceAccount}, as S3 asks for buckets with ACLs disabled); TLS only.
     */
    public static String serverAccessLogPolicy(String logBucketArn, List<String> sourceBucketArns, String accountId) {
        return PolicyDocument.create()
                .statement(
                        "DenyInsecureTransport",
                        "Deny",
                        "*",
                        List.of("s3:*"),
                        List.of(logBucketArn, logBucketArn + "/*"),
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                .statement(
                        "S3ServerAccessLogs",
                        "Allow",
                        Map.of("Service", "logging.s3.amazonaws.com"),
                        List.of("s3:PutObject"),
                        List.of(logBucketArn + "/*"),
                        logDeliveryCondition(sourceBucketArns, accountId))
                .json();
    }

    /** In a fixed order (never a two-key Map.of): the policy must be the same text on every run, or every up diffs. */
    private static Map<String, Object> logDeliveryCondition(List<String> sourceBucketArns, String accountId) {
        var condition = new LinkedHashMap<String, Object>();
        condition.put("ArnLike", Map.of("aws:SourceArn", sourceBucketArns));
        condition.put("StringEquals", Map.of("aws:SourceAccount", accountId));
        return condition;
    }

    /**
     * Untagged images (superseded by a newer push of the same tag) go after a day; of the rest,
     * the newest {@link #KEEP_IMAGES} stay, enough to roll back. A "tagStatus any" rule must have
     * the lowest priority, so it comes last.
     */
    public static String ecrLifecycle() {
        var untagged = new LinkedHashMap<String, Object>();
        untagged.put("tagStatus", "untagged");
        untagged.put("countType", "sinceImagePushed");
        untagged.put("countUnit", "days");
        untagged.put("countNumber", UNTAGGED_IMAGE_DAYS);
        var any = new LinkedHashMap<String, Object>();
        any.put("tagStatus", "any");
        any.put("countType", "imageCountMoreThan");
        any.put("countNumber", KEEP_IMAGES);
        // Ordered maps, never Map.of: the JSON must be the same text on every run.
        return GSON.toJson(Map.of(
                "rules",
                List.of(
                        rule(1, "Expire untagged images after " + UNTAGGED_IMAGE_DAYS + " day", untagged),
                        rule(2, "Keep the last " + KEEP_IMAGES + " images", any))));
    }

    private static Map<String, Object> rule(int priority, String description, Map<String, Object> selection) {
        var rule = new LinkedHashMap<String, Object>();
        rule.put("rulePriority", priority);
        rule.put("description", description);
        rule.put("selection", selection);
        rule.put("action", Map.of("type", "expire"));
        return rule;
    }
}
