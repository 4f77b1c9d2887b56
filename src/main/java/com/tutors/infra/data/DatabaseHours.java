package com.tutors.infra.data;

import com.google.gson.Gson;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.OfficeHours;
import com.tutors.infra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * Office hours for the database: EventBridge Scheduler calls RDS's StopDBInstance at closing and
 * StartDBInstance {@link OfficeHours#DB_LEAD_MINUTES} minutes before opening, through the SDK
 * targets (no Lambda). Storage and backups are still billed while it is stopped; RDS starts a
 * stopped instance by itself after seven days, and the next closing stops it again.
 */
final class DatabaseHours {
    private DatabaseHours() {}

    private static final Gson GSON = new Gson();
    static final String STOP = "arn:aws:scheduler:::aws-sdk:rds:stopDBInstance";
    static final String START = "arn:aws:scheduler:::aws-sdk:rds:startDBInstance";

    static void declare(Naming names, OfficeHours hours, Instance db, CustomResourceOptions child) {
        var account = db.arn().applyValue(arn -> arn.split(":")[4]);
        var role = new Role(
                names.name("db-hours"),
                RoleArgs.builder()
                        .name(names.name("db-hours"))
                        .description("EventBridge Scheduler: stops and starts the database outside office hours")
                        // Only schedules of this account may assume it (the confused-deputy guard).
                        .assumeRolePolicy(account.applyValue(id ->
                                PolicyDocument.serviceTrust("SchedulerAssumesTheRole", "scheduler.amazonaws.com", id)))
                        .build(),
                child);
        var policy = new RolePolicy(
                names.name("db-hours"),
                RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(db.arn()
                                .applyValue(arn -> PolicyDocument.create()
                                        .allow(
                                                "StopAndStartThisDatabase",
                                                List.of("rds:StopDBInstance", "rds:StartDBInstance"),
                                                List.of(arn))
                                        .json()))
                        .build(),
                child);
        var input = db.identifier().applyValue(id -> GSON.toJson(Map.of("DbInstanceIdentifier", id)));
        var afterPolicy = CustomResourceOptions.builder()
                .parent(child.getParent().orElseThrow())
                .dependsOn(policy)
                .build();
        schedule(
                names,
                "db-stop",
                "Stop the database at closing (" + hours + ")",
                hours.closeCron(),
                hours,
                STOP,
                role,
                input,
                afterPolicy);
        schedule(
                names,
                "db-start",
                "Start the database before opening (" + hours + ")",
                hours.dbStartCron(),
                hours,
                START,
                role,
                input,
                afterPolicy);
    }

    private static void schedule(
            Naming names,
            String part,
            String description,
            String cron,
            OfficeHours hours,
            String target,
            Role role,
            Output<String> input,
            CustomResourceOptions options) {
        new Schedule(
                names.name(part),
                ScheduleArgs.builder()
                        .name(names.name(part))
                        .description(description)
                        .scheduleExpression(cron)
                        .scheduleExpressionTimezone(hours.zone().getId())
                        .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder()
                                .mode("OFF")
                                .build())
                        .target(ScheduleTargetArgs.builder()
                                .arn(target)
                                .roleArn(role.arn())
                                .input(input)
                                // Stopping a stopped instance fails harmlessly: a couple of retries is enough.
                                .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                        .maximumRetryAttempts(2)
                                        .maximumEventAgeInSeconds(3600)
                                        .build())
                                .build())
                        .build(),
                options);
    }
}
