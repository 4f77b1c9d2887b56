package com.tutors.infra.optimization;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.wafv2.IpSet;
import com.pulumi.aws.wafv2.IpSetArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterFilterArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterFilterConditionActionConditionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterFilterConditionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementAndStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchUriPathArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementGeoMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementIpSetReferenceStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementLabelMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementOrStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;

/** The WAFv2 web ACL: geo blocking, an IP rate limit, then AWS's managed rule groups; logged. */
final class Waf {
    private Waf() {}

    /** @return the web ACL's ARN; {@code scope} CLOUDFRONT (in us-east-1) or REGIONAL (on the ALB) */
    static Output<String> declare(OptimizationArgs args, CustomResourceOptions options, String scope) {
        var names = args.names();
        var s = args.settings();
        // Scope is replace-forcing and the ACL has an explicit name: one name per scope, so switching the CDN
        // creates the other ACL first and deletes the old one after its distribution or ALB let go of it.
        var part = part(scope);
        var rules = new ArrayList<WebAclRuleArgs>();
        int priority = 0;
        if (!s.blockedCountries().isEmpty()) {
            rules.add(blockRule(
                    "geo-block",
                    priority++,
                    WebAclRuleStatementArgs.builder()
                            .geoMatchStatement(WebAclRuleStatementGeoMatchStatementArgs.builder()
                                    .countryCodes(s.blockedCountries())
                                    .build())
                            .build()));
        }
        // The site's own server-side calls (Next.js to https://<domain>/api) leave through the NAT addresses
        // and would share one IP's budget: the rate rule counts everyone else.
        var egress = new IpSet(
                names.name(part + "-egress"),
                IpSetArgs.builder()
                        .name(names.name(part + "-egress"))
                        .description("The stack's own NAT egress addresses, exempt from the rate limit")
                        .scope(scope)
                        .ipAddressVersion("IPV4")
                        .addresses(args.network()
                                .egressIps()
                                .applyValue(ips ->
                                        ips.stream().map(ip -> ip + "/32").toList()))
                        .build(),
                options);
        rules.add(blockRule(
                "rate-limit",
                priority++,
                WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .limit(s.wafRateLimit())
                                .aggregateKeyType("IP")
                                .evaluationWindowSec(300)
                                .scopeDownStatement(
                                        WebAclRuleStatementRateBasedStatementScopeDownStatementArgs.builder()
                                                .notStatement(
                                                        WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementArgs
                                                                .builder()
                                                                .statements(WebAclRuleStatementArgs.builder()
                                                                        .ipSetReferenceStatement(
                                                                                WebAclRuleStatementIpSetReferenceStatementArgs
                                                                                        .builder()
                                                                                        .arn(egress.arn())
                                                                                        .build())
                                                                        .build())
                                                                .build())
                                                .build())
                                .build())
                        .build()));
        for (var group : CdnSettings.MANAGED_RULE_GROUPS) {
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                    .vendorName("AWS")
                    .name(group);
            var counted = new ArrayList<String>(CdnSettings.BODY_RULES.getOrDefault(group, List.of()));
            if (group.equals("AWSManagedRulesCommonRuleSet")) {
                counted.add(0, CdnSettings.COUNT_ONLY_RULE);
            }
            if (!counted.isEmpty()) {
                statement.ruleActionOverrides(counted.stream()
                        .map(rule -> WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                                .name(rule)
                                .actionToUse(
                                        WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs
                                                .builder()
                                                .count(
                                                        WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs
                                                                .builder()
                                                                .build())
                                                .build())
                                .build())
                        .toList());
            }
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build())
                            .build())
                    .statement(WebAclRuleStatementArgs.builder()
                            .managedRuleGroupStatement(statement.build())
                            .build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        // The body rules counted above still block everywhere but the upload endpoints, by their labels.
        rules.add(blockRule("body-rules-outside-uploads", priority++, bodyRulesOutside(s.uploadPaths())));
        var acl = new WebAcl(
                names.name(part),
                WebAclArgs.builder()
                        .name(names.name(part))
                        .description("Tutors " + names.environment().id() + ": managed rules, rate limit, geo blocking")
                        .scope(scope)
                        .defaultAction(WebAclDefaultActionArgs.builder()
                                .allow(WebAclDefaultActionAllowArgs.builder().build())
                                .build())
                        .rules(rules)
                        .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                                .cloudwatchMetricsEnabled(true)
                                .sampledRequestsEnabled(true)
                                .metricName(names.name(part))
                                .build())
                        .build(),
                options);
        // WAF only logs to groups named aws-waf-logs-*, in the web ACL's region.
        var logs = new LogGroup(
                names.name(part + "-logs"),
                LogGroupArgs.builder()
                        .name("aws-waf-logs-" + names.name(part))
                        .retentionInDays(args.logRetentionDays())
                        .build(),
                options);
        new WebAclLoggingConfiguration(
                names.name(part),
                WebAclLoggingConfigurationArgs.builder()
                        .resourceArn(acl.arn())
                        .logDestinationConfigs(logs.arn().applyValue(List::of))
                        // Session cookies and bearer tokens would let anyone who reads the logs replay a session.
                        // The provider requires the header names in lowercase.
                        .redactedFields(CdnSettings.REDACTED_HEADERS.stream()
                                .map(h -> WebAclLoggingConfigurationRedactedFieldArgs.builder()
                                        .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder()
                                                .name(h)
                                                .build())
                                        .build())
                                .toList())
                        // Only what WAF blocked or counted: allowed traffic is in the ALB's and CloudFront's own logs.
                        .loggingFilter(WebAclLoggingConfigurationLoggingFilterArgs.builder()
                                .defaultBehavior("DROP")
                                .filters(WebAclLoggingConfigurationLoggingFilterFilterArgs.builder()
                                        .behavior("KEEP")
                                        .requirement("MEETS_ANY")
                                        .conditions(CdnSettings.LOGGED_ACTIONS.stream()
                                                .map(a ->
                                                        WebAclLoggingConfigurationLoggingFilterFilterConditionArgs
                                                                .builder()
                                                                .actionCondition(
                                                                        WebAclLoggingConfigurationLoggingFilterFilterConditionActionConditionArgs
                                                                                .builder()
                                                                                .action(a)
                                                                                .build())
                                                                .build())
                                                .toList())
                                        .build())
                                .build())
                        .build(),
                options);
        return acl.arn();
    }

    /** {@code waf} in front of CloudFront (us-east-1), {@code waf-regional} on the load balancer. */
    static String part(String scope) {
        return scope.equals("CLOUDFRONT") ? "waf" : "waf-regional";
    }

    /** Any of the body rules' labels, on a request whose path starts with none of {@code uploadPaths}. */
    static WebAclRuleStatementArgs bodyRulesOutside(List<String> uploadPaths) {
        var labels = CdnSettings.BODY_LABELS.stream()
                .map(label -> WebAclRuleStatementArgs.builder()
                        .labelMatchStatement(WebAclRuleStatementLabelMatchStatementArgs.builder()
                                .scope("LABEL")
                                .key(label)
                                .build())
                        .build())
                .toList();
        var uploads = uploadPaths.stream()
                .map(path -> WebAclRuleStatementArgs.builder()
                        .byteMatchStatement(WebAclRuleStatementByteMatchStatementArgs.builder()
                                .searchString(path)
                                .positionalConstraint("STARTS_WITH")
                                .fieldToMatch(WebAclRuleStatementByteMatchStatementFieldToMatchArgs.builder()
                                        .uriPath(WebAclRuleStatementByteMatchStatementFieldToMatchUriPathArgs.builder()
                                                .build())
                                        .build())
                                .textTransformations(
                                        WebAclRuleStatementByteMatchStatementTextTransformationArgs.builder()
                                                .priority(0)
                                                .type("NONE")
                                                .build())
                                .build())
                        .build())
                .toList();
        // An OR takes two statements at least.
        var onUpload = uploads.size() == 1
                ? uploads.get(0)
                : WebAclRuleStatementArgs.builder()
                        .orStatement(WebAclRuleStatementOrStatementArgs.builder()
                                .statements(uploads)
                                .build())
                        .build();
        return WebAclRuleStatementArgs.builder()
                .andStatement(WebAclRuleStatementAndStatementArgs.builder()
                        .statements(
                                WebAclRuleStatementArgs.builder()
                                        .orStatement(WebAclRuleStatementOrStatementArgs.builder()
                                                .statements(labels)
                                                .build())
                                        .build(),
                                WebAclRuleStatementArgs.builder()
                                        .notStatement(WebAclRuleStatementNotStatementArgs.builder()
                                                .statements(onUpload)
                                                .build())
                                        .build())
                        .build())
                .build();
    }

    private static WebAclRuleArgs blockRule(String ruleName, int priority, WebAclRuleStatementArgs statement) {
        return WebAclRuleArgs.builder()
                .name(ruleName)
                .priority(priority)
                .action(WebAclRuleActionArgs.builder()
                        .block(WebAclRuleActionBlockArgs.builder().build())
                        .build())
                .statement(statement)
                .visibilityConfig(visibility(ruleName))
                .build();
    }

    private static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metric)
                .build();
    }
}
