package com.tutors.infra.policy;

import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM and resource policies built as JSON from data, never by string concatenation. */
public final class PolicyDocument {
    private static final Gson GSON = new Gson();

    private final List<Map<String, Object>> statements = new ArrayList<>();

    /**
     * A trust policy that lets one AWS service assume the role.
     *
     * @param sid names the service, e.g. FlowLogsAssumeTheRole
     */
    public static String serviceTrust(String sid, String servicePrincipal) {
        return create().statement(
                        sid,
                        "Allow",
                        java.util.Map.of("Service", servicePrincipal),
                        List.of("sts:AssumeRole"),
                        null,
                        null)
                .json();
    }

    /**
     * A trust policy that lets one AWS service assume the role for this account only (the confused-deputy
     * guard: {@code aws:SourceAccount}).
     */
    public static String serviceTrust(String sid, String servicePrincipal, String sourceAccount) {
        return create().statement(
                        sid,
                        "Allow",
                        java.util.Map.of("Service", servicePrincipal),
                        List.of("sts:AssumeRole"),
                        null,
                        java.util.Map.of("StringEquals", java.util.Map.of("aws:SourceAccount", sourceAccount)))
                .json();
    }

    public static PolicyDocument create() {
        return new PolicyDocument();
    }

    /**
     * @param principal null for identity policies; {@code "*"}, or a map such as {@code {"Service": ...}}
     * @param resources null for trust policies
     * @param condition null for none
     */
    public PolicyDocument statement(
            String sid,
            String effect,
            Object principal,
            List<String> actions,
            List<String> resources,
            Map<String, Object> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", effect);
        if (principal != null) {
            s.put("Principal", principal);
        }
        s.put("Action", actions);
        if (resources != null) {
            s.put("Resource", resources);
        }
        if (condition != null) {
            s.put("Condition", condition);
        }
        statements.add(s);
        return this;
    }

    /**
     * A Deny of every action but {@code except} (IAM's NotAction; every action when empty): how a
     * statement keeps a principal off some resources while leaving it one narrow use of them.
     */
    public PolicyDocument denyAllBut(
            String sid, List<String> except, List<String> resources, Map<String, Object> condition) {
        if (except.isEmpty()) {
            return statement(sid, "Deny", null, List.of("*"), resources, condition);
        }
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", "Deny");
        s.put("NotAction", except);
        s.put("Resource", resources);
        if (condition != null) {
            s.put("Condition", condition);
        }
        statements.add(s);
        return this;
    }

    public PolicyDocument allow(String sid, List<String> actions, List<String> resources) {
        return statement(sid, "Allow", null, actions, resources, null);
    }

    public String json() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return GSON.toJson(doc);
    }
}
