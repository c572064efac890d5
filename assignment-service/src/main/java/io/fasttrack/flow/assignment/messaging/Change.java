package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.store.ChangeRows;
import io.fasttrack.flow.assignment.store.DecisionJournal;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * One change of the decision state (DecisionGate), in one transaction: the rows it reads and writes, the events it publishes
 * (their acks awaited once, bounded), and the event ids it applied or caused (recorded in one JDBC batch), so
 * that applying them again is a no-op.
 */
final class Change {

    final ChangeRows rows = new ChangeRows();
    final Journal journal = new Journal();
    private final ProcessedEvents processed;
    private final DecisionJournal decisionJournal;
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Set<UUID> applied = new LinkedHashSet<>();

    Change(ProcessedEvents processed, DecisionJournal decisionJournal) {
        this.processed = processed;
        this.decisionJournal = decisionJournal;
    }

    /** The events not applied before, each once and in order: one query for the whole batch. */
    List<EventEnvelope<EventData>> fresh(List<EventEnvelope<EventData>> events) {
        Map<UUID, EventEnvelope<EventData>> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
        distinct.keySet().removeAll(processed.alreadyApplied(distinct.keySet()));
        applied.addAll(distinct.keySet());
        return List.copyOf(distinct.values());
    }

    /** Marks an event this change caused (and applied) or settled otherwise, so its copy changes nothing. */
    void applied(UUID eventId) {
        applied.add(eventId);
    }

    /** An envelope this change published and its acknowledgement (which may come after the change gave up on it). */
    record Sent(EventEnvelope<?> envelope, CompletableFuture<Void> ack) {
    }

    /** Publishes the envelope now; the change commits only once the broker acknowledged it. */
    void publish(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> envelope) {
        CompletableFuture<Void> ack = EnvelopeSends.send(emitter, envelope);
        acks.add(ack);
        sent.add(new Sent(envelope, ack));
    }

    /** What this change published, in order. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** A send made elsewhere (a dead letter) that must be acknowledged before the change commits. */
    void awaitBeforeCommit(CompletableFuture<Void> ack) {
        acks.add(ack);
    }

    /**
     * Writes what the change holds (its new rows, then one flush in JDBC batches, then the applied ids) while the
     * broker acknowledges what it published, then waits for those acks, at most {@code ackTimeout}.
     *
     * @throws io.fasttrack.flow.kit.messaging.TransientFailure when the broker did not acknowledge in time
     */
    void write(Instant at, Duration ackTimeout) {
        rows.write();
        processed.recordApplied(applied, at);
        decisionJournal.append(journal.entries);
        Effects.awaitAll(acks, ackTimeout);
    }

    /** What this change applied, in order, for the decision journal. */
    static final class Journal {

        private final List<DecisionJournal.Entry> entries = new ArrayList<>();

        void input(UUID eventId) {
            entries.add(new DecisionJournal.Entry(0, DecisionJournal.Kind.INPUT, eventId, null));
        }

        void inputServingTheQueue(UUID eventId, Instant at) {
            entries.add(new DecisionJournal.Entry(0, DecisionJournal.Kind.INPUT_SERVING_THE_QUEUE, eventId, at));
        }

        void sweep(Instant at) {
            entries.add(new DecisionJournal.Entry(0, DecisionJournal.Kind.SWEEP, null, at));
        }

        void managersDecision(UUID eventId) {
            entries.add(new DecisionJournal.Entry(0, DecisionJournal.Kind.MANAGER, eventId, null));
        }

        void recorded(UUID eventId) {
            entries.add(new DecisionJournal.Entry(0, DecisionJournal.Kind.RECORDED, eventId, null));
        }
    }
}
