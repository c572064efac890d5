package io.fasttrack.flow.assignment;

import io.fasttrack.flow.events.EventTime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one source of wall-clock time (SLA checks, manager actions); tests replace it. */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return EventTime.clock();
    }
}
