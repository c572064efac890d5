package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void timesAreUtcWithMicrosecondsAtMost() {
        for (int i = 0; i < 1_000; i++) {
            Instant now = EventTime.clock().instant();
            assertThat(now).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
        }
        assertThat(EventTime.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
