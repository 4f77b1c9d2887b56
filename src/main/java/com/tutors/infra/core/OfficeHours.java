package com.tutors.infra.core;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a stack runs: e.g. {@code MON-FRI 08:00-20:00 Europe/Berlin}. Outside them the services scale
 * to zero and the database is stopped. The same value drives ECS scheduled scaling, the EventBridge
 * schedules and the cost estimate, which reads the schedules back with {@link #hoursPerWeek(String, String)}.
 *
 * @param days  AWS cron day-of-week field: a range ({@code MON-FRI}) or a list ({@code MON,WED,FRI})
 * @param open  local time the services scale up (the database starts {@link #DB_LEAD_MINUTES} earlier)
 * @param close local time the services scale to zero and the database stops
 */
public record OfficeHours(String days, LocalTime open, LocalTime close, ZoneId zone) {

    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    /** RDS takes a few minutes to start: it starts this much before the tasks that connect to it. */
    public static final int DB_LEAD_MINUTES = 20;

    public static final String FORMAT = "DAYS HH:MM-HH:MM ZONE, e.g. MON-FRI 08:00-20:00 Europe/Berlin";

    private static final Pattern SHAPE = Pattern.compile("(\\S+) (\\d{2}:\\d{2})-(\\d{2}:\\d{2}) (\\S+)");
    private static final Pattern CRON = Pattern.compile("cron\\((\\d+) (\\d+) \\? \\* (\\S+) \\*\\)");

    /** @throws IllegalArgumentException saying what is wrong and what is allowed */
    public static OfficeHours parse(String raw) {
        var m = SHAPE.matcher(raw.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not office hours; allowed: " + FORMAT);
        }
        var days = m.group(1);
        expand(days); // validates
        LocalTime open;
        LocalTime close;
        try {
            open = LocalTime.parse(m.group(2));
            close = LocalTime.parse(m.group(3));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + m.group(2) + "-" + m.group(3) + "' is not a time range; allowed: 00:00 to 23:59");
        }
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("opens at " + open + " but closes at " + close
                    + "; allowed: a close later on the same day (hours across midnight are not supported)");
        }
        if (open.isBefore(LocalTime.of(0, DB_LEAD_MINUTES))) {
            throw new IllegalArgumentException("opens at " + open + "; allowed: 00:" + DB_LEAD_MINUTES
                    + " or later (the database starts " + DB_LEAD_MINUTES + " minutes before, on the same day)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(m.group(4));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + m.group(4) + "' is not a time zone; allowed: IANA names such as Europe/Berlin or UTC");
        }
        return new OfficeHours(days, open, close, zone);
    }

    public String openCron() {
        return cron(open);
    }

    public String closeCron() {
        return cron(close);
    }

    public String dbStartCron() {
        return cron(open.minusMinutes(DB_LEAD_MINUTES));
    }

    public double hoursPerWeek() {
        return expand(days).size() * (close.toSecondOfDay() - open.toSecondOfDay()) / 3600.0;
    }

    @Override
    public String toString() {
        return days + " " + open + "-" + close + " " + zone.getId();
    }

    /** Hours a week between a pair of this class's crons (the cost model reads them off the plan). */
    public static double hoursPerWeek(String upCron, String downCron) {
        var up = CRON.matcher(upCron);
        var down = CRON.matcher(downCron);
        if (!up.matches() || !down.matches() || !up.group(3).equals(down.group(3))) {
            throw new IllegalArgumentException("not a pair of office-hours crons: " + upCron + ", " + downCron);
        }
        int minutes = Integer.parseInt(down.group(2)) * 60
                + Integer.parseInt(down.group(1))
                - Integer.parseInt(up.group(2)) * 60
                - Integer.parseInt(up.group(1));
        return expand(up.group(3)).size() * minutes / 60.0;
    }

    private String cron(LocalTime at) {
        return "cron(" + at.getMinute() + " " + at.getHour() + " ? * " + days + " *)";
    }

    /** The days a field names, in order (MON-FRI: MON, TUE, WED, THU, FRI). */
    public static Set<String> expand(String field) {
        var out = new LinkedHashSet<String>();
        for (var part : field.split(",", -1)) {
            var ends = part.split("-", -1);
            if (ends.length > 2 || !DAYS.contains(ends[0]) || !DAYS.contains(ends[ends.length - 1])) {
                throw new IllegalArgumentException("'" + field + "' is not a set of days; allowed: "
                        + String.join(", ", DAYS) + " as a range (MON-FRI) or a list (MON,WED,FRI)");
            }
            int from = DAYS.indexOf(ends[0]);
            int to = DAYS.indexOf(ends[ends.length - 1]);
            if (to < from) {
                throw new IllegalArgumentException(
                        "'" + part + "' runs backwards; allowed: ranges from MON towards SUN");
            }
            for (int d = from; d <= to; d++) {
                if (!out.add(DAYS.get(d))) {
                    throw new IllegalArgumentException(
                            "'" + field + "' names " + DAYS.get(d) + " twice; allowed: each day once");
                }
            }
        }
        return out;
    }
}
