package io.fasttrack.flow.intake;

import io.fasttrack.flow.events.EventTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of time; tests replace it with a clock they control. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return EventTime.clock();
    }
}
