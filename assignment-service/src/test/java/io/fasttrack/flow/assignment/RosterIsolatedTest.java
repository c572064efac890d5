package io.fasttrack.flow.assignment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that decide assignments in the shared test application: each test starts with every earlier
 * test's architect out of reach and an empty queue, and ends back on the real clock.
 */
public abstract class RosterIsolatedTest {

    protected final Fixtures fixtures = Fixtures.create();

    @BeforeEach
    protected void isolateRoster() {
        Fixtures.isolateRoster();
    }

    @AfterEach
    protected void backToRealTime() {
        TestClock.CLOCK.reset();
    }
}
