package com.tutors.infra.edge;

import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An ALB listener's routing, evaluated from the declared rules as ELB does: rules by ascending priority,
 * every condition of a rule must match, a path pattern is a case-sensitive glob ({@code *}, {@code ?}),
 * a header condition matches any of its values; no match takes the listener's default action.
 */
final class Routing {
    private Routing() {}

    /** The target group's name (without the stack prefix) a request goes to, or the fixed-response status. */
    @SuppressWarnings("unchecked")
    static String resolve(
            OfflineRun.Result result, PlannedResource listener, String path, Map<String, String> headers) {
        var rules = StackRuns.ofType(result, com.pulumi.aws.lb.ListenerRule.class).stream()
                .filter(r -> StackRuns.idOf(listener).equals(r.input("listenerArn")))
                .sorted(Comparator.comparingDouble(r -> (Double) r.input("priority")))
                .toList();
        for (var rule : rules) {
            var conditions = (List<Map<String, Object>>) rule.input("conditions");
            if (conditions.stream().allMatch(c -> matches(c, path, headers))) {
                return target(result, ((List<Map<String, Object>>) rule.input("actions")).get(0));
            }
        }
        return target(result, ((List<Map<String, Object>>) listener.input("defaultActions")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> condition, String path, Map<String, String> headers) {
        if (condition.get("pathPattern") instanceof Map<?, ?> p) {
            return ((List<String>) p.get("values"))
                    .stream().anyMatch(glob -> glob(glob).matcher(path).matches());
        }
        if (condition.get("httpHeader") instanceof Map<?, ?> h) {
            var value = headers.get((String) h.get("httpHeaderName"));
            var values = h.get("values") instanceof PlannedResource.Secret s ? s.value() : h.get("values");
            return value != null && ((List<String>) values).contains(value);
        }
        throw new AssertionError("a condition this table does not know: " + condition);
    }

    private static Pattern glob(String glob) {
        var regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    @SuppressWarnings("unchecked")
    private static String target(OfflineRun.Result result, Map<String, Object> action) {
        if ("fixed-response".equals(action.get("type"))) {
            return (String) ((Map<String, Object>) action.get("fixedResponse")).get("statusCode");
        }
        var arn = action.get("targetGroupArn");
        return StackRuns.ofType(result, com.pulumi.aws.lb.TargetGroup.class).stream()
                .filter(t -> StackRuns.idOf(t).equals(arn))
                .map(t -> t.name().substring(t.name().lastIndexOf('-') + 1))
                .findFirst()
                .orElseThrow();
    }
}
