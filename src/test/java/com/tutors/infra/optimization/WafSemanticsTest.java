package com.tutors.infra.optimization;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.aws.wafv2.WebAcl;
import com.tutors.infra.StackRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the web ACL does to a request, in both scopes: it lets through what no rule blocks, the managed
 * groups block (one rule counted, for uploads), and rules are evaluated in the order written here.
 */
class WafSemanticsTest {

    @ParameterizedTest
    @ValueSource(strings = {"CLOUDFRONT", "REGIONAL"})
    @SuppressWarnings("unchecked")
    void theAclAllowsByDefaultBlocksWithItsRulesAndEvaluatesThemInOrder(String scope) {
        var regional = scope.equals("REGIONAL");
        var overrides = new java.util.HashMap<String, String>();
        if (regional) {
            overrides.put("tutors:cdn", "false");
            // The same configuration as OptimizationTest's regional case: one plan for both.
            overrides.put("tutors:wafBlockedCountries", "[\"KP\",\"IR\"]");
        }
        var result = StackRuns.succeeded(StackRuns.with("prod", overrides));
        var acl = named(result, WebAcl.class, regional ? "tutors-prod-waf-regional" : "tutors-prod-waf");
        assertEquals(scope, acl.input("scope"));
        assertEquals(
                Map.of("allow", Map.of()), acl.input("defaultAction"), "a request no rule blocks reaches the site");
        var rules = (List<Map<String, Object>>) acl.input("rules");
        var expectedOrder = new java.util.ArrayList<String>();
        if (regional) {
            expectedOrder.add("geo-block");
        }
        expectedOrder.addAll(List.of(
                "rate-limit",
                "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesSQLiRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet",
                "body-rules-outside-uploads"));
        assertEquals(expectedOrder, rules.stream().map(r -> r.get("name")).toList());
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            assertEquals((double) i, rule.get("priority"), "WAF evaluates the lowest priority first");
            var name = (String) rule.get("name");
            if (name.startsWith("AWSManagedRules")) {
                // none: the group's own actions (block) apply; count would only log
                assertEquals(Map.of("none", Map.of()), rule.get("overrideAction"), name);
                var group = (Map<String, Object>)
                        ((Map<String, Object>) rule.get("statement")).get("managedRuleGroupStatement");
                assertEquals("AWS", group.get("vendorName"));
                assertEquals(name, group.get("name"));
                var count = Map.of("count", Map.of());
                var overridden = switch (name) {
                    case "AWSManagedRulesCommonRuleSet" ->
                        List.of(
                                Map.of("name", "SizeRestrictions_BODY", "actionToUse", count),
                                Map.of("name", "CrossSiteScripting_BODY", "actionToUse", count),
                                Map.of("name", "GenericLFI_BODY", "actionToUse", count));
                    case "AWSManagedRulesSQLiRuleSet" -> List.of(Map.of("name", "SQLi_BODY", "actionToUse", count));
                    default -> null;
                };
                assertEquals(
                        overridden,
                        group.get("ruleActionOverrides"),
                        name + ": the body rules are counted here, blocked later");
            } else {
                assertEquals(Map.of("block", Map.of()), rule.get("action"), name);
            }
        }
    }
}
