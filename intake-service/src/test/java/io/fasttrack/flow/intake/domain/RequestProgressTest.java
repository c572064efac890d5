package io.fasttrack.flow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestProgressTest {

    private static final Instant SLA = Instant.parse("2026-11-25T17:00:00Z");

    @Test
    void movesForwardThroughEveryStatus() {
        RequestProgress progress = RequestProgress.submitted().queued(SLA);
        assertThat(progress.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(progress.slaDeadline()).isEqualTo(SLA);

        progress = progress.assigned("fta-ana", "Ana", SLA);
        assertThat(progress.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(progress.architectId()).isEqualTo("fta-ana");

        progress = progress.engagementOpened("eng-1", "fta-ana", "Ana");
        assertThat(progress.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(progress.engagementId()).isEqualTo("eng-1");

        assertThat(progress.completed("eng-1").status()).isEqualTo(RequestStatus.COMPLETED);
    }

    @Test
    void aReassignmentChangesTheArchitectButNeverMovesTheStatusBack() {
        RequestProgress inProgress = RequestProgress.submitted().assigned("fta-ana", "Ana", SLA)
                .engagementOpened("eng-1", "fta-ana", "Ana");

        RequestProgress reassigned = inProgress.assigned("fta-bo", "Bo", SLA);

        assertThat(reassigned.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(reassigned.architectId()).isEqualTo("fta-bo");
        assertThat(reassigned.architectName()).isEqualTo("Bo");
    }

    @Test
    void lateEventsDoNotUndoLaterOnes() {
        RequestProgress completed = RequestProgress.submitted().completed("eng-1");

        RequestProgress afterLateEvents = completed.queued(SLA.plusSeconds(60)).engagementOpened("eng-1", "fta-ana", "Ana");

        assertThat(afterLateEvents.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(afterLateEvents.architectId()).isEqualTo("fta-ana");
        assertThat(afterLateEvents.slaDeadline()).isNull();
    }

    @Test
    void aBreachIsRecordedWithoutChangingTheStatus() {
        RequestProgress breached = RequestProgress.submitted().queued(SLA).slaWasBreached();

        assertThat(breached.slaBreached()).isTrue();
        assertThat(breached.status()).isEqualTo(RequestStatus.QUEUED);
    }
}
