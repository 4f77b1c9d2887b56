package com.tutors.infra.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.StartDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.StartDbInstanceResponse;

@Execution(ExecutionMode.CONCURRENT)
class DatabaseTest {
    private final OpsFixtures.World w = new OpsFixtures.World();
    private final Database db = new Database(w.rds, w.clock, w.out);

    private void statuses(String... states) {
        var responses = Arrays.stream(states)
                .map(s -> DescribeDbInstancesResponse.builder()
                        .dbInstances(DBInstance.builder()
                                .dbInstanceIdentifier("db")
                                .dbInstanceStatus(s)
                                .build())
                        .build())
                .toArray();
        var stub = doReturn(responses[0], Arrays.copyOfRange(responses, 1, responses.length));
        stub.when(w.rds).describeDBInstances(any(DescribeDbInstancesRequest.class));
    }

    @Test
    void anAvailableDatabaseIsLeftAlone() {
        statuses("available");
        db.ensureAvailable("db", Duration.ofMinutes(30));
        verify(w.rds, never()).startDBInstance(any(StartDbInstanceRequest.class));
        assertEquals(0, w.clock.sleeps.size());
    }

    @Test
    void aStoppedDatabaseIsStartedOnceAndWaitedFor() {
        statuses("stopped", "stopped", "starting", "starting", "available");
        doReturn(StartDbInstanceResponse.builder().build())
                .when(w.rds)
                .startDBInstance(any(StartDbInstanceRequest.class));
        db.ensureAvailable("db", Duration.ofMinutes(30));
        verify(w.rds, times(1))
                .startDBInstance(StartDbInstanceRequest.builder()
                        .dbInstanceIdentifier("db")
                        .build());
        assertEquals(4, w.clock.sleeps.size());
    }

    @Test
    void aStoppingDatabaseIsLetStopBeforeItIsStarted() {
        statuses("stopping", "stopping", "stopped", "starting", "available");
        doReturn(StartDbInstanceResponse.builder().build())
                .when(w.rds)
                .startDBInstance(any(StartDbInstanceRequest.class));
        db.ensureAvailable("db", Duration.ofMinutes(30));
        verify(w.rds, times(1)).startDBInstance(any(StartDbInstanceRequest.class));
        var log = w.out();
        assertTrue(
                log.indexOf("db: stopping") < log.indexOf("db: stopped")
                        && log.indexOf("db: stopped") < log.indexOf("starting it"),
                "started only once it had stopped: " + log);
    }

    @Test
    void aRefusedStartIsTriedAgainAtTheNextLook() {
        statuses("stopped", "stopped", "available");
        doThrow(InvalidDbInstanceStateException.builder()
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorMessage("Instance is not in stopped state")
                                .build())
                        .build())
                .doReturn(StartDbInstanceResponse.builder().build())
                .when(w.rds)
                .startDBInstance(any(StartDbInstanceRequest.class));
        db.ensureAvailable("db", Duration.ofMinutes(30));
        verify(w.rds, times(2)).startDBInstance(any(StartDbInstanceRequest.class));
    }

    @Test
    void aStateItDoesNotLeaveFailsAtOnce() {
        statuses("incompatible-parameters");
        var e = assertThrows(OpsFailure.class, () -> db.ensureAvailable("db", Duration.ofMinutes(30)));
        assertTrue(e.getMessage().contains("'incompatible-parameters'"), e.getMessage());
        assertEquals(0, w.clock.sleeps.size());
    }

    @Test
    void theWaitEndsAtItsTimeout() {
        statuses("starting");
        var e = assertThrows(OpsFailure.class, () -> db.ensureAvailable("db", Duration.ofMinutes(5)));
        assertTrue(e.getMessage().contains("still 'starting' after 5 minutes"), e.getMessage());
        assertTrue(w.clock.slept().compareTo(Duration.ofMinutes(5)) <= 0, "never sleeps past the timeout");
        assertTrue(w.clock.slept().compareTo(Duration.ofMinutes(4)) >= 0);
    }

    @Test
    void aMissingDatabaseIsNamed() {
        doThrow(DbInstanceNotFoundException.builder().message("not found").build())
                .when(w.rds)
                .describeDBInstances(any(DescribeDbInstancesRequest.class));
        var e = assertThrows(OpsFailure.class, () -> db.ensureAvailable("tutors-prod-postgres", Duration.ofMinutes(5)));
        assertTrue(e.getMessage().contains("no database tutors-prod-postgres"), e.getMessage());
    }
}
