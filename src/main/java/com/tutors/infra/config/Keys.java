package com.tutors.infra.config;

import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Phase;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key the program reads, with its per-environment default. Defaults are written
 * as the strings a user would type, and go through the same parser and validation as user input.
 */
public final class Keys {
    private Keys() {}

    public static final String PROJECT = Naming.PROJECT;

    /** @param defaultValue the one default, for every stack; what differs per stack lives in its stack file */
    private static Key tutors(String name, String description, String defaultValue) {
        return new Key(PROJECT, name, description, defaultValue, false);
    }

    /** A true/false key: its reads and its documented allowed values come from {@link Rule.Flag}. */
    private static Key flag(String name, String description, String defaultValue) {
        return new Key(PROJECT, name, description, defaultValue, false, new Rule.Flag());
    }

    /** A whole-number key from min to max: its reads and its documented range come from {@link Rule.Range}. */
    private static Key number(String name, String description, String defaultValue, int min, int max) {
        return new Key(PROJECT, name, description, defaultValue, false, new Rule.Range(min, max));
    }

    private static Key secret(String name, String description) {
        return new Key(PROJECT, name, description, null, true);
    }

    public static final Key ENVIRONMENT = tutors(
            "environment",
            "Environment name used in every resource name (tutors-<env>-<part>) and tag: one of "
                    + Environment.allowed() + ". Defaults to the stack name.",
            null);
    public static final Key ENVIRONMENT_OVERRIDE = tutors(
            "environmentOverride",
            "Set true to run a stack under another stack's environment name (e.g. stack staging-eu as staging): "
                    + "its resources then carry that environment's names, which may already exist in a shared account.",
            "false");
    public static final Key LAST_PHASE = number(
            "lastPhase",
            "Declare phases 1..N only (1 Foundation, 2 Data, 3 Storage, 4 Compute, 5 Edge, 6 Optimization).",
            "6",
            Phase.FIRST,
            Phase.LAST);
    public static final Key VPC_CIDR = tutors("vpcCidr", "IPv4 block of the VPC, /16 to /28.", "10.0.0.0/16");
    public static final Key PUBLIC_SUBNET_CIDRS = tutors(
            "publicSubnetCidrs",
            "Public subnets (ALB, NAT), one per availability zone, inside vpcCidr; a list of at least 2.",
            "[\"10.0.1.0/24\",\"10.0.2.0/24\"]");
    public static final Key PRIVATE_SUBNET_CIDRS = tutors(
            "privateSubnetCidrs",
            "Private subnets (ECS tasks, RDS, Redis), one per availability zone, as many as the public ones.",
            "[\"10.0.10.0/24\",\"10.0.20.0/24\"]");
    public static final Key NAT_MODE = tutors(
            "natMode",
            "Outbound internet for the private subnets: gateway-per-az (one NAT gateway per AZ, HA), "
                    + "gateway-single (one NAT gateway), instance (one t4g.nano NAT instance, cheapest), "
                    + "instance-per-az (one self-recovering t4g.nano NAT instance per AZ).",
            "gateway-per-az");
    public static final Key NAT_AMI = tutors(
            "natAmi",
            "With a NAT instance: its AMI, pinned (ami-...); a new value replaces the instances one by one (patching). "
                    + "Unset: the latest Amazon Linux 2023 arm64 AMI when the instance is created, kept after that.",
            null);
    public static final Key IPV6 = flag(
            "ipv6",
            "Give the VPC an Amazon-provided IPv6 block and the public subnets a /64 each, so the ALB can be dual-stack.",
            "true");

    public static final Key DOMAIN = tutors(
            "domain",
            "Public domain of the site, e.g. tutors.example.com: certificate, DNS records, app URLs, CORS. "
                    + "Optional in staging (then the app is served on the load balancer's own name).",
            null);
    public static final Key PROTECT_DATA = flag(
            "protectData",
            "Guard the stateful resources (RDS, Redis, buckets, ECR, secrets): Pulumi protect, RDS deletion protection "
                    + "and final snapshot, media versioning, no force-destroy, 30-day secret recovery.",
            "true");

    // Phase 2: Data
    public static final Key DB_INSTANCE_CLASS = tutors(
            "dbInstanceClass",
            "RDS instance class, db.<family>.<size>; Graviton (t4g) costs less than t3 for the same size.",
            "db.t4g.small");
    public static final Key DB_MULTI_AZ = flag(
            "dbMultiAz",
            "Standby replica in a second AZ with automatic failover (doubles the instance price).",
            "true");
    public static final Key DB_ALLOCATED_STORAGE =
            number("dbAllocatedStorage", "Initial gp3 storage in GiB.", "20", 20, 65536);
    public static final Key DB_MAX_ALLOCATED_STORAGE = number(
            "dbMaxAllocatedStorage",
            "Storage autoscaling ceiling in GiB: at least 110% of dbAllocatedStorage, or 0 to turn autoscaling off.",
            "100",
            0,
            65536);
    public static final Key DB_BACKUP_RETENTION_DAYS =
            number("dbBackupRetentionDays", "Days of automated backups (point-in-time recovery).", "7", 1, 35);
    public static final Key DB_PASSWORD = secret(
            "dbPassword",
            "RDS master password for user tutors: 16 to 128 printable ASCII characters, no '/', '@', '\"' or space.");
    public static final Key APPLY_IMMEDIATELY = flag(
            "applyImmediately",
            "Apply database and cache changes (class, Multi-AZ, storage, node type) in the next update instead of the "
                    + "weekly maintenance window; a Multi-AZ class change then fails over at once (about a minute).",
            "false");
    public static final Key REDIS_ENGINE = tutors(
            "redisEngine",
            "redis (Redis OSS 7.1) or valkey (Valkey 8.0, about 20% cheaper per node, the same protocol: redis-py and "
                    + "the rediss:// URL work unchanged). redis -> valkey is an in-place upgrade; valkey -> redis replaces the cache.",
            "redis");
    public static final Key REDIS_NODE_TYPE =
            tutors("redisNodeType", "ElastiCache node type, cache.<family>.<size>.", "cache.t4g.micro");
    public static final Key REDIS_REPLICAS =
            number("redisReplicas", "Read replicas; 1 or more turns on automatic failover and Multi-AZ.", "1", 0, 5);
    public static final Key REDIS_SNAPSHOT_RETENTION_DAYS =
            number("redisSnapshotRetentionDays", "Days of daily Redis snapshots; 0: none.", "7", 0, 35);
    public static final Key REDIS_AUTH_TOKEN = secret(
            "redisAuthToken",
            "Redis AUTH token: 16 to 128 letters, digits and ! & # $ ^ < > - (what ElastiCache accepts).");
    public static final Key REDIS_AUTH_TOKEN_UPDATE_STRATEGY = tutors(
            "redisAuthTokenUpdateStrategy",
            "How a new redisAuthToken is applied: ROTATE keeps the old token valid beside the new one (deploy, let the "
                    + "tasks roll), then SET makes the new one the only one (SET is allowed only after ROTATE).",
            "ROTATE");
    public static final Key DJANGO_SECRET_KEY = secret("djangoSecretKey", "Django SECRET_KEY, at least 50 characters.");
    public static final Key DJANGO_SECRET_KEY_PREVIOUS = secret(
            "djangoSecretKeyPrevious",
            "Optional: the previous Django SECRET_KEY during a rotation (SECRET_KEY_FALLBACKS), so sessions, password-"
                    + "reset links and signed values made with it stay valid; remove it once they have aged out.");
    public static final Key NEXTAUTH_SECRET =
            secret("nextauthSecret", "NextAuth.js NEXTAUTH_SECRET, at least 32 characters.");

    // Phase 3: Storage
    public static final Key BUCKET_SUFFIX = tutors(
            "bucketSuffix",
            "Ends the bucket names (tutors-<env>-media-<suffix>); lowercase letters, digits and dashes. Unset: the "
                    + "account id ends them, so the names are unique (S3 names are global). Set it before phase 3: a change "
                    + "later replaces the buckets.",
            null);
    public static final Key CORS_ORIGINS = tutors(
            "corsOrigins",
            "Origins allowed to upload to the media bucket from the browser; a list of http(s)://host[:port]. "
                    + "Defaults to https://<domain>, or none without a domain.",
            null);
    public static final Key MEDIA_NONCURRENT_VERSION_DAYS = number(
            "mediaNoncurrentVersionDays",
            "Days an overwritten or deleted media object's previous version is kept (versioned buckets).",
            "30",
            1,
            3650);
    public static final Key ECR_IMMUTABLE_TAGS = flag(
            "ecrImmutableTags", "Make ECR image tags immutable; off because CI pushes a moving 'latest' tag.", "false");

    // Phase 4: Compute
    public static final Key IMAGE_TAG = tutors(
            "imageTag",
            "Image tag the services run, for this run only (CI passes it; roll back with a previous commit's SHA). Unset: the "
                    + "tag the last verified deploy recorded in the SSM parameter /tutors/<stack>/image-tag, so previews, drift "
                    + "checks and a by-hand up plan the running image; 'latest' before the first deploy. Keep it out of the stack files.",
            null);
    public static final Key RELEASE_IMAGE_TAG = tutors(
            "releaseImageTag",
            "Image tag of the release (migrate) task definition only; unset: the services' tag. The deploy's first up sets it "
                    + "to the new commit, so the release runs from the new image while the services still run the old one.",
            null);
    public static final Key BACKEND_CPU = tutors("backendCpu", "Backend task CPU units (256 = 0.25 vCPU).", "256");
    public static final Key BACKEND_MEMORY =
            tutors("backendMemory", "Backend task memory (MiB); a valid Fargate pair with backendCpu.", "512");
    public static final Key BACKEND_DESIRED_COUNT =
            number("backendDesiredCount", "Backend tasks at creation (autoscaling moves it later).", "2", 0, 1000);
    public static final Key BACKEND_MIN_COUNT = number("backendMinCount", "Backend autoscaling minimum.", "1", 0, 1000);
    public static final Key BACKEND_MAX_COUNT = number("backendMaxCount", "Backend autoscaling maximum.", "4", 1, 1000);
    public static final Key BACKEND_WORKERS = number(
            "backendWorkers",
            "gunicorn worker processes; 0: 2 x vCPU + 1, at least 2, at most one per 256 MiB of task memory.",
            "0",
            0,
            64);
    public static final Key BACKEND_THREADS =
            number("backendThreads", "Threads per gunicorn worker (gthread).", "4", 1, 32);
    public static final Key READ_ONLY_ROOT_FILESYSTEM = flag(
            "readOnlyRootFilesystem",
            "Run the containers with a read-only root filesystem (Security Hub ECS.5); /tmp, Next.js's /app/.next/cache "
                    + "and, with ECS Exec, the SSM agent's paths get writable task volumes. The images must write nowhere else.",
            "false");
    public static final Key CONTAINER_USER = tutors(
            "containerUser",
            "Non-root user the containers run as (Security Hub ECS.20), e.g. 1000:1000; unset: the image's own user.",
            null);
    public static final Key IMAGE_DECLARES_VOLUMES = flag(
            "imageDeclaresVolumes",
            "The images declare their writable paths as VOLUMEs owned by containerUser (mkdir, chown, VOLUME in the Dockerfile): "
                    + "Fargate's task volumes are root-owned 0755 otherwise, so a read-only root with a non-root user needs it.",
            "false");
    public static final Key REQUESTS_PER_TASK = number(
            "requestsPerTask",
            "Requests a minute each web task should take: the services also scale on the load balancer's requests per "
                    + "target, beside CPU (I/O-bound load: threads waiting on the database leave CPU low).",
            "600",
            10,
            100_000);
    public static final Key FRONTEND_CPU = tutors("frontendCpu", "Frontend task CPU units.", "256");
    public static final Key FRONTEND_MEMORY = tutors("frontendMemory", "Frontend task memory (MiB).", "512");
    public static final Key FRONTEND_DESIRED_COUNT =
            number("frontendDesiredCount", "Frontend tasks at creation.", "2", 0, 1000);
    public static final Key FRONTEND_MIN_COUNT =
            number("frontendMinCount", "Frontend autoscaling minimum.", "1", 0, 1000);
    public static final Key FRONTEND_MAX_COUNT =
            number("frontendMaxCount", "Frontend autoscaling maximum.", "4", 1, 1000);
    public static final Key CPU_ARCHITECTURE = tutors(
            "cpuArchitecture",
            "X86_64 or ARM64 (Graviton, about 20% cheaper; the images must be built for arm64; Fargate Spot runs both since platform 1.4.0).",
            "X86_64");
    public static final Key FARGATE_SPOT_PERCENT = number(
            "fargateSpotPercent",
            "Share of tasks on Fargate Spot, in percent; below 100 one task always runs on demand.",
            "0",
            0,
            100);
    public static final Key LOG_RETENTION_DAYS = tutors(
            "logRetentionDays",
            "CloudWatch Logs retention of the containers' logs, one of CloudWatch's values (1 to 3653).",
            "30");
    public static final Key PERMISSIONS_BOUNDARY = tutors(
            "permissionsBoundary",
            "Optional ARN of an IAM policy every role the program creates carries as its permissions boundary "
                    + "(set it when the deploy role may create roles only with that boundary).",
            null);
    public static final Key WORKERS = tutors(
            "workers",
            "The backend image's background processes, as ECS services without a load balancer: a map of name to "
                    + "{command, cpu, memory, minCount, maxCount, singleton} (sizes default to the backend's; singleton: one "
                    + "task at most, even during a deploy, e.g. Celery beat). Unset: none.",
            null);
    public static final Key SCHEDULED_JOBS = tutors(
            "scheduledJobs",
            "Tasks of the backend image that EventBridge Scheduler starts: a map of name to {schedule, command, cpu, "
                    + "memory}, schedule as cron(...) or rate(...); a failure reaches the alarm topic. With officeHours a "
                    + "job must start inside them. Unset: none.",
            null);
    public static final Key OFFICE_HOURS = tutors(
            "officeHours",
            "Staging only, off by default: when the stack runs, as DAYS HH:MM-HH:MM ZONE (e.g. MON-FRI 08:00-20:00 "
                    + "Europe/Berlin). Outside them ECS scales the services to zero and EventBridge Scheduler stops the "
                    + "database (started 20 minutes before opening).",
            null);
    public static final Key CONTAINER_INSIGHTS = flag(
            "containerInsights",
            "ECS Container Insights on the cluster (Security Hub ECS.12): per-task CPU, memory and task counts, about $9 a "
                    + "month. Off: the AWS/ECS service averages remain, per-task metrics and the running-task graph go.",
            "true");
    public static final Key ECS_EXEC = flag(
            "ecsExec", "Allow `aws ecs execute-command` into running tasks (adds ssmmessages permissions).", "false");

    // Phase 5: Edge
    public static final Key HOSTED_ZONE = tutors(
            "hostedZone",
            "Route 53 hosted zone holding the domain: its name (the domain or a parent of it) or its id (Z...). "
                    + "Defaults to the domain itself.",
            null);
    public static final Key ALB_ACCESS_LOGS =
            flag("albAccessLogs", "Write ALB access logs to an S3 bucket (tutors-<env>-alb-logs).", "true");
    public static final Key ALB_IDLE_TIMEOUT = number(
            "albIdleTimeout",
            "ALB idle timeout in seconds; the containers keep connections 15 s longer.",
            "60",
            1,
            4000);

    public static final Key DMARC_POLICY = tutors(
            "dmarcPolicy",
            "With a domain: the DMARC policy for mail that fails DKIM and SPF alignment, none, quarantine or reject. Start at "
                    + "none while the reports show every sender passes, then tighten.",
            "none");
    public static final Key DMARC_REPORT_EMAIL = tutors(
            "dmarcReportEmail",
            "With a domain: where mailbox providers send DMARC aggregate reports (rua); unset: no reports.",
            null);

    // Phase 6: Optimization
    public static final Key CDN =
            flag("cdn", "CloudFront in front of the ALB and the buckets (needs a domain and originSecret).", "true");
    public static final Key ORIGIN_LOCK = flag(
            "originLock",
            "With cdn: the load balancer answers 403 to requests without CloudFront's origin header. Turn the CDN on "
                    + "with originLock false, let DNS move, then set it true (see Changing a running stack).",
            "true");
    public static final Key WAF =
            flag("waf", "WAFv2 web ACL: AWS managed rules, IP rate limit, optional geo blocking.", "true");
    public static final Key ALARMS = flag("alarms", "CloudWatch alarms to an SNS topic.", "true");
    public static final Key DASHBOARD = flag(
            "dashboard",
            "A CloudWatch dashboard of the stack (ECS, ALB, RDS, Redis, and CloudFront and WAF from us-east-1), "
                    + "$3 a month beyond the account's first three.",
            "true");
    public static final Key ALARM_EMAIL = tutors(
            "alarmEmail", "Optional address subscribed to the alarm topic (AWS mails a confirmation link).", null);
    public static final Key WAF_RATE_LIMIT = number(
            "wafRateLimit", "Requests one IP may make in 5 minutes before WAF blocks it.", "2000", 10, 2_000_000_000);
    public static final Key UPLOAD_PATHS = tutors(
            "uploadPaths",
            "Path prefixes of the app's file-upload endpoints (the app contract): WAF does not block their request bodies "
                    + "for the managed cross-site-scripting, SQL-injection and file-inclusion body rules, which flag binary "
                    + "files; a list of up to 5 prefixes starting with /.",
            "[\"/api/uploads/\"]");
    public static final Key WAF_BLOCKED_COUNTRIES = tutors(
            "wafBlockedCountries", "Countries WAF blocks: a list of ISO 3166-1 alpha-2 codes such as [\"KP\"].", "[]");
    public static final Key ORIGIN_SECRET = secret(
            "originSecret",
            "Header value CloudFront sends to the ALB, which refuses requests without it: 32 to 128 characters "
                    + "of letters, digits, '-' and '_' (an ALB header condition holds at most 128). Required with cdn.");
    public static final Key ORIGIN_SECRET_PREVIOUS = secret(
            "originSecretPrevious",
            "Optional, during a rotation of originSecret: the load balancer accepts this value too, because CloudFront's "
                    + "edges send the old header until the distribution has deployed (minutes); remove it afterwards.");

    public static final Key AWS_REGION =
            new Key("aws", "region", "AWS region of every regional resource.", "eu-central-1", false);
    public static final Key AWS_PROFILE = new Key(
            "aws", "profile", "Optional named profile from ~/.aws/config for the program's AWS provider.", null, false);

    /** Secrets a stack may leave unset: the offline plan gives them no stand-in. */
    public static final java.util.Set<Key> OPTIONAL_SECRETS =
            java.util.Set.of(DJANGO_SECRET_KEY_PREVIOUS, ORIGIN_SECRET_PREVIOUS);

    /** In the order docs/configuration.md documents them. */
    public static final List<Key> ALL = List.of(
            ENVIRONMENT,
            ENVIRONMENT_OVERRIDE,
            LAST_PHASE,
            DOMAIN,
            PROTECT_DATA,
            VPC_CIDR,
            PUBLIC_SUBNET_CIDRS,
            PRIVATE_SUBNET_CIDRS,
            NAT_MODE,
            NAT_AMI,
            IPV6,
            DB_INSTANCE_CLASS,
            DB_MULTI_AZ,
            DB_ALLOCATED_STORAGE,
            DB_MAX_ALLOCATED_STORAGE,
            DB_BACKUP_RETENTION_DAYS,
            DB_PASSWORD,
            APPLY_IMMEDIATELY,
            REDIS_ENGINE,
            REDIS_NODE_TYPE,
            REDIS_REPLICAS,
            REDIS_SNAPSHOT_RETENTION_DAYS,
            REDIS_AUTH_TOKEN,
            REDIS_AUTH_TOKEN_UPDATE_STRATEGY,
            DJANGO_SECRET_KEY,
            DJANGO_SECRET_KEY_PREVIOUS,
            NEXTAUTH_SECRET,
            BUCKET_SUFFIX,
            CORS_ORIGINS,
            MEDIA_NONCURRENT_VERSION_DAYS,
            ECR_IMMUTABLE_TAGS,
            IMAGE_TAG,
            RELEASE_IMAGE_TAG,
            CONTAINER_INSIGHTS,
            BACKEND_CPU,
            BACKEND_MEMORY,
            BACKEND_DESIRED_COUNT,
            BACKEND_MIN_COUNT,
            BACKEND_MAX_COUNT,
            BACKEND_WORKERS,
            BACKEND_THREADS,
            READ_ONLY_ROOT_FILESYSTEM,
            CONTAINER_USER,
            IMAGE_DECLARES_VOLUMES,
            REQUESTS_PER_TASK,
            WORKERS,
            SCHEDULED_JOBS,
            FRONTEND_CPU,
            FRONTEND_MEMORY,
            FRONTEND_DESIRED_COUNT,
            FRONTEND_MIN_COUNT,
            FRONTEND_MAX_COUNT,
            CPU_ARCHITECTURE,
            FARGATE_SPOT_PERCENT,
            LOG_RETENTION_DAYS,
            ECS_EXEC,
            OFFICE_HOURS,
            PERMISSIONS_BOUNDARY,
            HOSTED_ZONE,
            ALB_ACCESS_LOGS,
            ALB_IDLE_TIMEOUT,
            DMARC_POLICY,
            DMARC_REPORT_EMAIL,
            CDN,
            ORIGIN_LOCK,
            WAF,
            ALARMS,
            DASHBOARD,
            ALARM_EMAIL,
            WAF_RATE_LIMIT,
            WAF_BLOCKED_COUNTRIES,
            UPLOAD_PATHS,
            ORIGIN_SECRET,
            ORIGIN_SECRET_PREVIOUS,
            AWS_REGION,
            AWS_PROFILE);

    public static Optional<Key> byFullName(String fullName) {
        return ALL.stream().filter(k -> k.fullName().equals(fullName)).findFirst();
    }
}
