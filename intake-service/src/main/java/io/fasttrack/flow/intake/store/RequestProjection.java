package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.intake.domain.RequestProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps the request-status projection: applies each event at most once (by event id) in the same
 * transaction that records it as processed. Every write is an upsert, so events may come in any order
 * across topics, and replaying the topics into an empty database rebuilds the same rows.
 */
@ApplicationScoped
public class RequestProjection {

    /** What applying an event did. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        NOT_RELEVANT
    }

    private final EntityManager entityManager;
    private final Clock clock;

    RequestProjection(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Applies the events in order, all in one transaction; returns what each one did. */
    public List<Outcome> apply(List<EventEnvelope<EventData>> envelopes) {
        return ConflictRetry.inNewTransaction(() -> {
            List<Outcome> outcomes = new ArrayList<>(envelopes.size());
            for (EventEnvelope<EventData> envelope : envelopes) {
                outcomes.add(applyOnce(envelope));
            }
            entityManager.flush();
            return outcomes;
        });
    }

    private Outcome applyOnce(EventEnvelope<EventData> envelope) {
        if (!isRelevant(envelope.data())) {
            return Outcome.NOT_RELEVANT;
        }
        if (entityManager.find(ProcessedEvent.class, envelope.eventId()) != null) {
            return Outcome.DUPLICATE;
        }
        applyData(envelope.data(), envelope.occurredAt());
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = envelope.eventId();
        processed.processedAt = clock.instant();
        entityManager.persist(processed);
        return Outcome.APPLIED;
    }

    /**
     * Stores an accepted request right after the broker acknowledged its event, so a GET right after the 202
     * finds it; the requests-topic consumer would store the same row a moment later anyway.
     */
    public void recordAccepted(RequestSubmitted submitted) {
        ConflictRetry.inNewTransaction(() -> {
            recordSubmitted(submitted);
            entityManager.flush();
            return null;
        });
    }

    private static boolean isRelevant(EventData data) {
        return data instanceof RequestSubmitted || data instanceof RequestQueued || data instanceof FtaAssigned
                || data instanceof AssignmentSlaBreached || data instanceof EngagementOpened
                || data instanceof EngagementReassigned || data instanceof EngagementCompleted;
    }

    private void applyData(EventData data, Instant occurredAt) {
        if (data instanceof RequestSubmitted submitted) {
            recordSubmitted(submitted);
        } else if (data instanceof RequestQueued queued) {
            progress(queued.requestId(), queued.tenantId(), occurredAt, p -> p.queued(queued.slaDeadline()));
        } else if (data instanceof FtaAssigned assigned) {
            progress(assigned.requestId(), assigned.tenantId(), occurredAt,
                    p -> p.assigned(assigned.architect().id(), assigned.architect().name(), assigned.slaDeadline()));
        } else if (data instanceof AssignmentSlaBreached breached) {
            progress(breached.requestId(), breached.tenantId(), occurredAt, RequestProgress::slaWasBreached);
        } else if (data instanceof EngagementOpened opened) {
            String architectId = opened.architect() == null ? null : opened.architect().id();
            String architectName = opened.architect() == null ? null : opened.architect().name();
            progress(opened.requestId(), opened.tenantId(), occurredAt,
                    p -> p.engagementOpened(opened.engagementId(), architectId, architectName));
        } else if (data instanceof EngagementReassigned reassigned && reassigned.requestId() != null) {
            progress(reassigned.requestId(), reassigned.tenantId(), occurredAt,
                    p -> p.engagementReassigned(reassigned.toArchitect().id(), reassigned.toArchitect().name()));
        } else if (data instanceof EngagementCompleted completed) {
            progress(completed.requestId(), completed.tenantId(), occurredAt,
                    p -> p.completed(completed.engagementId()));
        }
    }

    private void recordSubmitted(RequestSubmitted submitted) {
        RequestRecord record = entityManager.find(RequestRecord.class, submitted.requestId());
        if (record == null) {
            record = RequestRecord.awaitingSubmission(submitted.requestId(), submitted.customer().tenantId(),
                    submitted.submittedAt());
            record.fillFrom(submitted);
            entityManager.persist(record);
        } else if (!record.isSubmitted()) {
            record.fillFrom(submitted);
        }
    }

    private void progress(String requestId, String tenantId, Instant occurredAt, UnaryOperator<RequestProgress> change) {
        RequestRecord record = entityManager.find(RequestRecord.class, requestId);
        if (record == null) {
            record = RequestRecord.awaitingSubmission(requestId, tenantId, occurredAt);
            entityManager.persist(record);
        }
        record.apply(change.apply(record.progress()), occurredAt);
    }
}
