package com.tutors.infra.storage;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.s3.BucketAclV2;
import com.pulumi.aws.s3.BucketCorsConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase 3 as both committed stacks declare it. */
class StorageTest {

    /** Up to phase 5: the ALB serves the domain itself (OptimizationTest covers the CDN in front). */
    private static OfflineRun.Result run(String stack) {
        return StackRuns.succeeded(StackRuns.with(stack, StackRuns.override("tutors:lastPhase", "5")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(PlannedResource policy) {
        return (List<Map<String, Object>>)
                new Gson().fromJson((String) policy.input("policy"), Map.class).get("Statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void bothBucketsAreOwnerEnforcedEncryptedAndTlsOnly(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        for (var part : List.of("media", "static")) {
            var bucket = named(result, BucketV2.class, env + part);
            assertEquals(
                    StackRuns.bucket(stack, part),
                    bucket.input("bucket"),
                    "unique to the account: S3 names are global");
            assertEquals(stack.equals("staging"), bucket.input("forceDestroy"));
            assertEquals(
                    StackRuns.bucket(stack, part),
                    named(result, BucketOwnershipControls.class, env + part).input("bucket"),
                    "the bucket's id is its name");
            assertEquals(
                    "BucketOwnerEnforced",
                    named(result, BucketOwnershipControls.class, env + part).input("rule.objectOwnership"));
            var sse = named(result, BucketServerSideEncryptionConfigurationV2.class, env + part);
            assertEquals(
                    List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"))),
                    sse.input("rules"));
            var access = named(result, BucketPublicAccessBlock.class, env + part);
            assertEquals(true, access.input("blockPublicAcls"));
            assertEquals(true, access.input("ignorePublicAcls"));
            var policy = named(result, BucketPolicy.class, env + part);
            var deny = statements(policy).get(0);
            assertEquals("Deny", deny.get("Effect"));
            assertEquals(
                    List.of(
                            "arn:aws:s3:::" + StackRuns.bucket(stack, part),
                            "arn:aws:s3:::" + StackRuns.bucket(stack, part) + "/*"),
                    deny.get("Resource"));
            assertTrue(policy.dependencies().contains(access.urn()), "the policy waits for the public-access block");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void mediaIsPrivateWithLifecycleAndCorsForTheSite(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var access = named(result, BucketPublicAccessBlock.class, env + "media");
        assertEquals(true, access.input("blockPublicPolicy"));
        assertEquals(true, access.input("restrictPublicBuckets"));
        assertEquals(
                1, statements(named(result, BucketPolicy.class, env + "media")).size(), "nothing but the TLS deny");
        var rules = (List<?>) named(result, BucketLifecycleConfigurationV2.class, env + "media")
                .input("rules");
        var toIa = (Map<?, ?>) rules.get(0);
        assertEquals(List.of(Map.of("days", 90.0, "storageClass", "STANDARD_IA")), toIa.get("transitions"));
        assertEquals(
                stack.equals("prod") ? 30.0 : 7.0,
                ((Map<?, ?>) toIa.get("noncurrentVersionExpiration")).get("noncurrentDays"));
        assertEquals(
                Map.of("daysAfterInitiation", 7.0), ((Map<?, ?>) rules.get(1)).get("abortIncompleteMultipartUpload"));
        var cors = named(result, BucketCorsConfigurationV2.class, env + "media");
        var rule = (Map<?, ?>) ((List<?>) cors.input("corsRules")).get(0);
        var domain = stack.equals("prod") ? "tutors.example.com" : "staging.tutors.example.com";
        assertEquals(List.of("https://" + domain), rule.get("allowedOrigins"));
        assertEquals(List.of("GET", "PUT", "POST", "HEAD"), rule.get("allowedMethods"));
        assertEquals(List.of("ETag"), rule.get("exposeHeaders"));
    }

    @Test
    void mediaIsVersionedInProdOnly() {
        var versioning = named(run("prod"), BucketVersioningV2.class, "tutors-prod-media");
        assertEquals("Enabled", versioning.input("versioningConfiguration.status"));
        assertTrue(ofType(run("staging"), BucketVersioningV2.class).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void staticIsPublicReadByPolicyNeverByAcl(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        var access = named(result, BucketPublicAccessBlock.class, env + "static");
        assertEquals(false, access.input("blockPublicPolicy"));
        assertEquals(false, access.input("restrictPublicBuckets"));
        var allow =
                statements(named(result, BucketPolicy.class, env + "static")).get(1);
        assertEquals("Allow", allow.get("Effect"));
        assertEquals("*", allow.get("Principal"));
        assertEquals(List.of("s3:GetObject"), allow.get("Action"));
        assertEquals(List.of("arn:aws:s3:::" + StackRuns.bucket(stack, "static") + "/*"), allow.get("Resource"));
        assertTrue(ofType(result, BucketAclV2.class).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void ecrRepositoriesScanEncryptAndKeepTheLastTen(String stack) {
        var result = run(stack);
        var env = "tutors-" + stack + "-";
        for (var part : List.of("backend", "frontend")) {
            var repo = named(result, Repository.class, env + part);
            assertEquals(env + part, repo.input("name"));
            assertEquals(true, repo.input("imageScanningConfiguration.scanOnPush"));
            assertEquals(List.of(Map.of("encryptionType", "AES256")), repo.input("encryptionConfigurations"));
            assertEquals("MUTABLE", repo.input("imageTagMutability"));
            assertEquals(stack.equals("staging"), repo.input("forceDelete"));
            var lifecycle = named(result, LifecyclePolicy.class, env + part);
            assertEquals(env + part, lifecycle.input("repository"));
            assertEquals(StoragePolicies.ecrLifecycle(), lifecycle.input("policy"));
            assertEquals(
                    "123456789012.dkr.ecr.eu-central-1.amazonaws.com/" + env + part,
                    result.outputs().get(part + "EcrUrl"));
        }
        assertEquals(StackRuns.bucket(stack, "media"), result.outputs().get("mediaBucketName"));
        assertEquals(StackRuns.bucket(stack, "static"), result.outputs().get("staticBucketName"));
    }

    @Test
    void bucketSuffixMakesTheNamesUnique() {
        var result =
                StackRuns.succeeded(StackRuns.with("staging", StackRuns.override("tutors:bucketSuffix", "acme42")));
        assertEquals(
                "tutors-staging-media-acme42",
                named(result, BucketV2.class, "tutors-staging-media").input("bucket"));
        assertEquals("tutors-staging-static-acme42", result.outputs().get("staticBucketName"));
    }

    @Test
    void withoutADomainNoCorsRuleIsDeclared() {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put("tutors:domain", null);
        overrides.put("tutors:hostedZone", null);
        var result = StackRuns.succeeded(StackRuns.with("staging", overrides));
        assertTrue(ofType(result, BucketCorsConfigurationV2.class).isEmpty());
    }
}
