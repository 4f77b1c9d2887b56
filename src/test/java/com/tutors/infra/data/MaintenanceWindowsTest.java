package com.tutors.infra.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.core.OfficeHours;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RDS neither backs up nor maintains a stopped instance: with office hours both windows lie inside them. */
class MaintenanceWindowsTest {

    /** Whether a UTC time of a given UTC date is within the opening, seen in the office's zone. */
    private static boolean open(OfficeHours hours, LocalDate utcDate, LocalTime utc) {
        var local = utcDate.atTime(utc).atOffset(ZoneOffset.UTC).atZoneSameInstant(hours.zone());
        var day = local.getDayOfWeek().name().substring(0, 3);
        return OfficeHours.expand(hours.days()).contains(day)
                && !local.toLocalTime().isBefore(hours.open())
                && local.toLocalTime().isBefore(hours.close());
    }

    private static void assertInsideAllYear(OfficeHours hours, MaintenanceWindows w) {
        var backup = w.backup().split("-");
        var maintenance = w.maintenance().split("-");
        var day = java.time.DayOfWeek.valueOf(
                switch (maintenance[0].substring(0, 3)) {
                    case "mon" -> "MONDAY";
                    case "tue" -> "TUESDAY";
                    case "wed" -> "WEDNESDAY";
                    case "thu" -> "THURSDAY";
                    case "fri" -> "FRIDAY";
                    case "sat" -> "SATURDAY";
                    default -> "SUNDAY";
                });
        // A winter and a summer week (the zone's standard and daylight-saving offsets).
        for (var monday : new LocalDate[] {LocalDate.of(2027, 1, 11), LocalDate.of(2027, 7, 12)}) {
            var date = monday.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
            for (var t :
                    new String[] {backup[0], backup[1], maintenance[0].substring(4), maintenance[1].substring(4)}) {
                // The end instant itself may be the last open minute's end: check a minute inside.
                var time = LocalTime.parse(t);
                assertTrue(
                        open(
                                hours,
                                date,
                                time.minusMinutes(
                                        t.equals(backup[0]) || t.equals(maintenance[0].substring(4)) ? 0 : 1)),
                        w + " at " + t + " UTC on " + date + " is outside " + hours);
            }
        }
        assertTrue(
                LocalTime.parse(backup[1]).isBefore(LocalTime.parse(maintenance[0].substring(4))), "no overlap: " + w);
    }

    @Test
    void aroundTheClockTheWindowsStayAtNight() {
        assertEquals(MaintenanceWindows.NIGHT, MaintenanceWindows.of(Optional.empty()));
    }

    @Test
    void stagingsHoursHoldBothWindowsInWinterAndSummer() {
        var hours = OfficeHours.parse("MON-FRI 08:00-20:00 Europe/Berlin");
        var w = MaintenanceWindows.of(Optional.of(hours));
        assertEquals(new MaintenanceWindows("16:20-16:50", "mon:17:00-mon:17:30"), w);
        assertInsideAllYear(hours, w);
    }

    @Test
    void otherZonesAndDays() {
        for (var raw : new String[] {
            "MON-FRI 09:00-17:00 America/New_York",
            "TUE-SAT 07:30-19:00 UTC",
            "MON-FRI 08:00-18:00 Asia/Tokyo",
            "WED 10:00-16:00 Australia/Sydney"
        }) {
            var hours = OfficeHours.parse(raw);
            assertInsideAllYear(hours, MaintenanceWindows.of(Optional.of(hours)));
        }
    }

    @Test
    void anOpeningTooShortForBothIsRefusedByName() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> MaintenanceWindows.of(Optional.of(OfficeHours.parse("MON-FRI 10:00-12:00 Europe/Berlin"))));
        assertTrue(
                e.getMessage().contains("MON-FRI 10:00-12:00 Europe/Berlin")
                        && e.getMessage().contains("allowed"),
                e.getMessage());
    }
}
