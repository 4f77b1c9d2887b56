package com.tutors.infra.bootstrap;

import static com.tutors.infra.bootstrap.BootstrapRuns.named;
import static com.tutors.infra.bootstrap.BootstrapRuns.ofType;
import static com.tutors.infra.bootstrap.BootstrapRuns.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state bucket and the secrets keys: private, encrypted, versioned, TLS-only, and not deletable by accident. */
class StateBackendTest {
    private static final String BUCKET = "tutors-pulumi-state-123456789012";
    private static final String NAME = StateBackend.LOGICAL_NAME;

    @Test
    @SuppressWarnings("unchecked")
    void theStateBucketIsPrivateEncryptedVersionedAndProtected() {
        var result = BootstrapRuns.committed();
        var bucket = named(result, "aws:s3/bucketV2:BucketV2", NAME);
        assertEquals(BUCKET, bucket.input("bucket"));
        assertEquals(false, bucket.input("forceDestroy"));
        assertTrue(bucket.protect(), "pulumi destroy and a replacement both stop at it");
        assertEquals(
                "Enabled",
                named(result, "aws:s3/bucketVersioningV2:BucketVersioningV2", NAME)
                        .input("versioningConfiguration.status"));
        var block = named(result, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", NAME);
        for (var flag : List.of("blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets")) {
            assertEquals(true, block.input(flag), flag);
        }
        assertEquals(
                "BucketOwnerEnforced",
                named(result, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", NAME)
                        .input("rule.objectOwnership"));
        var sse = named(
                result,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                NAME);
        assertEquals(
                "AES256",
                ((List<Map<String, Map<String, Object>>>) sse.input("rules"))
                        .get(0)
                        .get("applyServerSideEncryptionByDefault")
                        .get("sseAlgorithm"));
        var policy = statements(
                named(result, "aws:s3/bucketPolicy:BucketPolicy", NAME).input("policy"));
        assertEquals(
                List.of("DenyInsecureTransport", "DenyDeletingTheStateBucket"),
                policy.stream().map(s -> s.get("Sid")).toList());
        assertEquals(
                Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                policy.get(0).get("Condition"));
        assertEquals(
                List.of("arn:aws:s3:::" + BUCKET, "arn:aws:s3:::" + BUCKET + "/*"),
                policy.get(0).get("Resource"));
        assertEquals("Deny", policy.get(1).get("Effect"));
        assertEquals(List.of("s3:DeleteBucket"), policy.get(1).get("Action"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void oldStateVersionsExpireAfterTheConfiguredDays() {
        for (var days : List.of(90, 30)) {
            var result = days == 90
                    ? BootstrapRuns.committed()
                    : BootstrapRuns.with(Map.of("tutors-bootstrap:stateVersionDays", String.valueOf(days)));
            var lifecycle = named(result, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", NAME);
            var rule = ((List<Map<String, Object>>) lifecycle.input("rules")).get(0);
            assertEquals("Enabled", rule.get("status"));
            assertEquals(Map.of("prefix", ""), rule.get("filter"));
            assertEquals(
                    (double) days,
                    ((Map<String, Object>) rule.get("noncurrentVersionExpiration")).get("noncurrentDays"));
            assertEquals(
                    Map.of("expiredObjectDeleteMarker", true),
                    rule.get("expiration"),
                    "the current version never expires");
            assertEquals(
                    7.0, ((Map<String, Object>) rule.get("abortIncompleteMultipartUpload")).get("daysAfterInitiation"));
            assertTrue(lifecycle
                    .dependencies()
                    .contains(named(result, "aws:s3/bucketVersioningV2:BucketVersioningV2", NAME)
                            .urn()));
        }
    }

    @Test
    void oneRotatingProtectedKeyPerStackBehindTheAliasTheReadmeNames() {
        var result = BootstrapRuns.committed();
        for (var stack : List.of("prod", "staging")) {
            var key = named(result, "aws:kms/key:Key", "tutors-" + stack + "-pulumi");
            assertTrue(key.protect(), stack);
            assertEquals(true, key.input("enableKeyRotation"));
            assertEquals(30.0, key.input("deletionWindowInDays"));
            var policy = statements(key.input("policy"));
            assertEquals(1, policy.size());
            assertEquals(
                    Map.of("AWS", "arn:aws:iam::123456789012:root"),
                    policy.get(0).get("Principal"),
                    "the account administers it; the roles' IAM policies decide who decrypts");
            var alias = named(result, "aws:kms/alias:Alias", "tutors-" + stack + "-pulumi");
            assertEquals("alias/tutors-" + stack + "-pulumi", alias.input("name"));
        }
        assertEquals(2, ofType(result, "aws:kms/key:Key").size());
        assertEquals("s3://" + BUCKET + "?region=eu-central-1", result.outputs().get("backendUrl"));
    }

    @Test
    void theProviderRefusesAnotherAccountAndTagsEverything() {
        var provider = BootstrapRuns.committed().resources().stream()
                .filter(r -> r.isProvider())
                .toList();
        assertEquals(1, provider.size());
        // Provider inputs reach the engine JSON-encoded.
        assertEquals("[\"123456789012\"]", provider.get(0).input("allowedAccountIds"));
        assertEquals("eu-central-1", provider.get(0).input("region"));
        assertTrue(
                BootstrapRuns.committed().resources().stream()
                        .filter(r -> r.custom() && !r.isProvider())
                        .allMatch(
                                r -> r.providerRef().startsWith(provider.get(0).urn())),
                "every resource through it");
    }
}
