package com.tutors.infra;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The AWS Security Hub FSBP controls that apply to what the program declares, as data: how each passes or
 * why it is waived, and its status per stack computed from that stack's plan where a setting decides it
 * (Container Insights, access logs, deletion protection, Multi-AZ, snapshots, failover, public access,
 * the CDN, the NAT instances). docs/security-baseline.md's table is generated from it.
 */
record SecurityControls(String control, Function<Plan, Status> status, String how) {

    enum Status {
        PASS("✅"),
        WAIVER("**W**"),
        ACCOUNT("**account**"),
        NA("n/a");

        final String shown;

        Status(String shown) {
            this.shown = shown;
        }
    }

    /** One stack's planned resources, with the look-ups the statuses need. */
    record Plan(List<PlannedResource> resources) {
        boolean has(String type) {
            return resources.stream().anyMatch(r -> r.type().equals(type));
        }

        PlannedResource first(String type) {
            return resources.stream()
                    .filter(r -> r.type().equals(type))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + type + " in the plan"));
        }

        boolean all(String type, Predicate<PlannedResource> test) {
            return resources.stream().filter(r -> r.type().equals(type)).allMatch(test);
        }
    }

    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String CLUSTER = "aws:ecs/cluster:Cluster";
    private static final String LB = "aws:lb/loadBalancer:LoadBalancer";
    private static final String RDS = "aws:rds/instance:Instance";
    private static final String REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
    private static final String BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    private static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";

    private static final Status PASS = Status.PASS;
    private static final Status WAIVER = Status.WAIVER;
    private static final Status ACCOUNT = Status.ACCOUNT;
    private static final Status NA = Status.NA;

    /** A CloudFront control: not applicable without a distribution. */
    private static Function<Plan, Status> cdn(Status withCdn) {
        return p -> p.has(DISTRIBUTION) ? withCdn : NA;
    }

    static final List<SecurityControls> ALL = List.of(
            new SecurityControls(
                    "EC2.2 default SG without rules",
                    p -> PASS,
                    "`aws.ec2.DefaultSecurityGroup` adopted with no rules (tested)"),
            new SecurityControls(
                    "EC2.3 / EC2.8 / EC2.24 NAT instance EBS encrypted, IMDSv2, HVM",
                    p -> p.has(INSTANCE)
                            ? p.all(
                                            INSTANCE,
                                            r -> Boolean.TRUE.equals(r.input("rootBlockDevice.encrypted"))
                                                    && "required".equals(r.input("metadataOptions.httpTokens")))
                                    ? PASS
                                    : WAIVER
                            : NA,
                    "encrypted gp3 root, `httpTokens: required`, t4g"),
            new SecurityControls(
                    "EC2.6 VPC flow logs",
                    p -> PASS,
                    "REJECT traffic to CloudWatch Logs with `logRetentionDays` (tested)"),
            new SecurityControls(
                    "EC2.9 / EC2.180 instance without public IP / source-dest check",
                    p -> p.has(INSTANCE) ? WAIVER : PASS,
                    "a NAT instance must have both: prod runs one per AZ (`instance-per-az`), staging one; `natMode: gateway-*` passes"),
            new SecurityControls(
                    "EC2.10 / 55 / 56 / 57 interface endpoints (ec2, ecr.api, ecr.dkr, ssm)",
                    p -> WAIVER,
                    "about $7.30 a month per endpoint and AZ ($58 for four in two AZs, a quarter of prod's bill); image layers already skip the NAT through the S3 gateway endpoint, and the tasks reach ECR and Secrets Manager over HTTPS"),
            new SecurityControls(
                    "EC2.15 no auto-assigned public IPs", p -> PASS, "`mapPublicIpOnLaunch: false` on every subnet"),
            new SecurityControls(
                    "EC2.18 / EC2.19 open ports",
                    p -> PASS,
                    "only 80/443 open to the world (only 443 from CloudFront's prefix list behind a locked CDN)"),
            new SecurityControls(
                    "EC2.21 NACL without SSH/RDP from anywhere",
                    p -> PASS,
                    "default ACL allows TCP/UDP from anywhere only around 22 and 3389 (tested)"),
            new SecurityControls(
                    "ECS.2 / 3 / 4 / 8 / 9 / 10",
                    p -> PASS,
                    "no public IP, no host PID, not privileged, secrets by ARN, awslogs, LATEST platform"),
            new SecurityControls(
                    "ECS.12 Container Insights",
                    p -> String.valueOf(p.first(CLUSTER).input("settings")).contains("enabled") ? PASS : WAIVER,
                    "on in prod; staging turns it off (`containerInsights: false`, $9 a month for per-task metrics nobody watches there); `true` passes"),
            new SecurityControls(
                    "ECS.5 read-only root filesystem / ECS.20 non-root user",
                    p -> WAIVER,
                    "depend on the app images, so off by default: `readOnlyRootFilesystem: true` (with task volumes for `/tmp`, `/app/.next/cache` and, with ECS Exec, the SSM agent's paths) and `containerUser: 1000:1000` pass them (tested)"),
            new SecurityControls("ELB.1 HTTP redirects to HTTPS", p -> PASS, "port 80 listener redirects (301)"),
            new SecurityControls(
                    "ELB.4 / ELB.12 / ELB.13",
                    p -> PASS,
                    "invalid headers dropped, defensive desync mode (default), two AZs"),
            new SecurityControls(
                    "ELB.5 access logs",
                    p -> Boolean.TRUE.equals(p.first(LB).input("accessLogs.enabled")) ? PASS : WAIVER,
                    "off in staging (`albAccessLogs: false`) to save the bucket; set it true to pass"),
            new SecurityControls(
                    "ELB.6 deletion protection",
                    p -> Boolean.TRUE.equals(p.first(LB).input("enableDeletionProtection")) ? PASS : WAIVER,
                    "staging is rebuilt freely (`protectData: false`)"),
            new SecurityControls(
                    "ELB.17 recommended TLS policy", p -> PASS, "`ELBSecurityPolicy-TLS13-1-2-Res-2021-06`"),
            new SecurityControls(
                    "ELB.18 secure listener protocols",
                    p -> WAIVER,
                    "the HTTP listener only redirects (ELB.1 wants it); the control has no exemption for redirects"),
            new SecurityControls(
                    "RDS.2 / 3 / 11 / 13 / 17 / 25 / 36 / 46",
                    p -> PASS,
                    "private, encrypted, 7 days of backups, minor upgrades, tags to snapshots, user `tutors`, `postgresql` log, private subnets"),
            new SecurityControls(
                    "RDS.5 Multi-AZ / RDS.8 deletion protection",
                    p -> Boolean.TRUE.equals(p.first(RDS).input("multiAz"))
                                    && Boolean.TRUE.equals(p.first(RDS).input("deletionProtection"))
                            ? PASS
                            : WAIVER,
                    "staging single-AZ and unprotected: it holds no data worth a standby"),
            new SecurityControls("RDS.6 enhanced monitoring", p -> PASS, "every 60 s with its own role (tested)"),
            new SecurityControls(
                    "RDS.9 PostgreSQL logs",
                    p -> PASS,
                    "`postgresql` and `upgrade` exported, log groups with retention (tested)"),
            new SecurityControls("RDS.10 IAM authentication", p -> PASS, "on; password logins unchanged (tested)"),
            new SecurityControls(
                    "RDS.23 non-default port",
                    p -> WAIVER,
                    "5432 kept: the port is not a secret, the group admits only the tasks"),
            new SecurityControls(
                    "ElastiCache.1 backups",
                    p -> ((Number) p.first(REDIS).input("snapshotRetentionLimit")).intValue() > 0 ? PASS : WAIVER,
                    "staging keeps no snapshots (`redisSnapshotRetentionDays: 0`): a cache"),
            new SecurityControls(
                    "ElastiCache.2 / 4 / 5 / 6 / 7",
                    p -> PASS,
                    "minor upgrades, at-rest and in-transit encryption, AUTH, own subnet group"),
            new SecurityControls(
                    "ElastiCache.3 automatic failover",
                    p -> Boolean.TRUE.equals(p.first(REDIS).input("automaticFailoverEnabled")) ? PASS : WAIVER,
                    "staging has no replica"),
            new SecurityControls(
                    "S3.1 account public-access block",
                    p -> ACCOUNT,
                    "an account setting; the static bucket's public read (no CDN) needs it off"),
            new SecurityControls(
                    "S3.2 / S3.8 no public read, block public access",
                    p -> p.all(
                                    BLOCK,
                                    r -> Boolean.TRUE.equals(r.input("blockPublicPolicy"))
                                            && Boolean.TRUE.equals(r.input("restrictPublicBuckets")))
                            ? PASS
                            : WAIVER,
                    "staging's static bucket is public-read without a CDN (the app's CSS and JS); prod's is private behind CloudFront"),
            new SecurityControls(
                    "S3.3 / S3.5 / S3.6 / S3.12",
                    p -> PASS,
                    "no public write, TLS-only policies, no cross-account grants, ACLs disabled"),
            new SecurityControls(
                    "S3.9 server access logging",
                    p -> PASS,
                    "media, static and (with `albAccessLogs`) the ALB log bucket log to `tutors-<env>-s3-logs-*` (tested)"),
            new SecurityControls("S3.13 lifecycle", p -> PASS, "every bucket has one"),
            new SecurityControls("ECR.1 / ECR.3", p -> PASS, "scan on push, lifecycle policy"),
            new SecurityControls(
                    "ECR.2 immutable tags",
                    p -> WAIVER,
                    "CI pushes the moving `latest`; ECS pins each deployment to the digest it resolved; `ecrImmutableTags: true` passes"),
            new SecurityControls(
                    "CloudFront.1 default root object",
                    cdn(WAIVER),
                    "`/` is served by Next.js through the ALB, not by S3"),
            new SecurityControls(
                    "CloudFront.3 / 6 / 7 / 8 / 9 / 10 / 12 / 13 / 15",
                    cdn(PASS),
                    "HTTPS only, WAF, ACM certificate, SNI, https-only origin with TLS 1.2, OAC, TLSv1.2_2021"),
            new SecurityControls(
                    "CloudFront.4 origin failover",
                    cdn(WAIVER),
                    "one ALB origin; an origin group would double the buckets"),
            new SecurityControls(
                    "CloudFront.5 logging",
                    cdn(WAIVER),
                    "access logs are delivered with standard logging v2 (CloudWatch vended logs, to `/cloudfront/tutors-<env>-cdn` in us-east-1, `logRetentionDays`); the control still checks legacy logging only, which needs a bucket with ACLs (fails S3.12)"),
            new SecurityControls(
                    "WAF.10 rules in the web ACL", p -> p.has(WEB_ACL) ? PASS : NA, "managed groups and the rate rule"),
            new SecurityControls(
                    "SNS.4 / KMS.1 / KMS.2 / KMS.5",
                    p -> PASS,
                    "no public topic or key; no policy decrypts with all keys"),
            new SecurityControls(
                    "SecretsManager.1 / .4 rotation",
                    p -> WAIVER,
                    "values come from the stack's config (`pulumi config set --secret`); rotating one is `runbooks/set-secret.sh` and a push, which rolls the services ([Changing a secret](operations.md#changing-a-secret))"),
            new SecurityControls(
                    "SSM.1 managed instance",
                    p -> p.has(INSTANCE) ? PASS : NA,
                    "each NAT instance has AmazonSSMManagedInstanceCore"),
            new SecurityControls(
                    "ACM.1 / ACM.2", p -> PASS, "DNS-validated (renews itself while the record stays), RSA 2048"),
            new SecurityControls("IAM.1 / IAM.21", p -> PASS, "inline role policies, no `*` on `*`"),
            new SecurityControls(
                    "SES (mail)",
                    p -> PASS,
                    "no FSBP control covers SES; the send permission is scoped to the identity, its configuration set and the domain's addresses, TLS is required, and the alarm topic its events reach stays KMS-encrypted under the stack's key (tested in `MailTest`)"));

    /** The table, a column per stack in the given order. */
    static String table(Map<String, List<PlannedResource>> plans) {
        var out = new StringBuilder("| Control");
        plans.keySet().forEach(s -> out.append(" | ").append(s));
        out.append(" | How, or why not |\n|---")
                .append("|---".repeat(plans.size()))
                .append("|---|\n");
        for (var c : ALL) {
            out.append("| ").append(c.control());
            plans.values().forEach(p -> out.append(" | ").append(c.status().apply(new Plan(p)).shown));
            out.append(" | ").append(c.how()).append(" |\n");
        }
        return out.toString();
    }
}
