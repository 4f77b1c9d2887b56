package com.tutors.infra.edge;

import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/** Routing and the access-log bucket policy of phase 5, as data. */
public final class EdgePolicies {
    private EdgePolicies() {}

    /** Behind CloudFront: forwards everything else carrying the origin header to the fallback service (the frontend). */
    public static final int FALLBACK_PRIORITY = 30;

    /**
     * Paths the buckets own on every stack (the app contract): behind CloudFront its behaviours send them
     * to S3; the load balancer keeps them from Next.js too (static files: a redirect to the bucket, media:
     * 404, since without the CDN media is linked with presigned URLs), so Next.js never serves them anywhere.
     */
    public static final int STATIC_PRIORITY = 1;

    public static final int MEDIA_PRIORITY = 2;
    public static final List<String> STATIC_PATHS = List.of("/static/*");
    public static final List<String> MEDIA_PATHS = List.of("/media/*");

    /**
     * TLS 1.3 and 1.2 only, with the restricted (forward-secret, AEAD) cipher list: one of the policies
     * Security Hub's ELB.17 accepts. The API's default policy still allows TLS 1.0.
     */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

    public static final String ACCESS_LOG_PREFIX = "alb";

    /**
     * Regions opened before August 2022 deliver ALB logs from a regional Elastic Load Balancing
     * account; newer ones from the log-delivery service principal.
     */
    static final Map<String, String> ELB_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"), Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-south-1", "718504428378"), Map.entry("ap-northeast-1", "582318560864"),
            Map.entry("ap-northeast-2", "600734575887"), Map.entry("ap-northeast-3", "383597477331"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-southeast-3", "589379963580"), Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"), Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"), Map.entry("eu-west-3", "009996457667"),
            Map.entry("eu-south-1", "635631232127"), Map.entry("eu-north-1", "897822967062"),
            Map.entry("me-south-1", "076674570225"), Map.entry("sa-east-1", "507241528517"));

    /** Lets the load balancer write its logs under the prefix, and nothing else; TLS only. */
    public static String accessLogBucketPolicy(String bucketArn, String region, String accountId) {
        var elbAccount = ELB_ACCOUNTS.get(region);
        Object principal = elbAccount != null
                ? Map.of("AWS", "arn:aws:iam::" + elbAccount + ":root")
                : Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com");
        return PolicyDocument.create()
                .statement(
                        "DenyInsecureTransport",
                        "Deny",
                        "*",
                        List.of("s3:*"),
                        List.of(bucketArn, bucketArn + "/*"),
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                .statement(
                        "AlbAccessLogDelivery",
                        "Allow",
                        principal,
                        List.of("s3:PutObject"),
                        List.of(bucketArn + "/" + ACCESS_LOG_PREFIX + "/AWSLogs/" + accountId + "/*"),
                        null)
                .json();
    }
}
