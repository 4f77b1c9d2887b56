package com.tutors.infra.plan.diff;

import com.tutors.infra.plan.diff.PlanDiff.Change;
import com.tutors.infra.plan.diff.PlanDiff.Kind;
import com.tutors.infra.plan.diff.PlanDiff.Severity;
import com.tutors.infra.plan.diff.PlanDiff.Warning;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a reviewer must not miss in a diff: lost data, refused API calls, users cut off. */
final class Warnings {
    private Warnings() {}

    /** Types that hold data: replacing or deleting one loses it. */
    static final Set<String> DATA_STORES = Set.of(
            "aws:rds/instance:Instance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:s3/bucketV2:BucketV2",
            "aws:ecr/repository:Repository",
            "aws:secretsmanager/secret:Secret",
            "aws:cloudwatch/logGroup:LogGroup");

    static final String SERVICE = "aws:ecs/service:Service";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String RECORD = "aws:route53/record:Record";
    static final String SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

    static List<Warning> of(
            List<Change> changes, Map<String, PlannedResource> before, Map<String, PlannedResource> after) {
        var out = new ArrayList<Warning>();
        for (var c : changes) {
            boolean gone = c.kind() == Kind.REPLACE || c.kind() == Kind.DELETE;
            if (c.kind() == Kind.DELETE && c.type().equals(LOG_GROUP)) {
                // Logs go with the feature that wrote them (WAF off, a phase lowered): meant, but said.
                out.add(new Warning(Severity.NOTE, c.name(), "deletes a log group with the logs it holds"));
            } else if (gone && DATA_STORES.contains(c.type())) {
                out.add(new Warning(
                        Severity.DANGER,
                        c.name(),
                        (c.kind() == Kind.REPLACE ? "replaces" : "deletes") + " a data store ("
                                + shortType(c.type()) + "): what it holds is lost"
                                + (c.kind() == Kind.REPLACE
                                        ? " (forced by " + String.join(", ", c.replacing()) + ")"
                                        : "")
                                + (c.protect() ? "; it is protected, so the update stops with an error instead" : "")));
            } else if (c.kind() == Kind.REPLACE && c.deleteFirst()) {
                out.add(new Warning(
                        Severity.DANGER,
                        c.name(),
                        "replaced with an explicit name, so it is deleted before its "
                                + "replacement exists (forced by " + String.join(", ", c.replacing())
                                + "): an outage while it is recreated"));
            }
            if (c.kind() == Kind.UPDATE && c.type().equals(SERVICE)) {
                serviceUpdate(c, before.get(c.urn()), after.get(c.urn()), out);
            }
        }
        originLockWithDns(changes, before, after, out);
        secretsWithoutRestart(changes, out);
        return List.copyOf(out);
    }

    /**
     * The provider sends one UpdateService call per update, and ECS refuses a grace period for a
     * service that has no load balancer in that call ("Health check grace period is only valid for
     * services configured to use load balancers"; internal/service/ecs/service.go).
     */
    private static void serviceUpdate(Change c, PlannedResource was, PlannedResource now, List<Warning> out) {
        boolean lbBefore = hasItems(was.inputs().get("loadBalancers"));
        boolean lbAfter = hasItems(now.inputs().get("loadBalancers"));
        boolean graceAfter = now.inputs().get("healthCheckGracePeriodSeconds") != null;
        boolean graceBefore = was.inputs().get("healthCheckGracePeriodSeconds") != null;
        if (!lbBefore && lbAfter && graceAfter && !graceBefore) {
            out.add(new Warning(
                    Severity.DANGER,
                    c.name(),
                    "gains a load balancer and a health-check grace period in one "
                            + "UpdateService call, which ECS refuses"));
        }
        if (lbBefore && !lbAfter && graceBefore) {
            out.add(new Warning(
                    Severity.DANGER,
                    c.name(),
                    "loses its load balancer while a health-check grace period is set, "
                            + "which ECS refuses in one UpdateService call"));
        }
    }

    /**
     * Locking the ALB to CloudFront (403 without the origin header) in the same update that points the
     * domain at CloudFront refuses every user who still resolves the ALB (minutes of CloudFront
     * deployment plus the DNS TTL).
     */
    private static void originLockWithDns(
            List<Change> changes,
            Map<String, PlannedResource> before,
            Map<String, PlannedResource> after,
            List<Warning> out) {
        boolean dnsMoves = changes.stream()
                .anyMatch(c -> c.type().equals(RECORD)
                        && c.kind() != Kind.CREATE
                        && c.changed().contains("aliases"));
        if (!dnsMoves) {
            return;
        }
        for (var c : changes) {
            if (c.type().equals(LISTENER)
                    && c.kind() == Kind.UPDATE
                    && c.changed().contains("defaultActions")
                    && defaultAction(after.get(c.urn())).equals("fixed-response")
                    && !defaultAction(before.get(c.urn())).equals("fixed-response")) {
                out.add(
                        new Warning(
                                Severity.DANGER,
                                c.name(),
                                "starts refusing requests without the origin header in the same "
                                        + "update that moves the domain to CloudFront: users who still resolve the load balancer get 403"));
            }
        }
    }

    /** ECS reads secrets when a task starts: a new value reaches running tasks only when they are replaced. */
    private static void secretsWithoutRestart(List<Change> changes, List<Warning> out) {
        boolean tasksChange =
                changes.stream().anyMatch(c -> c.type().equals(TASK_DEFINITION) && c.kind() != Kind.CREATE);
        changes.stream()
                .filter(c -> c.type().equals(SECRET_VERSION) && c.kind() == Kind.REPLACE && !tasksChange)
                .forEach(c -> out.add(new Warning(
                        Severity.NOTE,
                        c.name(),
                        "a new secret value, but no task definition changes: "
                                + "running tasks keep the old value until they are replaced")));
    }

    private static String defaultAction(PlannedResource r) {
        if (r != null
                && r.inputs().get("defaultActions") instanceof List<?> l
                && !l.isEmpty()
                && l.get(0) instanceof Map<?, ?> m) {
            return String.valueOf(m.get("type"));
        }
        return "";
    }

    private static boolean hasItems(Object value) {
        return value instanceof List<?> l && !l.isEmpty();
    }

    static String shortType(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }
}
