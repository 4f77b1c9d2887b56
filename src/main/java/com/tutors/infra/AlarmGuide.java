package com.tutors.infra;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to do when an alarm fires, by alarm: docs/operations.md's table is generated from it, and a test
 * fails for an alarm the stacks declare that no entry covers.
 *
 * @param alarms the alarm names it covers, without the {@code tutors-<env>-} prefix (a regular expression)
 */
record AlarmGuide(String alarms, String means, String look) {

    static final List<AlarmGuide> ALL = List.of(
            new AlarmGuide(
                    "(backend|frontend|worker-[a-z0-9-]+)-(cpu|memory)",
                    "a service runs hot for 3 of 5 minutes; autoscaling should be adding tasks (a singleton cannot)",
                    "the dashboard's ECS rows; `/ecs/tutors-<env>-<service>`; raise `*MaxCount`, the worker's `maxCount` or the task size"),
            new AlarmGuide(
                    "(backend|frontend)-5xx",
                    "the app answers errors; during a deploy, ECS rolls it back",
                    "the service's log group; the last deploy (`aws ecs describe-services`)"),
            new AlarmGuide(
                    "(backend|frontend)-5xx-rate",
                    "a share of the app's answers are errors, even at low traffic; during a deploy, ECS rolls it back",
                    "the service's log group; the last deploy (`aws ecs describe-services`); the -5xx alarm beside it"),
            new AlarmGuide(
                    "alb-5xx",
                    "the load balancer itself fails (no healthy target, timeouts)",
                    "the target groups' health; the ALB's access logs (prod)"),
            new AlarmGuide(
                    "(backend|frontend)-(unhealthy|no-healthy)-hosts",
                    "targets fail their health check (`/api/health/`, `/healthz`); \"no healthy\" means the service is down "
                            + "(a stack with office hours has no such alarm: it has none at night by design)",
                    "the service's events and stopped tasks (`aws ecs describe-tasks`), its log group"),
            new AlarmGuide(
                    "rds-(cpu|free-storage)",
                    "the database is busy, or its disk fills (autoscaling grows it up to `dbMaxAllocatedStorage`)",
                    "Performance Insights in the RDS console, enhanced monitoring, the `postgresql` log group"),
            new AlarmGuide(
                    "redis-\\d{3}-(cpu|memory)",
                    "a cache node is busy or near `maxmemory` (evictions follow)",
                    "the dashboard's Redis row; raise `redisNodeType`"),
            new AlarmGuide(
                    "mail-(bounce|complaint)-rate",
                    "bounces or complaints near SES's review rates (5%, 0.1%); SES may pause sending above them",
                    "the alarm topic's bounce and complaint messages (which address, which mail); the signup form"),
            new AlarmGuide(
                    "cdn-5xx-rate",
                    "CloudFront answers more than 5% errors: usually the origin",
                    "the ALB alarms above; CloudFront's reports (us-east-1)"),
            new AlarmGuide(
                    "waf-blocked",
                    "a surge of blocked requests: an attack, or a rule blocking real users",
                    "WAF's sampled requests and `aws-waf-logs-tutors-<env>-waf` (BLOCK and COUNT only)"),
            new AlarmGuide(
                    "nat-(instance-\\d+-)?reboot",
                    "a NAT instance failed its status check for 3 minutes and EC2 rebooted it (no topic: EC2 acts); that "
                            + "AZ's tasks had no egress meanwhile",
                    "the instance's console output and `/var/log/cloud-init-output.log` via Session Manager; "
                            + "`aws ec2 describe-instance-status`"));

    /** The entry for an alarm name without its {@code tutors-<env>-} prefix. */
    static Optional<AlarmGuide> of(String part) {
        return ALL.stream().filter(g -> Pattern.matches(g.alarms(), part)).findFirst();
    }
}
