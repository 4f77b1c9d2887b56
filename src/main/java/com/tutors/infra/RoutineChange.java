package com.tutors.infra;

import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each routine change does to a running stack: docs/operations.md's table, from these rows. Each row
 * is measured, not only described: its states are planned on a committed stack and diffed by URN (what
 * `pulumi up` would create, update, replace or delete between them), and a test holds every step free of
 * the diff's dangers (a data store replaced or deleted, a lock landing with the DNS move).
 *
 * @param states the stack's overrides before the change, then after each step (two steps: three states)
 */
record RoutineChange(String change, String stack, List<Map<String, String>> states, String happens, String users) {

    static final String START =
            "<!-- routine-changes:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    static final String END = "<!-- routine-changes:end -->";

    private static Map<String, String> set(String... keyValues) {
        var map = new TreeMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put("tutors:" + keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static final Map<String, String> NONE = Map.of();

    static final List<RoutineChange> ALL = List.of(
            new RoutineChange(
                    "`lastPhase` +1",
                    "prod",
                    List.of(set("lastPhase", "4"), set("lastPhase", "5")),
                    "creates that phase only (5 also creates the services with their load balancer)",
                    "nothing else is touched"),
            new RoutineChange(
                    "`lastPhase` -1",
                    "prod",
                    List.of(NONE, set("lastPhase", "5")),
                    "deletes that phase only; in prod, protected data stores make the `up` fail instead of lowering "
                            + "below phase 3",
                    "the removed phase goes away"),
            new RoutineChange(
                    "`cdn` on",
                    "prod",
                    List.of(set("cdn", "false"), set("originLock", "false"), NONE),
                    "**two steps**: `cdn: true` with `originLock: false` (CloudFront is created, the records move to it "
                            + "once it has deployed, the ALB still answers everyone; static links become "
                            + "`https://<domain>/static/...`, which the ALB redirects to the still public bucket until "
                            + "DNS has moved; media keeps its presigned S3 links); after the DNS TTL (60 s), "
                            + "`originLock: true` (media links move to CloudFront, the static bucket becomes "
                            + "CloudFront's alone)",
                    "no user gets 403 or a broken image at either step (tested in `CdnTurnOnTest`); doing both at once "
                            + "is flagged `DANGER` by `plan --diff`"),
            new RoutineChange(
                    "`cdn` off",
                    "prod",
                    List.of(NONE, set("originLock", "false"), set("cdn", "false", "originLock", "false")),
                    "the reverse: `originLock: false` first, then `cdn: false`; with `waf` on, the web ACL of the other "
                            + "scope (`-waf-regional` on the ALB for `tutors-<env>-waf` on CloudFront, and back when the "
                            + "CDN comes on) is created before the old one is deleted, so none is deleted while attached",
                    "the static bucket becomes public again"),
            new RoutineChange(
                    "`originLock` on",
                    "prod",
                    List.of(set("originLock", "false"), NONE),
                    "the listener's default turns to 403 and each rule (the frontend's own catch-all rule included, "
                            + "declared whenever the CDN is on) gains the header condition, all in place",
                    "CloudFront's requests always match a rule: no 403 window"),
            new RoutineChange(
                    "`originSecret` rotation",
                    "prod",
                    List.of(
                            NONE,
                            set(
                                    "originSecret", "rotated_origin_secret_0123456789abcdef",
                                    "originSecretPrevious", "fake_origin_secret_0123456789abcdefghij"),
                            set("originSecret", "rotated_origin_secret_0123456789abcdef")),
                    "set `originSecretPrevious` to the current value and `originSecret` to a new one in one push: every "
                            + "rule accepts both, CloudFront switches to the new header as the distribution deploys "
                            + "(minutes); once it shows *Deployed*, remove `originSecretPrevious` in a second push",
                    "no 403s: edges still sending the old header are accepted until the second push"),
            new RoutineChange(
                    "`waf`, `alarms` off (or on)",
                    "prod",
                    List.of(NONE, set("waf", "false", "alarms", "false")),
                    "their resources are deleted (or created); WAF logs go with the ACL; the services stop (or start) "
                            + "watching their deployment alarms, in place",
                    "none"),
            new RoutineChange(
                    "`containerInsights`, `dashboard` off",
                    "prod",
                    List.of(NONE, set("containerInsights", "false", "dashboard", "false")),
                    "the cluster setting changes in place; the dashboard is deleted",
                    "nothing: the alarms and autoscaling use the AWS/ECS service metrics"),
            new RoutineChange(
                    "`uploadPaths`",
                    "prod",
                    List.of(NONE, set("uploadPaths", "[\"/api/uploads/\", \"/api/avatars/\"]")),
                    "the web ACL's last rule changes in place",
                    "uploads on the new paths pass the body rules; elsewhere they still block"),
            new RoutineChange(
                    "`natAmi` (a new pin)",
                    "prod",
                    List.of(NONE, set("natAmi", "ami-0abcdef1234567890")),
                    "each NAT instance is replaced: the new one starts, its route and Elastic IP move to it in place, "
                            + "the old one goes",
                    "that AZ's tasks have no egress for 1-2 minutes while the new instance boots (pulls, secrets at "
                            + "task start, third-party calls); the egress address stays"),
            new RoutineChange(
                    "`natMode`",
                    "prod",
                    List.of(NONE, set("natMode", "gateway-per-az")),
                    "NAT gateways or the NAT instance swap; private routes are updated in place",
                    "outbound traffic from the tasks pauses while routes move (seconds); with a new NAT instance, until "
                            + "its user data has set forwarding (about a minute after its Elastic IP attaches)"),
            new RoutineChange(
                    "`fargateSpotPercent`",
                    "prod",
                    List.of(NONE, set("fargateSpotPercent", "50")),
                    "in-place `UpdateService` with `forceNewDeployment`: a rolling deployment onto the new strategy",
                    "none (full capacity kept)"),
            new RoutineChange(
                    "`dbInstanceClass`, `dbMultiAz`, `redisNodeType`, `redisReplicas`",
                    "prod",
                    List.of(
                            NONE,
                            set(
                                    "dbInstanceClass", "db.t4g.medium",
                                    "dbMultiAz", "false",
                                    "redisReplicas", "2",
                                    "redisNodeType", "cache.t4g.small")),
                    "modified in place (`ModifyDBInstance`, `ModifyReplicationGroup`); with `applyImmediately: false` "
                            + "(prod) in the Sunday 03:00 (database) and 04:00 (cache) UTC windows, and the diff shows "
                            + "until then; replicas are added or removed **at once** (the provider's replica-count "
                            + "calls always send ApplyImmediately=true)",
                    "Multi-AZ: a failover of about a minute; single-AZ: the instance restarts; cache nodes are replaced "
                            + "one by one with failover; a removed replica's connections drop"),
            new RoutineChange(
                    "task CPU/memory, `imageTag`, gunicorn settings",
                    "prod",
                    List.of(NONE, set("backendCpu", "512", "backendMemory", "1024", "imageTag", "abc1234")),
                    "new task definition revisions; the services roll onto them (circuit breaker and 5xx alarms on)",
                    "none"),
            new RoutineChange(
                    "`djangoSecretKey` with `djangoSecretKeyPrevious`",
                    "prod",
                    List.of(
                            NONE,
                            set(
                                    "djangoSecretKey", "rotated-django-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
                                    "djangoSecretKeyPrevious",
                                            "fake-django-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")),
                    "a new secret and versions, new task revisions, the backend rolls",
                    "nobody is logged out: old and new tasks accept both keys (see Changing a secret)"),
            new RoutineChange(
                    "`redisAuthToken` (ROTATE, then SET)",
                    "prod",
                    List.of(
                            NONE,
                            set("redisAuthToken", "another-token-0123456789"),
                            set("redisAuthToken", "another-token-0123456789", "redisAuthTokenUpdateStrategy", "SET")),
                    "the cache takes the new token beside the old one, the `REDIS_URL` version moves, the services "
                            + "roll; SET later drops the old one",
                    "no failed connection: tasks on either URL authenticate"),
            new RoutineChange(
                    "a secret value (`dbPassword`)",
                    "prod",
                    List.of(NONE, set("dbPassword", "AnotherDbPass#2%with?chars:y")),
                    "a new secret version; the task definitions name that version, so they get new revisions and the "
                            + "services roll; the database takes the new password in place",
                    "tasks started before the change keep the old value until replaced (a minute or two)"));

    /** Each step's diff, in order. */
    List<PlanDiff.Result> steps(ReferenceDocs.Planner planner) {
        var out = new ArrayList<PlanDiff.Result>();
        for (int i = 1; i < states.size(); i++) {
            out.add(PlanDiff.between(
                    "before",
                    planner.plan(stack, states.get(i - 1)).resources(),
                    "after",
                    planner.plan(stack, states.get(i)).resources(),
                    ReplaceRules.standard()));
        }
        return out;
    }

    /** A step's diff in a cell: counts by kind, the replaced and deleted types named. */
    static String measured(PlanDiff.Result d) {
        var parts = new ArrayList<String>();
        for (var kind : PlanDiff.Kind.values()) {
            var types = new TreeMap<String, Integer>();
            d.changes().stream()
                    .filter(c -> c.kind() == kind)
                    .forEach(c -> types.merge(c.type().substring(c.type().lastIndexOf(':') + 1), 1, Integer::sum));
            int n = types.values().stream().mapToInt(Integer::intValue).sum();
            if (n == 0) {
                continue;
            }
            var named = kind == PlanDiff.Kind.REPLACE || kind == PlanDiff.Kind.DELETE
                    ? " (" + String.join(", ", types.keySet()) + ")"
                    : "";
            parts.add(n + " " + (kind == PlanDiff.Kind.UPDATE ? "updated in place" : kind.word + "d") + named);
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    /** The table, every row's steps planned and diffed. */
    static String table(ReferenceDocs.Planner planner) {
        var out = new StringBuilder(
                "| Change | What happens | Measured: `plan --diff` on the committed stack | Users / data |\n"
                        + "|---|---|---|---|\n");
        for (var row : ALL) {
            var steps = row.steps(planner);
            var cells = new ArrayList<String>();
            for (int i = 0; i < steps.size(); i++) {
                cells.add((steps.size() > 1 ? "step " + (i + 1) + ": " : "") + measured(steps.get(i)));
            }
            out.append("| ")
                    .append(row.change())
                    .append(" | ")
                    .append(row.happens())
                    .append(" | ")
                    .append(row.stack())
                    .append(": ")
                    .append(String.join("; ", cells))
                    .append(" | ")
                    .append(row.users())
                    .append(" |\n");
        }
        return START + "\n" + out + END + "\n";
    }
}
