package io.fasttrack.flow.assignment.audit;

import io.fasttrack.flow.assignment.domain.AssignmentRequest;
import io.fasttrack.flow.assignment.domain.HistoryReplay;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Step;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.messaging.InputChecks;
import io.fasttrack.flow.assignment.messaging.Snapshots;
import io.fasttrack.flow.assignment.store.DecisionJournal;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.RequestSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The log as the decider applied it: what was recorded (read from the topics) and, in the order of the decision
 * journal, each step the decider took on it. The verifier re-decides these steps; a simulation decides them again
 * under other assumptions.
 */
@ApplicationScoped
class LoggedHistory {

    static final int JOURNAL_PAGE = 10_000;

    @Inject
    SlaPolicy sla;

    @Inject
    DecisionJournal journal;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fasttrack.topic.requests")
    String requestsTopic;

    @ConfigProperty(name = "fasttrack.topic.roster")
    String rosterTopic;

    @ConfigProperty(name = "fasttrack.topic.engagements")
    String engagementsTopic;

    @ConfigProperty(name = "fasttrack.topic.assignments")
    String assignmentsTopic;

    /** Every input and recorded decision, each topic read once from its beginning. */
    RecordedHistory read() {
        return RecordedHistory.read(bootstrapServers, List.of(requestsTopic, rosterTopic, engagementsTopic), assignmentsTopic);
    }

    /** Hands each journalled step of the history to {@code each}, in the order the decider took them. */
    void steps(RecordedHistory history, Consumer<Step> each) {
        long after = 0;
        List<DecisionJournal.Entry> page;
        do {
            page = journal.after(after, JOURNAL_PAGE);
            for (DecisionJournal.Entry entry : page) {
                step(history, entry).ifPresent(each);
                after = entry.seq();
            }
        } while (page.size() == JOURNAL_PAGE);
    }

    private Optional<Step> step(RecordedHistory history, DecisionJournal.Entry entry) {
        boolean serves = entry.kind() == DecisionJournal.Kind.INPUT_SERVING_THE_QUEUE;
        switch (entry.kind()) {
            case SWEEP:
                return Optional.of(new HistoryReplay.Sweep(entry.at()));
            case MANAGER:
            case RECORDED:
                return history.decision(entry.eventId()).map(HistoryReplay.AsRecorded::new);
            default:
                break;
        }
        EventEnvelope<EventData> input = history.inputs.get(entry.eventId());
        if (input == null) {
            return Optional.empty();
        }
        if (input.data() instanceof RequestSubmitted submitted) {
            RequestSnapshot snapshot = submitted.snapshot();
            AssignmentRequest request = Snapshots.toRequest(snapshot);
            ZoneId zone = Snapshots.zoneOf(snapshot.timeZone());
            return Optional.of(new HistoryReplay.Arrival(input.eventId(), request, submitted.submittedAt(),
                    sla.deadline(submitted.submittedAt(), snapshot.region(), zone), zone));
        }
        if (input.data() instanceof ArchitectRegistered registered) {
            return Optional.of(new HistoryReplay.RosterChange(input.eventId(),
                    Snapshots.toArchitect(registered.architect()), input.occurredAt(), serves));
        }
        if (input.data() instanceof ArchitectUpdated updated) {
            return Optional.of(new HistoryReplay.RosterChange(input.eventId(), Snapshots.toArchitect(updated.architect()),
                    input.occurredAt(), serves));
        }
        if (input.data() instanceof EngagementCompleted completed) {
            return Optional.of(new HistoryReplay.Completion(input.eventId(), completed.requestId(),
                    InputChecks.decisionTime(input), serves));
        }
        if (input.data() instanceof TenantIdentified identified) {
            return Optional.of(new HistoryReplay.Identification(identified.placeholderId(), identified.tenantId()));
        }
        return Optional.empty();
    }
}
