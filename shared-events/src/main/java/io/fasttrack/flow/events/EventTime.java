package io.fasttrack.flow.events;

import java.time.Clock;
import java.time.Duration;

/**
 * Event times have microsecond precision: what H2 and PostgreSQL keep. A time taken with nanoseconds would
 * come back from a database different from the same time replayed from the log, and projections and
 * tie-breaks rebuilt from the log must equal the ones that were live.
 */
public final class EventTime {

    private static final Clock UTC_MICROS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private EventTime() {
    }

    /** The clock every service takes its event and decision times from. */
    public static Clock clock() {
        return UTC_MICROS;
    }
}
