package com.tutors.infra.compute;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values an EventBridge cron field names: {@code *}, numbers, ranges {@code a-b}, lists and steps
 * {@code /n}; days of the week as SUN-SAT or 1-7 (1 is Sunday). Enough to tell when a job starts.
 */
final class CronField {
    private CronField() {}

    private static final List<String> WEEK = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /** @throws IllegalArgumentException naming the field and what is allowed */
    static Set<Integer> values(String field, int lo, int hi) {
        var out = new TreeSet<Integer>();
        for (var part : field.split(",", -1)) {
            var step = part.split("/", -1);
            if (step.length > 2) {
                throw bad(field, lo, hi);
            }
            int by = step.length == 2 ? number(step[1], 1, hi, field, lo, hi) : 1;
            int from;
            int to;
            if (step[0].equals("*")) {
                from = lo;
                to = hi;
            } else {
                var ends = step[0].split("-", -1);
                if (ends.length > 2) {
                    throw bad(field, lo, hi);
                }
                from = number(ends[0], lo, hi, field, lo, hi);
                to = ends.length == 2 ? number(ends[1], from, hi, field, lo, hi) : (step.length == 2 ? hi : from);
            }
            for (int v = from; v <= to; v += by) {
                out.add(v);
            }
        }
        return out;
    }

    /** The days of a day-of-week field, as OfficeHours names them (MON...SUN). */
    static Set<String> days(String field) {
        var named = field;
        for (int i = 0; i < WEEK.size(); i++) {
            named = named.replace(WEEK.get(i), String.valueOf(i + 1));
        }
        var out = new TreeSet<String>();
        for (int d : values(named, 1, 7)) {
            out.add(WEEK.get(d - 1));
        }
        return out;
    }

    private static int number(String text, int min, int max, String field, int lo, int hi) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw bad(field, lo, hi);
    }

    private static IllegalArgumentException bad(String field, int lo, int hi) {
        return new IllegalArgumentException("cannot tell when '" + field + "' fires; allowed here: " + lo + "-" + hi
                + " as *, numbers, ranges a-b, lists and steps /n (days: SUN-SAT)");
    }
}
