package io.fasttrack.flow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StallRuleTest {

    private static final StallRule RULE = new StallRule(Duration.ofMinutes(5));
    private static final Instant SINCE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aRequestStallsWhenItStaysSubmittedOrAssignedLongerThanTheStallTime() {
        for (RequestStatus waiting : new RequestStatus[] {RequestStatus.SUBMITTED, RequestStatus.ASSIGNED}) {
            assertThat(RULE.hasStalled(waiting, SINCE, SINCE.plus(Duration.ofMinutes(5)).minusMillis(1))).as(waiting.name())
                    .isFalse();
            assertThat(RULE.hasStalled(waiting, SINCE, SINCE.plus(Duration.ofMinutes(5)))).as(waiting.name()).isTrue();
        }
    }

    @Test
    void queuedAndLaterStatusesNeverStall() {
        Instant muchLater = SINCE.plus(Duration.ofDays(30));
        for (RequestStatus status : new RequestStatus[] {RequestStatus.QUEUED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED}) {
            assertThat(RULE.hasStalled(status, SINCE, muchLater)).as(status.name()).isFalse();
        }
        assertThat(RULE.stepsThatStall()).containsExactlyInAnyOrder(RequestStatus.SUBMITTED, RequestStatus.ASSIGNED);
    }

    @Test
    void aRequestWithoutAKnownDateDoesNotStall() {
        assertThat(RULE.hasStalled(RequestStatus.SUBMITTED, null, SINCE)).isFalse();
    }
}
