package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy checker and evaluator the access tests rely on refuse and decide what IAM would. */
class PoliciesTest {
    private static String doc(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    @Test
    void theGrammarRefusesEachDefect() {
        var good =
                "{\"Sid\":\"Ok\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"]}";
        Policies.assertWellFormed("good", doc(good), false);
        for (var bad : List.of(
                good.replace("\"Ok\"", "\"not ok\""),
                good.replace("Allow", "Permit"),
                good.replace("s3:GetObject", "GetObject"),
                good.replace(",\"Resource\":[\"arn:aws:s3:::b/*\"]", ""),
                good.replace("s3:GetObject", "*"),
                good.replace("arn:aws:s3:::b/*", "*").replace("s3:GetObject", "s3:PutObject"),
                good.replace("arn:aws:s3:::b/*", "*").replace("s3:GetObject", "ec2:*"),
                good.replace("}", ",\"Condition\":{\"StringEqual\":{\"a\":\"b\"}}}"),
                good + "," + good)) {
            assertThrows(AssertionError.class, () -> Policies.assertWellFormed("bad", doc(bad), false), bad);
        }
        // Principal exactly in resource policies.
        assertThrows(AssertionError.class, () -> Policies.assertWellFormed("bad", doc(good), true));
        // A whole service on every resource is accepted only under a condition (the deploy roles' regions).
        Policies.assertWellFormed(
                "ok",
                doc(good.replace("arn:aws:s3:::b/*", "*")
                        .replace("s3:GetObject", "ec2:*")
                        .replace(
                                "}",
                                ",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-central-1\"]}}}")),
                false);
    }

    @Test
    void theEvaluatorLetsAnExplicitDenyWinAndReadsConditions() {
        var allow = doc("{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::b/*\"],"
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-central-1\"]}}}");
        var deny = doc(
                "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"Action\":[\"s3:Delete*\"],\"Resource\":[\"arn:aws:s3:::b/keep/*\"]}");
        var eu = Map.of("aws:RequestedRegion", List.of("eu-central-1"));
        assertTrue(
                Policies.allows(List.of(allow, deny), new Policies.Request("s3:DeleteObject", "arn:aws:s3:::b/x", eu)));
        assertFalse(Policies.allows(
                List.of(allow, deny), new Policies.Request("s3:DeleteObject", "arn:aws:s3:::b/keep/x", eu)));
        assertFalse(
                Policies.allows(List.of(allow), new Policies.Request("s3:GetObject", "arn:aws:s3:::b/x")),
                "no region: no match");
        assertFalse(Policies.allows(List.of(allow), new Policies.Request("s3:GetObject", "arn:aws:s3:::c/x", eu)));
        assertTrue(
                Policies.allows(List.of(allow), new Policies.Request("S3:getobject", "arn:aws:s3:::b/x", eu)),
                "actions ignore case");
        assertFalse(Policies.allows(List.of(), new Policies.Request("s3:GetObject", "*")), "implicit deny");
        var any = doc("{\"Sid\":\"K\",\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],\"Resource\":[\"*\"],"
                + "\"Condition\":{\"ForAnyValue:StringLike\":{\"kms:ResourceAliases\":\"alias/a-*\"}}}");
        assertTrue(Policies.allows(
                List.of(any),
                new Policies.Request("kms:Decrypt", "k", Map.of("kms:ResourceAliases", List.of("x", "alias/a-1")))));
        assertFalse(Policies.allows(
                List.of(any),
                new Policies.Request("kms:Decrypt", "k", Map.of("kms:ResourceAliases", List.of("alias/b")))));
    }
}
