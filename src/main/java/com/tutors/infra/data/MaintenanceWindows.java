package com.tutors.infra.data;

import com.tutors.infra.core.OfficeHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The database's backup and maintenance windows (RDS takes them in UTC). Around the clock they sit in
 * the European night. With office hours the database is stopped at night, and RDS neither backs up nor
 * maintains a stopped instance: the windows then lie inside the hours, in UTC, in winter and in summer
 * time alike (the part of the opening both offsets share), after the database has started.
 *
 * @param backup      hh:mm-hh:mm, daily
 * @param maintenance ddd:hh:mm-ddd:hh:mm, weekly, ten minutes after the backup
 */
public record MaintenanceWindows(String backup, String maintenance) {

    public static final MaintenanceWindows NIGHT = new MaintenanceWindows("02:00-02:30", "sun:03:00-sun:03:30");

    /** RDS's minimum for each window. */
    static final int MINUTES = 30;

    public static MaintenanceWindows of(Optional<OfficeHours> hours) {
        return hours.map(MaintenanceWindows::inside).orElse(NIGHT);
    }

    /**
     * The last hour the opening holds in UTC all year: backup, then maintenance, ending before the
     * earliest closing. The weekly one falls on the first office day.
     *
     * @throws IllegalArgumentException when the opening leaves no such hour (then say so, do not guess)
     */
    static MaintenanceWindows inside(OfficeHours hours) {
        var rules = hours.zone().getRules();
        int year = 2026; // offsets of a whole year: January's (standard) and July's (summer time, if any)
        var winter = rules.getOffset(LocalDate.of(year, 1, 15).atStartOfDay());
        var summer = rules.getOffset(LocalDate.of(year, 7, 15).atStartOfDay());
        var first = DayOfWeek.valueOf(
                fullName(OfficeHours.expand(hours.days()).iterator().next()));
        // The opening in UTC on the first office day, for both offsets; keep what both share.
        var day = LocalDate.of(year, 1, 5).with(java.time.temporal.TemporalAdjusters.nextOrSame(first));
        var openUtc = later(
                day.atTime(hours.open()).atOffset(winter).withOffsetSameInstant(ZoneOffset.UTC),
                day.atTime(hours.open()).atOffset(summer).withOffsetSameInstant(ZoneOffset.UTC));
        var closeUtc = earlier(
                day.atTime(hours.close()).atOffset(winter).withOffsetSameInstant(ZoneOffset.UTC),
                day.atTime(hours.close()).atOffset(summer).withOffsetSameInstant(ZoneOffset.UTC));
        var maintenanceEnd = closeUtc.minusMinutes(MINUTES); // half an hour before the earliest closing
        var maintenanceStart = maintenanceEnd.minusMinutes(MINUTES);
        // Ten minutes apart: RDS refuses windows that overlap.
        var backupStart = maintenanceStart.minusMinutes(MINUTES + 10);
        if (backupStart.isBefore(openUtc.plusMinutes(MINUTES))
                || !backupStart.toLocalDate().equals(maintenanceEnd.toLocalDate())) {
            throw new IllegalArgumentException("office hours " + hours + " leave no hour open all year in UTC (after "
                    + MINUTES
                    + " minutes of start-up) for the database's backup and maintenance; allowed: an opening of at "
                    + "least 2.5 hours within one UTC day");
        }
        var weekday = backupStart
                .getDayOfWeek()
                .getDisplayName(TextStyle.SHORT, Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        return new MaintenanceWindows(
                hhmm(backupStart.toLocalTime()) + "-"
                        + hhmm(backupStart.plusMinutes(MINUTES).toLocalTime()),
                weekday + ":" + hhmm(maintenanceStart.toLocalTime()) + "-" + weekday + ":"
                        + hhmm(maintenanceEnd.toLocalTime()));
    }

    private static String fullName(String day) {
        for (var d : DayOfWeek.values()) {
            if (d.name().startsWith(day)) {
                return d.name();
            }
        }
        throw new IllegalArgumentException(day);
    }

    private static java.time.OffsetDateTime later(java.time.OffsetDateTime a, java.time.OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static java.time.OffsetDateTime earlier(java.time.OffsetDateTime a, java.time.OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
