package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.intake.domain.RequestStatus;

/** The answer to an accepted submission. */
public record SubmissionAnswer(String id, RequestStatus status) {

    static SubmissionAnswer submitted(String id) {
        return new SubmissionAnswer(id, RequestStatus.SUBMITTED);
    }
}
