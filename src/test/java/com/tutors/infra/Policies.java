package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.tutors.infra.plan.OfflineRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Policy documents as IAM reads them, for tests: the grammar every document of either program must
 * follow, and a small evaluator (explicit deny wins; Action/Resource globs; the condition operators
 * this project writes, against a request context) to ask what a set of documents allows.
 */
public final class Policies {
    private Policies() {}

    /** Where the programs put policy JSON: resource type -> input. */
    public static final Map<String, String> DOCUMENT_INPUTS = Map.of(
            "aws:iam/role:Role", "assumeRolePolicy",
            "aws:iam/rolePolicy:RolePolicy", "policy",
            "aws:iam/policy:Policy", "policy",
            "aws:s3/bucketPolicy:BucketPolicy", "policy",
            "aws:kms/key:Key", "policy",
            "aws:sns/topicPolicy:TopicPolicy", "policy",
            "aws:sns/topic:Topic", "policy",
            "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "policyDocument");

    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Set<String> OPERATORS = Set.of(
            "StringEquals",
            "StringLike",
            "StringNotEquals",
            "ArnEquals",
            "ArnLike",
            "Bool",
            "NumericLessThanEquals",
            "ForAnyValue:StringEquals",
            "ForAnyValue:StringLike",
            "IpAddress",
            "NotIpAddress",
            "StringEqualsIfExists",
            "ForAnyValue:StringNotLike");

    /** Every policy document the plan declares, by "type name". */
    public static Map<String, String> documents(OfflineRun.Result result) {
        var docs = new java.util.TreeMap<String, String>();
        for (var r : result.resources()) {
            var input = DOCUMENT_INPUTS.get(r.type());
            if (input != null && r.inputs().get(input) instanceof String json) {
                docs.put(r.type() + " " + r.name(), json);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(String json) {
        return (List<Map<String, Object>>) new Gson().fromJson(json, Map.class).get("Statement");
    }

    /**
     * The grammar: version 2012-10-17; unique alphanumeric Sids; Effect Allow or Deny; actions
     * service:Action; a Principal exactly in resource and trust policies; known condition operators;
     * and no Allow of every action, nor of a whole service or a write on Resource "*" without a condition.
     */
    @SuppressWarnings("unchecked")
    public static void assertWellFormed(String where, String json, boolean resourcePolicy) {
        var doc = new Gson().fromJson(json, Map.class);
        assertEquals("2012-10-17", doc.get("Version"), where);
        var statements = (List<Map<String, Object>>) doc.get("Statement");
        assertFalse(statements.isEmpty(), where);
        var sids = new HashSet<String>();
        for (var s : statements) {
            var sid = (String) s.get("Sid");
            assertTrue(sid != null && SID.matcher(sid).matches() && sids.add(sid), where + ": Sid " + sid);
            assertTrue(Set.of("Allow", "Deny").contains(s.get("Effect")), where + ": " + sid);
            assertEquals(resourcePolicy, s.containsKey("Principal"), where + ": " + sid + " Principal");
            // NotAction only in a Deny ("every action but"), and "*" only in a Deny.
            boolean deny = s.get("Effect").equals("Deny");
            assertTrue(deny || !s.containsKey("NotAction"), where + ": " + sid + " allows with NotAction");
            var actions = list(s.containsKey("NotAction") ? s.get("NotAction") : s.get("Action"));
            assertFalse(actions.isEmpty(), where + ": " + sid);
            actions.forEach(a -> assertTrue(
                    ACTION.matcher(a).matches() || deny && a.equals("*"), where + ": " + sid + " action " + a));
            var trust = actions.stream().allMatch(a -> a.startsWith("sts:AssumeRole"));
            assertEquals(!trust, s.containsKey("Resource"), where + ": " + sid + " Resource");
            var condition = (Map<String, Object>) s.get("Condition");
            if (condition != null) {
                condition
                        .keySet()
                        .forEach(op -> assertTrue(OPERATORS.contains(op), where + ": " + sid + " operator " + op));
            }
            if (s.get("Effect").equals("Allow") && !resourcePolicy) {
                for (var a : actions) {
                    assertFalse(a.equals("*") || a.equals("*:*"), where + ": " + sid + " allows every action");
                }
                if (list(s.get("Resource")).contains("*") && condition == null) {
                    for (var a : actions) {
                        assertTrue(
                                readOnly(a) || resourceless(a),
                                where + ": " + sid + " allows " + a + " on every resource without a condition");
                    }
                }
            }
        }
    }

    /** Describe/Get/List actions (not secret values, not object bodies). */
    public static boolean readOnly(String action) {
        var name = action.substring(action.indexOf(':') + 1);
        return name.matches("(Describe|Get|List)[A-Za-z*]*")
                && !action.equals("secretsmanager:GetSecretValue")
                && !action.equals("s3:GetObject");
    }

    /**
     * Actions AWS authorizes only on Resource "*" that this project grants: registry login, and the
     * agent channels of SSM and ECS Exec, whose message services have no resources to scope to.
     */
    private static boolean resourceless(String action) {
        return action.equals("ecr:GetAuthorizationToken")
                || action.startsWith("ssmmessages:")
                || action.startsWith("ec2messages:")
                || action.matches(
                        "ssm:(DescribeAssociation|DescribeDocument|GetDeployablePatchSnapshotForInstance|GetDocument|GetManifest"
                                + "|ListAssociations|ListInstanceAssociations|PutComplianceItems|PutConfigurePackageResult|PutInventory"
                                + "|UpdateAssociationStatus|UpdateInstanceAssociationStatus|UpdateInstanceInformation)");
    }

    public static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }

    /** IAM's globs: * any run, ? one character. Actions compare case-insensitively, resources exactly. */
    public static boolean glob(String pattern, String value, boolean ignoreCase) {
        var regex = new StringBuilder(ignoreCase ? "(?i)" : "");
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /** A request: one action on one resource, with the condition keys IAM would supply. */
    public record Request(String action, String resource, Map<String, List<String>> context) {
        public Request(String action, String resource) {
            this(action, resource, Map.of());
        }
    }

    /** Whether the identity documents together allow the request: some Allow matches, and no Deny. */
    public static boolean allows(List<String> documents, Request request) {
        boolean allowed = false;
        for (var json : documents) {
            for (var s : statements(json)) {
                if (!matches(s, request)) {
                    continue;
                }
                if (s.get("Effect").equals("Deny")) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> s, Request request) {
        if (s.containsKey("NotAction")) {
            if (list(s.get("NotAction")).stream().anyMatch(a -> glob(a, request.action(), true))) {
                return false;
            }
        } else if (list(s.get("Action")).stream().noneMatch(a -> glob(a, request.action(), true))) {
            return false;
        }
        if (list(s.get("Resource")).stream()
                .map(r -> resolve(r, request))
                .noneMatch(r -> r != null && glob(r, request.resource(), false))) {
            return false;
        }
        var condition = (Map<String, Map<String, Object>>) s.get("Condition");
        if (condition == null) {
            return true;
        }
        for (var op : condition.entrySet()) {
            for (var test : op.getValue().entrySet()) {
                var have = request.context().getOrDefault(test.getKey(), List.of());
                var want = list(test.getValue());
                boolean like = op.getKey().endsWith("Like");
                boolean ok = switch (op.getKey()) {
                    case "StringEquals", "ArnEquals", "Bool" -> have.size() == 1 && want.contains(have.get(0));
                    case "StringEqualsIfExists" -> have.isEmpty() || have.size() == 1 && want.contains(have.get(0));
                    // Negated: a value matches when it is like none of the patterns; ForAnyValue: some value does.
                    case "ForAnyValue:StringNotLike" ->
                        have.stream().anyMatch(h -> want.stream().noneMatch(w -> glob(w, h, false)));
                    case "StringLike", "ArnLike" ->
                        have.size() == 1 && want.stream().anyMatch(w -> glob(w, have.get(0), false));
                    case "ForAnyValue:StringEquals", "ForAnyValue:StringLike" ->
                        have.stream()
                                .anyMatch(h -> want.stream().anyMatch(w -> like ? glob(w, h, false) : w.equals(h)));
                    default -> {
                        fail("the evaluator does not know " + op.getKey());
                        yield false;
                    }
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A Resource with its policy variables ({@code ${aws:PrincipalTag/Environment}}) filled from the
     * request's context; null when one has no value there, since IAM then matches nothing with it.
     */
    private static String resolve(String resource, Request request) {
        var m = Pattern.compile("\\$\\{([^}]+)}").matcher(resource);
        var out = new StringBuilder();
        while (m.find()) {
            var value = request.context().getOrDefault(m.group(1), List.of());
            if (value.size() != 1) {
                return null;
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value.get(0)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A statement's StringEquals and ArnEquals values, as a request context that satisfies them. */
    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> conditionValues(Map<String, Object> statement) {
        var out = new java.util.HashMap<String, List<String>>();
        var condition = (Map<String, Map<String, Object>>) statement.get("Condition");
        if (condition != null) {
            for (var op : List.of("StringEquals", "ArnEquals")) {
                condition.getOrDefault(op, Map.of()).forEach((k, v) -> out.put(k, List.of(list(v).get(0))));
            }
        }
        return out;
    }

    /** Statements whose actions include one matching {@code action}. */
    public static List<Map<String, Object>> statementsFor(List<String> documents, String action) {
        var out = new ArrayList<Map<String, Object>>();
        for (var json : documents) {
            for (var s : statements(json)) {
                if (list(s.get("Action")).stream().anyMatch(a -> glob(a, action, true) || glob(action, a, true))) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
