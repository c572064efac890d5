package io.fasttrack.flow.kit.time;

import io.fasttrack.flow.events.EventTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test (or a simulation) sets: real time until {@link #set} pins it, back to real time after
 * {@link #reset}. A test makes it the service's clock with a producer of its own ({@code @Alternative @Priority(1)}).
 */
public class SettableClock extends Clock {

    private volatile Instant pinned;

    public void set(Instant instant) {
        pinned = instant;
    }

    public void advance(Duration by) {
        pinned = instant().plus(by);
    }

    public void reset() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : EventTime.clock().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
