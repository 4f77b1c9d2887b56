package com.tutors.infra.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoragePoliciesTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(String json) {
        var doc = new Gson().fromJson(json, Map.class);
        assertEquals("2012-10-17", doc.get("Version"));
        return (List<Map<String, Object>>) doc.get("Statement");
    }

    @Test
    void privateBucketPolicyOnlyDeniesInsecureTransport() {
        var s = statements(StoragePolicies.bucketPolicy("arn:aws:s3:::b", false));
        assertEquals(1, s.size());
        assertEquals("Deny", s.get(0).get("Effect"));
        assertEquals(List.of("s3:*"), s.get(0).get("Action"));
        assertEquals(List.of("arn:aws:s3:::b", "arn:aws:s3:::b/*"), s.get(0).get("Resource"));
        assertEquals(
                Map.of("Bool", Map.of("aws:SecureTransport", "false")), s.get(0).get("Condition"));
    }

    @Test
    void publicReadGrantsGetObjectOnObjectsOnly() {
        var s = statements(StoragePolicies.bucketPolicy("arn:aws:s3:::b", true));
        assertEquals(2, s.size());
        var allow = s.get(1);
        assertEquals("Allow", allow.get("Effect"));
        assertEquals("*", allow.get("Principal"));
        assertEquals(List.of("s3:GetObject"), allow.get("Action"));
        assertEquals(List.of("arn:aws:s3:::b/*"), allow.get("Resource"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ecrLifecycleExpiresUntaggedFirstThenKeepsTheLastTen() {
        var rules = (List<Map<String, Object>>)
                new Gson().fromJson(StoragePolicies.ecrLifecycle(), Map.class).get("rules");
        assertEquals(2, rules.size());
        var untagged = (Map<String, Object>) rules.get(0).get("selection");
        assertEquals(
                Map.of(
                        "tagStatus",
                        "untagged",
                        "countType",
                        "sinceImagePushed",
                        "countUnit",
                        "days",
                        "countNumber",
                        1.0),
                untagged);
        var keep = (Map<String, Object>) rules.get(1).get("selection");
        assertEquals(
                Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", 10.0),
                keep,
                "five releases of one architecture (its image and their list)");
        assertTrue(
                (Double) rules.get(0).get("rulePriority")
                        < (Double) rules.get(1).get("rulePriority"),
                "a tagStatus=any rule must have the lowest priority");
        rules.forEach(r -> assertEquals(Map.of("type", "expire"), r.get("action")));
    }

    @Test
    void theLifecyclePolicyIsTheSameTextEveryTime() {
        assertEquals(
                "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged images after 1 day\","
                        + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
                        + "\"countNumber\":1},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":2,\"description\":"
                        + "\"Keep the last 10 images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\","
                        + "\"countNumber\":10},\"action\":{\"type\":\"expire\"}}]}",
                StoragePolicies.ecrLifecycle());
    }

    @Test
    void bucketNameRules() {
        assertTrue(BucketNames.problem("tutors-prod-media").isEmpty());
        assertTrue(BucketNames.problem("ab").orElseThrow().contains("3 to 63"));
        assertTrue(BucketNames.problem("a".repeat(64)).orElseThrow().contains("3 to 63"));
        assertTrue(BucketNames.problem("Tutors-media").isPresent());
        assertTrue(BucketNames.problem("tutors.media").isPresent(), "no dots: they break virtual-hosted TLS");
        assertTrue(BucketNames.problem("tutors-media-").isPresent());
        assertTrue(BucketNames.problem("xn--tutors").isPresent());
        assertTrue(BucketNames.problem("tutors-s3alias").isPresent());
    }

    @Test
    void theServerAccessLogPolicyIsTheSameTextOnEveryRun() {
        assertEquals(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::logs\",\"arn:aws:s3:::logs/*\"],"
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},{\"Sid\":\"S3ServerAccessLogs\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"logging.s3.amazonaws.com\"},\"Action\":[\"s3:PutObject\"],"
                        + "\"Resource\":[\"arn:aws:s3:::logs/*\"],\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":[\"arn:aws:s3:::media\"]},"
                        + "\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}}]}",
                StoragePolicies.serverAccessLogPolicy(
                        "arn:aws:s3:::logs", java.util.List.of("arn:aws:s3:::media"), "111122223333"),
                "a two-key Map.of orders its keys by a per-JVM salt: every up would show a policy diff");
    }
}
