package io.fasttrack.flow.intake.domain;

/** A request's status as the requestor sees it, in the only order it may move. */
public enum RequestStatus {
    SUBMITTED,
    QUEUED,
    ASSIGNED,
    IN_PROGRESS,
    COMPLETED;

    /** The further along of this status and {@code reached}: status never moves back. */
    public RequestStatus advancedTo(RequestStatus reached) {
        return reached.ordinal() > ordinal() ? reached : this;
    }
}
