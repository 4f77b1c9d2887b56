package com.tutors.infra.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OfficeHoursTest {

    @Test
    void weekdaysEightToEightInBerlin() {
        var h = OfficeHours.parse("MON-FRI 08:00-20:00 Europe/Berlin");
        assertEquals(
                new OfficeHours("MON-FRI", LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneId.of("Europe/Berlin")), h);
        // AWS cron: minutes hours day-of-month month day-of-week year
        assertEquals("cron(0 8 ? * MON-FRI *)", h.openCron());
        assertEquals("cron(0 20 ? * MON-FRI *)", h.closeCron());
        assertEquals("cron(40 7 ? * MON-FRI *)", h.dbStartCron(), "20 minutes early, for RDS to start");
        assertEquals(60.0, h.hoursPerWeek());
        assertEquals("MON-FRI 08:00-20:00 Europe/Berlin", h.toString());
    }

    @Test
    void listsAndSingleDaysCount() {
        var h = OfficeHours.parse("MON,WED-THU,SAT 09:30-17:15 UTC");
        assertEquals(4 * 7.75, h.hoursPerWeek());
        assertEquals("cron(30 9 ? * MON,WED-THU,SAT *)", h.openCron());
        assertEquals("cron(15 17 ? * MON,WED-THU,SAT *)", h.closeCron());
    }

    @Test
    void theCostModelReadsTheHoursBackFromTheCrons() {
        var h = OfficeHours.parse("TUE-SAT 07:45-19:05 Europe/Lisbon");
        assertEquals(5 * (11 + 20 / 60.0), OfficeHours.hoursPerWeek(h.openCron(), h.closeCron()), 1e-9);
        // The database's window is 20 minutes longer a day.
        assertEquals(5 * (11 + 40 / 60.0), OfficeHours.hoursPerWeek(h.dbStartCron(), h.closeCron()), 1e-9);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> OfficeHours.hoursPerWeek("cron(0 8 ? * MON-FRI *)", "cron(0 20 ? * MON-SAT *)"));
        assertEquals(
                "not a pair of office-hours crons: cron(0 8 ? * MON-FRI *), cron(0 20 ? * MON-SAT *)", e.getMessage());
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        assertEquals(
                "'SUN-SAT' runs backwards; allowed: ranges from MON towards SUN",
                assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("SUN-SAT 08:00-20:00 UTC"))
                        .getMessage());
        assertEquals(
                "'MON-TUE-WED' is not a set of days; allowed: MON, TUE, WED, THU, FRI, SAT, SUN as a range (MON-FRI) "
                        + "or a list (MON,WED,FRI)",
                assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("MON-TUE-WED 08:00-20:00 UTC"))
                        .getMessage());
        assertEquals(
                "opens at 12:00 but closes at 12:00; allowed: a close later on the same day (hours across midnight are "
                        + "not supported)",
                assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("MON 12:00-12:00 UTC"))
                        .getMessage());
        // 00:20 is the earliest: the database starts at 00:00 the same day.
        assertEquals(
                "cron(0 0 ? * MON *)", OfficeHours.parse("MON 00:20-01:00 UTC").dbStartCron());
    }
}
