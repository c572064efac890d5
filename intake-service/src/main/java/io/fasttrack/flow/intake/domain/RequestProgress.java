package io.fasttrack.flow.intake.domain;

import java.time.Instant;

/**
 * What has happened to a request since it was submitted, as assignment and engagement events tell it.
 * Every transition only moves the status forward, so events from different topics may arrive in any order.
 *
 * @param statusSince when the request first reached its status (the submission for SUBMITTED); null until known
 * @param slaAtRisk   assignment warned that the SLA is at risk; a later decision does not undo that it happened
 * @param stall       the stall intake reported, kept while the request has not moved past its step; null if none
 */
public record RequestProgress(
        RequestStatus status,
        Instant statusSince,
        String architectId,
        String architectName,
        Instant slaDeadline,
        boolean slaAtRisk,
        boolean slaBreached,
        String engagementId,
        Stall stall) {

    public static RequestProgress submitted() {
        return new RequestProgress(RequestStatus.SUBMITTED, null, null, null, null, false, false, null, null);
    }

    /** The submission dates the SUBMITTED step; a request whose later status arrived first keeps that one's date. */
    public RequestProgress submittedAt(Instant submittedAt) {
        return status != RequestStatus.SUBMITTED ? this : new RequestProgress(status, submittedAt, architectId,
                architectName, slaDeadline, slaAtRisk, slaBreached, engagementId, stall);
    }

    /** Nobody could take the request yet; a late queue event after an assignment keeps the assignment's deadline. */
    public RequestProgress queued(Instant deadline, Instant at) {
        boolean stillWaiting = status.advancedTo(RequestStatus.QUEUED) == RequestStatus.QUEUED;
        return movedTo(RequestStatus.QUEUED, at).withSlaDeadline(stillWaiting && deadline != null ? deadline : slaDeadline);
    }

    /** An architect took the request, first or by reassignment: the latest architect wins, the status never goes back. */
    public RequestProgress assigned(String newArchitectId, String newArchitectName, Instant deadline, Instant at) {
        return movedTo(RequestStatus.ASSIGNED, at).withArchitect(newArchitectId, newArchitectName)
                .withSlaDeadline(deadline != null ? deadline : slaDeadline);
    }

    public RequestProgress slaWasAtRisk() {
        return new RequestProgress(status, statusSince, architectId, architectName, slaDeadline, true, slaBreached,
                engagementId, stall);
    }

    public RequestProgress slaWasBreached() {
        return new RequestProgress(status, statusSince, architectId, architectName, slaDeadline, slaAtRisk, true,
                engagementId, stall);
    }

    /** The engagement opened; its architect fills in when no assignment event has arrived yet. */
    public RequestProgress engagementOpened(String openedEngagementId, String engagementArchitectId,
            String engagementArchitectName, Instant at) {
        boolean architectKnown = architectId != null;
        return movedTo(RequestStatus.IN_PROGRESS, at)
                .withArchitect(architectKnown ? architectId : engagementArchitectId,
                        architectKnown ? architectName : engagementArchitectName)
                .withEngagement(openedEngagementId);
    }

    public RequestProgress engagementReassigned(String newArchitectId, String newArchitectName) {
        return withArchitect(newArchitectId, newArchitectName);
    }

    public RequestProgress completed(String completedEngagementId, Instant at) {
        return movedTo(RequestStatus.COMPLETED, at).withEngagement(engagementId != null ? engagementId : completedEngagementId);
    }

    /**
     * Intake reported the request stalled at {@code step}. A report for a step the request has moved past changes
     * nothing; one for a step it has not reached yet is kept, as a rebuild may read it before the status event it
     * followed (the topics are read side by side), and it shows once the request gets there. Of two reports the later
     * step wins, and of two for one step the earlier date, so the outcome does not depend on their order.
     */
    public RequestProgress stalledAt(RequestStatus step, Instant since) {
        if (step.compareTo(status) < 0 || stall != null && stall.step().compareTo(step) > 0) {
            return this;
        }
        Instant first = stall != null && stall.step() == step ? earlier(stall.since(), since) : since;
        return new RequestProgress(status, statusSince, architectId, architectName, slaDeadline, slaAtRisk, slaBreached,
                engagementId, new Stall(step, first));
    }

    /** Whether the request is stuck at its status now: a status change clears the stall of the step it left. */
    public boolean isStalled() {
        return stall != null && stall.step() == status;
    }

    /**
     * The status moved forward to {@code reached} by an event at {@code at}: the status is dated by the first event
     * that reached it, whatever order they came in, and a stall of a step left behind is cleared.
     */
    private RequestProgress movedTo(RequestStatus reached, Instant at) {
        RequestStatus next = status.advancedTo(reached);
        Instant since = next != status ? at : reached == status ? earlier(statusSince, at) : statusSince;
        Stall kept = stall != null && stall.step().compareTo(next) < 0 ? null : stall;
        return new RequestProgress(next, since, architectId, architectName, slaDeadline, slaAtRisk, slaBreached,
                engagementId, kept);
    }

    private RequestProgress withArchitect(String id, String name) {
        return new RequestProgress(status, statusSince, id, name, slaDeadline, slaAtRisk, slaBreached, engagementId, stall);
    }

    private RequestProgress withSlaDeadline(Instant deadline) {
        return new RequestProgress(status, statusSince, architectId, architectName, deadline, slaAtRisk, slaBreached,
                engagementId, stall);
    }

    private RequestProgress withEngagement(String id) {
        return new RequestProgress(status, statusSince, architectId, architectName, slaDeadline, slaAtRisk, slaBreached,
                id, stall);
    }

    private static Instant earlier(Instant one, Instant other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.isBefore(other) ? one : other;
    }
}
