package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StalenessPolicyTest {

    static final StalenessPolicy POLICY = new StalenessPolicy(Duration.ofDays(28));
    static final Instant LAST_NOTE = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void staleFromTwentyEightDaysOn() {
        assertThat(POLICY.isStale(LAST_NOTE, false, LAST_NOTE.plus(Duration.ofDays(27)))).isFalse();
        assertThat(POLICY.isStale(LAST_NOTE, false, LAST_NOTE.plus(Duration.ofDays(28)).minusSeconds(1))).isFalse();
        assertThat(POLICY.isStale(LAST_NOTE, false, LAST_NOTE.plus(Duration.ofDays(28)))).isTrue();
    }

    @Test
    void aCompletedEngagementIsNeverStale() {
        assertThat(POLICY.isStale(LAST_NOTE, true, LAST_NOTE.plus(Duration.ofDays(400)))).isFalse();
    }
}
