package io.fasttrack.flow.assignment.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Business days are Monday to Friday minus the configured holidays, in the request's own time zone.
 *
 * <p>"Submission + N business days" means: the clock starts at the submission if it falls on a business
 * day, otherwise at 00:00 of the next business day; the deadline is that same local time of day on the
 * N-th business day after the start day. So Friday 23:30 gives Tuesday 23:30, Saturday 10:00 gives
 * Wednesday 00:00, and Monday 09:00 before a Tuesday holiday gives Thursday 09:00. A local time that does
 * not exist on the deadline day (a daylight-saving gap) moves forward by the length of the gap.
 */
public final class BusinessCalendar {

    private final Set<LocalDate> holidays;
    private final int businessDays;

    public BusinessCalendar(Collection<LocalDate> holidays, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("businessDays must not be negative");
        }
        this.holidays = Set.copyOf(holidays);
        this.businessDays = businessDays;
    }

    /** The same calendar with other holidays (a simulation's). */
    public BusinessCalendar withHolidays(Collection<LocalDate> otherHolidays) {
        return new BusinessCalendar(otherHolidays, businessDays);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public Instant deadline(Instant submittedAt, ZoneId zone) {
        ZonedDateTime local = submittedAt.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!isBusinessDay(day)) {
            day = nextBusinessDay(day);
            time = LocalTime.MIDNIGHT;
        }
        for (int i = 0; i < businessDays; i++) {
            day = nextBusinessDay(day);
        }
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The time between the two instants that falls on business days (local dates in the zone). */
    public Duration businessTimeBetween(Instant from, Instant to, ZoneId zone) {
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        while (cursor.toInstant().isBefore(to)) {
            Instant dayEnd = cursor.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = dayEnd.isBefore(to) ? dayEnd : to;
            if (isBusinessDay(cursor.toLocalDate())) {
                total = total.plus(Duration.between(cursor.toInstant(), end));
            }
            cursor = dayEnd.atZone(zone);
        }
        return total;
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public Instant afterBusinessTime(Instant from, Duration amount, ZoneId zone) {
        Duration left = amount;
        ZonedDateTime cursor = from.atZone(zone);
        while (true) {
            Instant dayEnd = cursor.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            if (isBusinessDay(cursor.toLocalDate())) {
                Duration today = Duration.between(cursor.toInstant(), dayEnd);
                if (left.compareTo(today) <= 0) {
                    return cursor.toInstant().plus(left);
                }
                left = left.minus(today);
            }
            cursor = dayEnd.atZone(zone);
        }
    }

    private LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
