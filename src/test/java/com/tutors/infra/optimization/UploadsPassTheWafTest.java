package com.tutors.infra.optimization;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.wafv2.WebAcl;
import com.tutors.infra.StackRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * File uploads pass the managed body rules (binary data reads as script, SQL or paths) only on the
 * upload paths; everywhere else those rules still block, through the labels they add.
 */
class UploadsPassTheWafTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Map<String, String> overrides) {
        var acl = named(StackRuns.succeeded(StackRuns.with("prod", overrides)), WebAcl.class, "tutors-prod-waf");
        var rules = (List<Map<String, Object>>) acl.input("rules");
        var last = rules.get(rules.size() - 1);
        assertEquals("body-rules-outside-uploads", last.get("name"), "after the groups that add the labels");
        assertEquals(Map.of("block", Map.of()), last.get("action"));
        return (Map<String, Object>) last.get("statement");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBodyRulesBlockByTheirLabelsOutsideTheUploadPaths() {
        var and = (List<Map<String, Object>>)
                ((Map<String, Object>) rule(Map.of()).get("andStatement")).get("statements");
        var labels = ((List<Map<String, Object>>)
                        ((Map<String, Object>) and.get(0).get("orStatement")).get("statements"))
                .stream()
                        .map(s -> ((Map<String, Object>) s.get("labelMatchStatement")).get("key"))
                        .toList();
        assertEquals(
                List.of(
                        "awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body",
                        "awswaf:managed:aws:core-rule-set:GenericLFI_Body",
                        "awswaf:managed:aws:sql-database:SQLi_Body"),
                labels);
        var not = (List<Map<String, Object>>) ((Map<String, Object>) and.get(1).get("notStatement")).get("statements");
        var match = (Map<String, Object>) not.get(0).get("byteMatchStatement");
        assertEquals("/api/uploads/", match.get("searchString"), "the app contract's default upload path");
        assertEquals("STARTS_WITH", match.get("positionalConstraint"));
        assertEquals(Map.of("uriPath", Map.of()), match.get("fieldToMatch"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalUploadPathsAreOneOr() {
        var and = (List<Map<String, Object>>)
                ((Map<String, Object>) rule(Map.of("tutors:uploadPaths", "[\"/api/uploads/\", \"/api/avatars/\"]"))
                                .get("andStatement"))
                        .get("statements");
        var not = (List<Map<String, Object>>) ((Map<String, Object>) and.get(1).get("notStatement")).get("statements");
        var or = (List<Map<String, Object>>) ((Map<String, Object>) not.get(0).get("orStatement")).get("statements");
        assertEquals(2, or.size());
    }

    @Test
    void badPathsAreRefusedByName() {
        var run = StackRuns.with("prod", Map.of("tutors:uploadPaths", "[\"uploads/*\"]"));
        assertTrue(
                run.problems().stream()
                        .anyMatch(p -> p.startsWith("tutors:uploadPaths = ") && p.contains("not a path prefix")),
                run.problems()::toString);
    }
}
