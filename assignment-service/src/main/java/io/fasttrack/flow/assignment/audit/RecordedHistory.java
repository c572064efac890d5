package io.fasttrack.flow.assignment.audit;

import io.fasttrack.flow.assignment.domain.AssignmentRequest;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Outcome;
import io.fasttrack.flow.assignment.messaging.Snapshots;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.kit.messaging.TopicHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The log as the verifier reads it: the inputs by event id (requests and identified tenants, roster, engagements) and the recorded decisions
 * by event id (assignments), each read once from its beginning.
 */
final class RecordedHistory {

    final Map<UUID, EventEnvelope<EventData>> inputs = new HashMap<>();
    final Map<UUID, Outcome> decisions = new HashMap<>();
    /** Whether each recorded FtaAssigned was a manager's decision (it has decidedBy or moved the work). */
    final Map<UUID, Boolean> byManager = new HashMap<>();
    private final Map<String, RequestSubmitted> requests = new HashMap<>();

    static RecordedHistory read(String bootstrapServers, List<String> inputTopics, String assignmentsTopic) {
        RecordedHistory history = new RecordedHistory();
        for (String topic : inputTopics) {
            TopicHistory.read(bootstrapServers, topic, events -> events.forEach(history::addInput));
        }
        TopicHistory.read(bootstrapServers, assignmentsTopic, events -> events.forEach(history::addDecision));
        return history;
    }

    Optional<Outcome> decision(UUID eventId) {
        return Optional.ofNullable(decisions.get(eventId));
    }

    private void addInput(EventEnvelope<EventData> event) {
        inputs.putIfAbsent(event.eventId(), event);
        if (event.data() instanceof RequestSubmitted submitted) {
            requests.putIfAbsent(submitted.requestId(), submitted);
        }
    }

    private void addDecision(EventEnvelope<EventData> event) {
        if (event.data() instanceof FtaAssigned assigned) {
            Instant at = assigned.assignedAt() != null ? assigned.assignedAt() : event.occurredAt();
            decisions.putIfAbsent(event.eventId(), new Outcome(event.eventId(), assigned.requestId(), assigned.tenantId(),
                    assigned.architect().id(), assigned.decidingRule(), assigned.weight(), at, assigned.reassignedFrom(),
                    Snapshots.toRequest(assigned.request()), assigned.slaDeadline()));
            byManager.putIfAbsent(event.eventId(), assigned.decidedBy() != null || assigned.reassignedFrom() != null
                    || "MANAGER".equals(assigned.decidingRule()));
        } else if (event.data() instanceof RequestQueued queued) {
            RequestSubmitted submitted = requests.get(queued.requestId());
            AssignmentRequest request = submitted == null ? null : Snapshots.toRequest(submitted.snapshot());
            decisions.putIfAbsent(event.eventId(), new Outcome(event.eventId(), queued.requestId(), queued.tenantId(), null,
                    "QUEUE", queued.weight(), queued.queuedAt(), null, request, queued.slaDeadline()));
            byManager.putIfAbsent(event.eventId(), false);
        }
    }
}
