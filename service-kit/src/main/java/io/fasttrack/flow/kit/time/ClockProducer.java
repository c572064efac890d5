package io.fasttrack.flow.kit.time;

import io.fasttrack.flow.events.EventTime;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one source of time of a service (UTC, microseconds, as events carry it); a test replaces it with a {@link SettableClock}. */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return EventTime.clock();
    }
}
