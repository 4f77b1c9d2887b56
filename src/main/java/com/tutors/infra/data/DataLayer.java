package com.tutors.infra.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.blocks.ServiceRoles;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.Outputs;
import com.tutors.infra.core.Phase;
import com.tutors.infra.core.Ports;
import com.tutors.infra.data.DataOutputs.AppSecret;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 2: RDS PostgreSQL 15 and ElastiCache Redis 7 in the private subnets, and one Secrets
 * Manager secret per value the containers need. Secret values stay Pulumi secrets end to end.
 */
public final class DataLayer extends ComponentResource {

    /** Phase 2 takes phase 1's outputs only. */
    /** @param logRetentionDays of the PostgreSQL log group (the stack's one retention for operational logs) */
    public record Args(Naming names, DataSettings data, NetworkOutputs network, int logRetentionDays) {}

    static final List<String> LOG_EXPORTS = List.of("postgresql", "upgrade");
    static final int MONITORING_INTERVAL_SECONDS = 60;
    static final String MONITORING_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole";

    // UTC, outside European daytime, and never overlapping each other (the database's: MaintenanceWindows).
    static final String REDIS_SNAPSHOT_WINDOW = "00:30-01:30";
    static final String REDIS_MAINTENANCE_WINDOW = "sun:04:00-sun:05:00";

    /** What the later phases receive; secret values are never among them. */
    public final DataOutputs outputs;

    private final Map<AppSecret, Secret> secrets = new LinkedHashMap<>();
    private final Map<AppSecret, Output<String>> versions = new LinkedHashMap<>();

    public DataLayer(String name, Args args, ComponentResourceOptions options) {
        super(Phase.DATA.componentType(), name, options);
        var names = args.names();
        var d = args.data();
        // A stopped database is neither backed up nor maintained: with office hours the windows lie inside them.
        var windows = MaintenanceWindows.of(d.officeHours());
        var child = CustomResourceOptions.builder().parent(this).build();
        // One setting guards everything that holds data: `pulumi destroy` or a lowered lastPhase
        // must then fail instead of deleting it.
        var stateful = CustomResourceOptions.builder()
                .parent(this)
                .protect(d.protectData())
                .build();

        var dbSubnets = new SubnetGroup(
                names.name("db"),
                SubnetGroupArgs.builder()
                        .name(names.name("db"))
                        .description("Private subnets for PostgreSQL")
                        .subnetIds(args.network().privateSubnetIds())
                        .tags(names.nameTag("db"))
                        .build(),
                child);
        // The family is in the name: a major upgrade then gets a new group instead of replacing one in use.
        var parameters = new ParameterGroup(
                names.name("postgres15"),
                ParameterGroupArgs.builder()
                        .name(names.name("postgres15"))
                        .family("postgres15")
                        .description("Tutors PostgreSQL 15: TLS required")
                        .parameters(ParameterGroupParameterArgs.builder()
                                .name("rds.force_ssl")
                                .value("1")
                                .applyMethod("immediate")
                                .build())
                        .tags(names.nameTag("postgres15"))
                        .build(),
                child);
        var monitoring = ServiceRoles.assumedBy(
                names,
                "rds-monitoring",
                "Enhanced monitoring of " + names.name("postgres"),
                PolicyDocument.serviceTrust("RdsMonitoringAssumesTheRole", "monitoring.rds.amazonaws.com"),
                child);
        new RolePolicyAttachment(
                names.name("rds-monitoring"),
                RolePolicyAttachmentArgs.builder()
                        .role(monitoring.name())
                        .policyArn(MONITORING_POLICY)
                        .build(),
                child);
        var dbArgs = InstanceArgs.builder()
                .identifier(names.name("postgres"))
                .engine("postgres")
                .engineVersion("15") // major only: minor versions come with autoMinorVersionUpgrade
                .instanceClass(d.dbInstanceClass())
                .allocatedStorage(d.dbAllocatedStorageGb())
                .maxAllocatedStorage(d.dbMaxAllocatedStorageGb())
                .storageType("gp3")
                .storageEncrypted(true)
                .multiAz(d.dbMultiAz())
                .dbName(ConnectionStrings.DB_NAME)
                .username(ConnectionStrings.DB_USER)
                .password(d.dbPassword().output())
                .port(Ports.POSTGRES)
                .dbSubnetGroupName(dbSubnets.name())
                .vpcSecurityGroupIds(args.network().securityGroups().rds().applyValue(List::of))
                .publiclyAccessible(false)
                .parameterGroupName(parameters.name())
                .backupRetentionPeriod(d.dbBackupRetentionDays())
                .backupWindow(windows.backup())
                .maintenanceWindow(windows.maintenance())
                .copyTagsToSnapshot(true)
                .autoMinorVersionUpgrade(true)
                .allowMajorVersionUpgrade(false)
                // Security Hub RDS.9: for PostgreSQL both the server log and the major-upgrade log.
                .enabledCloudwatchLogsExports(LOG_EXPORTS)
                // RDS.10: IAM authentication on; password logins work as before, IAM tokens become possible.
                .iamDatabaseAuthenticationEnabled(true)
                // RDS.6: OS metrics every minute, for a CPU or memory problem the engine's metrics cannot explain.
                .monitoringInterval(MONITORING_INTERVAL_SECONDS)
                .monitoringRoleArn(monitoring.arn())
                .deletionProtection(d.protectData())
                .skipFinalSnapshot(!d.protectData())
                .deleteAutomatedBackups(!d.protectData())
                // Off: class, Multi-AZ and storage changes wait for the maintenance window (see applyImmediately).
                .applyImmediately(d.applyImmediately())
                .tags(names.nameTag("postgres"));
        if (d.protectData()) {
            dbArgs.finalSnapshotIdentifier(names.name("postgres-final"));
        }
        // RDS would create the exports' log groups itself, with no retention (logs kept, and billed, forever).
        var dbLogs = new java.util.ArrayList<com.pulumi.resources.Resource>();
        for (var export : LOG_EXPORTS) {
            dbLogs.add(new LogGroup(
                    names.name("postgres-" + (export.equals("postgresql") ? "logs" : export + "-logs")),
                    LogGroupArgs.builder()
                            .name("/aws/rds/instance/" + names.name("postgres") + "/" + export)
                            .retentionInDays(args.logRetentionDays())
                            .build(),
                    child));
        }
        var db = new Instance(
                names.name("postgres"),
                dbArgs.build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .protect(d.protectData())
                        .dependsOn(dbLogs)
                        .build());
        d.officeHours().ifPresent(hours -> DatabaseHours.declare(names, hours, db, child));

        var cacheSubnets = new com.pulumi.aws.elasticache.SubnetGroup(
                names.name("redis"),
                com.pulumi.aws.elasticache.SubnetGroupArgs.builder()
                        .name(names.name("redis"))
                        .description("Private subnets for Redis")
                        .subnetIds(args.network().privateSubnetIds())
                        .tags(names.nameTag("redis"))
                        .build(),
                child);
        boolean replicated = d.redisReplicas() > 0;
        var redisArgs = ReplicationGroupArgs.builder()
                .replicationGroupId(names.name("redis"))
                .description("Tutors " + names.environment().id() + " cache")
                .engine(d.redisEngine())
                .engineVersion(DataSettings.CACHE_ENGINES.get(d.redisEngine())[0])
                .parameterGroupName(DataSettings.CACHE_ENGINES.get(d.redisEngine())[1])
                .nodeType(d.redisNodeType())
                .port(Ports.REDIS)
                .numCacheClusters(1 + d.redisReplicas())
                .automaticFailoverEnabled(replicated)
                .multiAzEnabled(replicated)
                .subnetGroupName(cacheSubnets.name())
                .securityGroupIds(args.network().securityGroups().redis().applyValue(List::of))
                .atRestEncryptionEnabled(true)
                .transitEncryptionEnabled(true) // clients connect with rediss://
                .authToken(d.redisAuthToken().output())
                // ROTATE: a new token is added beside the old one (tasks still on the old REDIS_URL keep working)
                .authTokenUpdateStrategy(d.redisAuthTokenUpdateStrategy())
                .snapshotRetentionLimit(d.redisSnapshotRetentionDays())
                .snapshotWindow(REDIS_SNAPSHOT_WINDOW)
                .maintenanceWindow(REDIS_MAINTENANCE_WINDOW)
                .autoMinorVersionUpgrade(true)
                .applyImmediately(d.applyImmediately())
                .tags(names.nameTag("redis"));
        if (d.protectData()) {
            redisArgs.finalSnapshotIdentifier(names.name("redis-final"));
        }
        var redis = new ReplicationGroup(names.name("redis"), redisArgs.build(), stateful);

        var password = d.dbPassword().output();
        var token = d.redisAuthToken().output();
        secret(
                AppSecret.DB_CREDENTIALS,
                Output.tuple(password, db.address()).applyValue(t -> ConnectionStrings.dbCredentialsJson(t.t1, t.t2)),
                args,
                stateful);
        secret(
                AppSecret.DB_URL,
                Output.tuple(password, db.address()).applyValue(t -> ConnectionStrings.databaseUrl(t.t1, t.t2)),
                args,
                stateful);
        secret(
                AppSecret.REDIS_URL,
                Output.tuple(token, redis.primaryEndpointAddress())
                        .applyValue(t -> ConnectionStrings.redisUrl(t.t1, t.t2)),
                args,
                stateful);
        secret(AppSecret.DJANGO_SECRET_KEY, d.djangoSecretKey().output(), args, stateful);
        secret(AppSecret.NEXTAUTH_SECRET, d.nextauthSecret().output(), args, stateful);
        d.djangoSecretKeyPrevious()
                .ifPresent(previous -> secret(AppSecret.DJANGO_SECRET_KEY_PREVIOUS, previous.output(), args, stateful));

        var arns = new LinkedHashMap<AppSecret, Output<String>>();
        secrets.forEach((which, secret) -> arns.put(which, secret.arn()));
        this.outputs = new DataOutputs(
                db.address(),
                db.port(),
                redis.primaryEndpointAddress(),
                Output.of(Ports.REDIS),
                arns,
                Outputs.keyed(List.copyOf(secrets.keySet()), AppSecret::part, arns::get),
                versions,
                db.identifier(),
                redis.replicationGroupId(),
                redis.memberClusters().applyValue(ids -> ids.stream().sorted().toList()),
                1 + d.redisReplicas());
        registerOutputs(Map.of(
                "rdsEndpoint",
                outputs.rdsEndpoint(),
                "rdsPort",
                outputs.rdsPort(),
                "redisEndpoint",
                outputs.redisEndpoint(),
                "redisPort",
                outputs.redisPort(),
                "secretArns",
                outputs.secretArnsByPart()));
    }

    private void secret(AppSecret which, Output<String> value, Args args, CustomResourceOptions stateful) {
        var names = args.names();
        var part = which.part();
        var secret = new Secret(
                names.name("secret-" + part),
                SecretArgs.builder()
                        .name(names.secretName(part))
                        .description(which.description())
                        // Protected stacks keep a deleted secret recoverable for 30 days; others free the name at once.
                        .recoveryWindowInDays(args.data().protectData() ? 30 : 0)
                        .build(),
                stateful);
        var version = new SecretVersion(
                names.name("secret-" + part),
                SecretVersionArgs.builder()
                        .secretId(secret.id())
                        .secretString(value.asSecret()) // already secret when derived from one; explicit for all
                        .build(),
                CustomResourceOptions.builder().parent(this).build());
        secrets.put(which, secret);
        versions.put(which, version.versionId());
    }
}
