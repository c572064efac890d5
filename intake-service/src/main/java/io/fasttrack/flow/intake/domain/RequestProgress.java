package io.fasttrack.flow.intake.domain;

import java.time.Instant;

/**
 * What has happened to a request since it was submitted, as assignment and engagement events tell it.
 * Every transition only moves the status forward, so events from different topics may arrive in any order.
 */
public record RequestProgress(
        RequestStatus status,
        String architectId,
        String architectName,
        Instant slaDeadline,
        boolean slaBreached,
        String engagementId) {

    public static RequestProgress submitted() {
        return new RequestProgress(RequestStatus.SUBMITTED, null, null, null, false, null);
    }

    /** Nobody could take the request yet; a late queue event after an assignment keeps the assignment's deadline. */
    public RequestProgress queued(Instant deadline) {
        boolean stillWaiting = status.advancedTo(RequestStatus.QUEUED) == RequestStatus.QUEUED;
        Instant sla = stillWaiting && deadline != null ? deadline : slaDeadline;
        return new RequestProgress(status.advancedTo(RequestStatus.QUEUED), architectId, architectName, sla,
                slaBreached, engagementId);
    }

    /** An architect took the request, first or by reassignment: the latest architect wins, the status never goes back. */
    public RequestProgress assigned(String newArchitectId, String newArchitectName, Instant deadline) {
        return new RequestProgress(status.advancedTo(RequestStatus.ASSIGNED), newArchitectId, newArchitectName,
                deadline != null ? deadline : slaDeadline, slaBreached, engagementId);
    }

    public RequestProgress slaWasBreached() {
        return new RequestProgress(status, architectId, architectName, slaDeadline, true, engagementId);
    }

    /** The engagement opened; its architect fills in when no assignment event has arrived yet. */
    public RequestProgress engagementOpened(String openedEngagementId, String engagementArchitectId,
            String engagementArchitectName) {
        boolean architectKnown = architectId != null;
        return new RequestProgress(status.advancedTo(RequestStatus.IN_PROGRESS),
                architectKnown ? architectId : engagementArchitectId,
                architectKnown ? architectName : engagementArchitectName,
                slaDeadline, slaBreached, openedEngagementId);
    }

    public RequestProgress engagementReassigned(String newArchitectId, String newArchitectName) {
        return new RequestProgress(status, newArchitectId, newArchitectName, slaDeadline, slaBreached, engagementId);
    }

    public RequestProgress completed(String completedEngagementId) {
        return new RequestProgress(status.advancedTo(RequestStatus.COMPLETED), architectId, architectName, slaDeadline,
                slaBreached, engagementId != null ? engagementId : completedEngagementId);
    }
}
