package io.fasttrack.flow.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final BusinessCalendar calendar = new BusinessCalendar(List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")), 2);

    private Instant deadline(String localDateTime, ZoneId zone) {
        return calendar.deadline(java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), zone);
    }

    private static Instant local(String localDateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void midweekAddsTwoDaysAtTheSameLocalTime() {
        assertThat(deadline("2026-11-04T10:15:00", BERLIN)).isEqualTo(local("2026-11-06T10:15:00", BERLIN));
    }

    @Test
    void lateFridayRunsToTuesdaySameTime() {
        assertThat(deadline("2026-11-06T23:30:00", BERLIN)).isEqualTo(local("2026-11-10T23:30:00", BERLIN));
    }

    @Test
    void thursdaySkipsTheWeekend() {
        assertThat(deadline("2026-11-05T09:00:00", BERLIN)).isEqualTo(local("2026-11-09T09:00:00", BERLIN));
    }

    @Test
    void weekendSubmissionStartsMondayMidnight() {
        assertThat(deadline("2026-11-07T10:00:00", BERLIN)).isEqualTo(local("2026-11-11T00:00:00", BERLIN));
        assertThat(deadline("2026-11-08T23:59:00", BERLIN)).isEqualTo(local("2026-11-11T00:00:00", BERLIN));
    }

    @Test
    void holidaysAreSkipped() {
        // Wed 23 Dec + 2: Thu 24, (Fri 25 holiday, weekend, Mon 28 holiday) Tue 29
        assertThat(deadline("2026-12-23T14:00:00", BERLIN)).isEqualTo(local("2026-12-29T14:00:00", BERLIN));
        // submitted on a holiday: starts Tue 29 00:00, deadline Thu 31 00:00
        assertThat(deadline("2026-12-25T11:00:00", BERLIN)).isEqualTo(local("2026-12-31T00:00:00", BERLIN));
    }

    @Test
    void theRequestTimeZoneDecidesWhichDayItIs() {
        // Friday 23:30 UTC is already Saturday 08:30 in Tokyo -> starts Monday 00:00 Tokyo -> Wednesday 00:00 Tokyo
        Instant fridayNightUtc = Instant.parse("2026-11-06T23:30:00Z");
        assertThat(calendar.deadline(fridayNightUtc, TOKYO)).isEqualTo(local("2026-11-11T00:00:00", TOKYO));
        // and still Friday 18:30 in New York -> Tuesday 18:30 New York
        assertThat(calendar.deadline(fridayNightUtc, NEW_YORK)).isEqualTo(local("2026-11-10T18:30:00", NEW_YORK));
    }

    @Test
    void daylightSavingChangeKeepsTheLocalTime() {
        // Berlin leaves summer time on Sunday 25 Oct 2026: Friday 10:00 CEST -> Tuesday 10:00 CET, 97 hours later
        Instant submitted = local("2026-10-23T10:00:00", BERLIN);
        Instant deadline = calendar.deadline(submitted, BERLIN);
        assertThat(deadline).isEqualTo(local("2026-10-27T10:00:00", BERLIN));
        assertThat(java.time.Duration.between(submitted, deadline).toHours()).isEqualTo(97);
    }

    @Test
    void weekdaysAreBusinessDaysExceptHolidays() {
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-11-06"))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-11-07"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
    }
}
