package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StalenessPolicyTest {

    static final StalenessPolicy POLICY = new StalenessPolicy(Duration.ofDays(14), Duration.ofDays(28));
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

    @Test
    void eachCadenceEventOncePerLapse() {
        Instant day14 = LAST_NOTE.plus(Duration.ofDays(14));
        assertThat(POLICY.noteDueToTell(LAST_NOTE, null, false, day14.minusSeconds(1))).isFalse();
        assertThat(POLICY.noteDueToTell(LAST_NOTE, null, false, day14)).isTrue();
        assertThat(POLICY.noteDueToTell(LAST_NOTE, LAST_NOTE, false, day14)).isFalse();
        assertThat(POLICY.noteDueToTell(LAST_NOTE, null, true, day14)).isFalse();
        Instant nextNote = LAST_NOTE.plus(Duration.ofDays(20));
        assertThat(POLICY.noteDueToTell(nextNote, LAST_NOTE, false, nextNote.plus(Duration.ofDays(14)))).isTrue();
        Instant day28 = LAST_NOTE.plus(Duration.ofDays(28));
        assertThat(POLICY.staleToTell(LAST_NOTE, null, false, day28.minusSeconds(1))).isFalse();
        assertThat(POLICY.staleToTell(LAST_NOTE, null, false, day28)).isTrue();
        assertThat(POLICY.staleToTell(LAST_NOTE, LAST_NOTE, false, day28)).isFalse();
        assertThat(POLICY.staleAt(LAST_NOTE)).isEqualTo(day28);
        assertThat(POLICY.noteDueAt(LAST_NOTE)).isEqualTo(day14);
    }
}
