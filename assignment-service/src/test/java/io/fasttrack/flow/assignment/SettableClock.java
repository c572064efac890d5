package io.fasttrack.flow.assignment;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The wall clock of the service under test: real time unless a test pins it. */
public class SettableClock extends Clock {

    private static volatile Instant pinned;

    public static void set(Instant instant) {
        pinned = instant;
    }

    public static void reset() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Clock.systemUTC().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Singleton
    public static class Producer {

        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return new SettableClock();
        }
    }
}
