package io.fasttrack.flow.engagement;

import io.fasttrack.flow.kit.time.SettableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's clock in tests: the kit's settable clock, real time until a test sets it. */
@Singleton
public class TestClockProducer {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    SettableClock clock() {
        return new SettableClock();
    }
}
