package io.fasttrack.flow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestProgressTest {

    private static final Instant SLA = Instant.parse("2026-11-25T17:00:00Z");
    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant ASSIGNED_AT = SUBMITTED_AT.plusSeconds(600);

    @Test
    void movesForwardThroughEveryStatus() {
        RequestProgress progress = RequestProgress.submitted().queued(SLA, SUBMITTED_AT);
        assertThat(progress.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(progress.slaDeadline()).isEqualTo(SLA);

        progress = progress.assigned("fta-ana", "Ana", SLA, ASSIGNED_AT);
        assertThat(progress.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(progress.architectId()).isEqualTo("fta-ana");

        progress = progress.engagementOpened("eng-1", "fta-ana", "Ana", ASSIGNED_AT);
        assertThat(progress.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(progress.engagementId()).isEqualTo("eng-1");

        assertThat(progress.completed("eng-1", ASSIGNED_AT).status()).isEqualTo(RequestStatus.COMPLETED);
    }

    @Test
    void aReassignmentChangesTheArchitectButNeverMovesTheStatusBack() {
        RequestProgress inProgress = RequestProgress.submitted().assigned("fta-ana", "Ana", SLA, ASSIGNED_AT)
                .engagementOpened("eng-1", "fta-ana", "Ana", ASSIGNED_AT);

        RequestProgress reassigned = inProgress.assigned("fta-bo", "Bo", SLA, ASSIGNED_AT.plusSeconds(60));

        assertThat(reassigned.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(reassigned.architectId()).isEqualTo("fta-bo");
        assertThat(reassigned.architectName()).isEqualTo("Bo");
    }

    @Test
    void lateEventsDoNotUndoLaterOnes() {
        RequestProgress completed = RequestProgress.submitted().completed("eng-1", ASSIGNED_AT);

        RequestProgress afterLateEvents = completed.queued(SLA.plusSeconds(60), SUBMITTED_AT)
                .engagementOpened("eng-1", "fta-ana", "Ana", SUBMITTED_AT);

        assertThat(afterLateEvents.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(afterLateEvents.statusSince()).isEqualTo(ASSIGNED_AT);
        assertThat(afterLateEvents.architectId()).isEqualTo("fta-ana");
        assertThat(afterLateEvents.slaDeadline()).isNull();
    }

    @Test
    void aBreachIsRecordedWithoutChangingTheStatus() {
        RequestProgress breached = RequestProgress.submitted().queued(SLA, SUBMITTED_AT).slaWasBreached();

        assertThat(breached.slaBreached()).isTrue();
        assertThat(breached.status()).isEqualTo(RequestStatus.QUEUED);
    }

    @Test
    void anSlaWarningStaysRecordedAfterTheAssignment() {
        RequestProgress assigned = RequestProgress.submitted().queued(SLA, SUBMITTED_AT).slaWasAtRisk()
                .assigned("fta-ana", "Ana", SLA, ASSIGNED_AT);

        assertThat(assigned.slaAtRisk()).isTrue();
        assertThat(assigned.slaBreached()).isFalse();
    }

    @Test
    void theStatusIsDatedByTheFirstEventThatReachedIt() {
        RequestProgress submitted = RequestProgress.submitted().submittedAt(SUBMITTED_AT);
        assertThat(submitted.statusSince()).isEqualTo(SUBMITTED_AT);

        RequestProgress reassigned = submitted.assigned("fta-ana", "Ana", SLA, ASSIGNED_AT)
                .assigned("fta-bo", "Bo", SLA, ASSIGNED_AT.plusSeconds(60));

        assertThat(reassigned.statusSince()).isEqualTo(ASSIGNED_AT);
        assertThat(reassigned.submittedAt(SUBMITTED_AT).statusSince()).as("a late submission").isEqualTo(ASSIGNED_AT);
    }

    @Test
    void aStallShowsAtItsStepAndTheNextStatusClearsIt() {
        RequestProgress stalled = RequestProgress.submitted().submittedAt(SUBMITTED_AT)
                .stalledAt(RequestStatus.SUBMITTED, SUBMITTED_AT);
        assertThat(stalled.isStalled()).isTrue();
        assertThat(stalled.stall()).isEqualTo(new Stall(RequestStatus.SUBMITTED, SUBMITTED_AT));

        RequestProgress queued = stalled.queued(SLA, ASSIGNED_AT);

        assertThat(queued.isStalled()).isFalse();
        assertThat(queued.stall()).isNull();
    }

    @Test
    void aStallOfAStepTheRequestHasLeftChangesNothing() {
        RequestProgress assigned = RequestProgress.submitted().assigned("fta-ana", "Ana", SLA, ASSIGNED_AT);

        assertThat(assigned.stalledAt(RequestStatus.SUBMITTED, SUBMITTED_AT)).isEqualTo(assigned);
    }

    @Test
    void aStallReadBeforeTheStatusItFollowedShowsOnceTheRequestGetsThere() {
        RequestProgress inOrder = RequestProgress.submitted().submittedAt(SUBMITTED_AT)
                .stalledAt(RequestStatus.SUBMITTED, SUBMITTED_AT)
                .assigned("fta-ana", "Ana", SLA, ASSIGNED_AT)
                .stalledAt(RequestStatus.ASSIGNED, ASSIGNED_AT);
        // a rebuild reads the requests topic ahead of the assignments topic
        RequestProgress stallsFirst = RequestProgress.submitted().submittedAt(SUBMITTED_AT)
                .stalledAt(RequestStatus.SUBMITTED, SUBMITTED_AT)
                .stalledAt(RequestStatus.ASSIGNED, ASSIGNED_AT);
        assertThat(stallsFirst.isStalled()).as("not stuck at ASSIGNED before it is ASSIGNED").isFalse();

        RequestProgress rebuilt = stallsFirst.assigned("fta-ana", "Ana", SLA, ASSIGNED_AT);

        assertThat(rebuilt).isEqualTo(inOrder);
        assertThat(rebuilt.isStalled()).isTrue();
        assertThat(rebuilt.stall().step()).isEqualTo(RequestStatus.ASSIGNED);
    }
}
