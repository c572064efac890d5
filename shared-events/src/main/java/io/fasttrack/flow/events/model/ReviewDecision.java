package io.fasttrack.flow.events.model;

/** What the reviewing architect decided on a migration exception or an ECIF/DWR fund request. */
public enum ReviewDecision {
    APPROVED,
    REJECTED,
    /** The requestor is to change the request; the engagement stays open until a final decision. */
    CHANGES_REQUESTED;

    /** A final decision ends the review; changes requested keeps it open. */
    public boolean isFinal() {
        return this != CHANGES_REQUESTED;
    }
}
