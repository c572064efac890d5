package io.fasttrack.flow.assignment;

import io.fasttrack.flow.kit.time.SettableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the kit's {@link SettableClock} the clock of the service under test: real time unless a test pins it. */
@Singleton
public class TestClock {

    public static final SettableClock CLOCK = new SettableClock();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
