package com.tutors.infra.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;

/**
 * Brings the stack's database to "available" before a task needs it. Office hours stop staging's
 * database at night: a deploy then starts it (a stopping instance is first let stop, because RDS
 * refuses to start it before), and the next closing stops it again.
 */
public final class Database {
    /** States from which the instance becomes available by itself; "storage-optimization" already serves. */
    private static final Set<String> TRANSIENT = Set.of(
            "starting",
            "backing-up",
            "modifying",
            "rebooting",
            "upgrading",
            "maintenance",
            "configuring-enhanced-monitoring",
            "configuring-log-exports",
            "configuring-iam-database-auth",
            "renaming",
            "resetting-master-credentials",
            "creating",
            "moving-to-vpc",
            "converting-to-vpc");

    private static final Set<String> READY = Set.of("available", "storage-optimization");
    static final Duration POLL = Duration.ofSeconds(15);

    private final RdsClient rds;
    private final Clock clock;
    private final PrintStream out;

    public Database(RdsClient rds, Clock clock, PrintStream out) {
        this.rds = rds;
        this.clock = clock;
        this.out = out;
    }

    /** @throws OpsFailure when the instance is missing, in a state it does not leave by itself, or the wait runs out */
    public void ensureAvailable(String id, Duration timeout) {
        var deadline = clock.deadline(timeout);
        boolean started = false;
        String last = "";
        while (true) {
            var status = status(id);
            if (!status.equals(last)) {
                out.println("database " + id + ": " + status);
                last = status;
            }
            if (READY.contains(status)) {
                return;
            }
            if (status.equals("stopped") && !started) {
                try {
                    rds.startDBInstance(b -> b.dbInstanceIdentifier(id));
                    out.println("database " + id + ": starting it (office hours stop it again at closing)");
                    started = true;
                } catch (InvalidDbInstanceStateException e) {
                    out.println("database " + id + ": not startable yet ("
                            + e.awsErrorDetails().errorMessage() + "), waiting");
                }
            } else if (!status.equals("stopping") && !status.equals("stopped") && !TRANSIENT.contains(status)) {
                throw new OpsFailure(
                        "database " + id + " is '" + status + "', a state it does not leave by itself: see the "
                                + "RDS console's events for it; nothing was run");
            }
            if (!clock.now().plus(POLL).isBefore(deadline)) {
                throw new OpsFailure("database " + id + " is still '" + status + "' after " + timeout.toMinutes()
                        + " minutes; nothing was run (raise --database-timeout, or try again)");
            }
            clock.sleep(POLL);
        }
    }

    private String status(String id) {
        try {
            var instances =
                    rds.describeDBInstances(b -> b.dbInstanceIdentifier(id)).dbInstances();
            if (instances.isEmpty()) {
                throw new OpsFailure("no database " + id);
            }
            return instances.get(0).dbInstanceStatus();
        } catch (DbInstanceNotFoundException e) {
            throw new OpsFailure(
                    "no database " + id + " in this account and region: check the stack's rdsIdentifier output");
        }
    }
}
