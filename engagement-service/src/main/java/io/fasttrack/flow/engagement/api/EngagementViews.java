package io.fasttrack.flow.engagement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the engagement endpoints answer with. */
public final class EngagementViews {

    private EngagementViews() {
    }

    public record Engagement(
            String id,
            String requestId,
            String tenantId,
            String architectId,
            String architectName,
            String teamManager,
            String requestType,
            String queue,
            List<String> workloads,
            String status,
            Instant openedAt,
            Instant completedAt,
            Instant lastStatusNoteAt,
            boolean stale,
            List<Task> tasks,
            List<StatusNote> statusNotes,
            List<Dibs> dibs,
            List<Holder> assignments,
            boolean reviewRequired,
            List<Review> reviews,
            List<Escalation> escalations) {
    }

    public record Summary(
            String id,
            String requestId,
            String tenantId,
            String architectId,
            String teamManager,
            String requestType,
            String status,
            Instant openedAt,
            Instant lastStatusNoteAt,
            boolean stale,
            int openEscalations) {
    }

    public record Task(String taskId, String name, boolean mandatory, String status, Instant dueAt, Instant completedAt,
            String completedBy) {
    }

    public record StatusNote(String author, String note, Instant addedAt) {
    }

    public record Dibs(String workload, LocalDate targetDate, String intent, String businessReason, String successOwner,
            Instant recordedAt) {
    }

    /** One review decision, in the order they were recorded; names no requestor. */
    public record Review(String decision, List<String> risks, String note, String decidedBy, Instant decidedAt) {
    }

    /** One escalation, {@code OPEN} or {@code RESOLVED}; names no requestor. */
    public record Escalation(String escalationId, String engagementId, String severity, String status, String blocker,
            String owner, String raisedBy, Instant raisedAt, String resolution, String resolvedBy, Instant resolvedAt) {
    }

    /** One architect who held the engagement, from the given time. */
    public record Holder(String architectId, String architectName, String teamManager, String reassignedFrom,
            Instant assignedAt) {
    }
}
