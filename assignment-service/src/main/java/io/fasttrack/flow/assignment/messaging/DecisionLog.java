package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.AssignmentSettings;
import io.fasttrack.flow.assignment.domain.DecidingRule;
import io.fasttrack.flow.assignment.store.AssignmentEntity;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.AssignmentSlaAtRisk;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventDecodingException;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import io.fasttrack.flow.kit.messaging.KitSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When this instance starts deciding (it took the decider lease), before any input is consumed, re-applies this service's own decisions from the assignments
 * topic (from its beginning to its current end). Decisions already in the database are skipped by event
 * id; decisions the database lacks (an empty store being rebuilt, or a crash between the broker's ack and
 * the commit) are applied as recorded, so the inputs replayed afterwards find their decision made and do
 * not decide again. A record that is not a readable event, or a decision that cannot be applied (no
 * architect, a date ahead of the clock), is skipped and dead-lettered with the reason: the service starts.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    @Inject
    DecisionGate gate;

    @Inject
    DecisionRecords records;

    @Inject
    AssignmentSettings settings;

    @Inject
    KitSettings events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fasttrack.topic.assignments")
    String assignmentsTopic;

    /** Once this instance holds the decider lease, before its channels consume anything (see DeciderElection). */
    void onStart(@Observes DeciderElected elected) {
        gate.load();
        Instant latestDecision = Instant.EPOCH;
        if (settings.replayDecisionsAtStartup()) {
            latestDecision = replay();
            LOG.infof("decision log %s re-applied; latest recorded decision at %s", assignmentsTopic, latestDecision);
        }
        gate.open(latestDecision);
    }

    /** Re-applies the log, one poll per change; returns the time of the latest decision it holds. */
    Instant replay() {
        Instant latest = Instant.EPOCH;
        Instant latestAccepted = gate.horizon().latest();
        // the replay reads with a plain consumer before any channel runs, so no channel's dead-letter strategy
        // applies: a plain producer writes its dead letters, as the channels' strategy does
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
                DeadLetters deadLetters = new DeadLetters()) {
            List<TopicPartition> partitions = consumer.partitionsFor(assignmentsTopic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(assignmentsTopic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<EventEnvelope<EventData>> batch = new ArrayList<>();
                Map<UUID, ConsumerRecord<String, byte[]>> sources = new HashMap<>();
                List<CompletableFuture<Void>> unreadable = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        EventEnvelope<EventData> recorded = EventCodec.decode(record.value());
                        batch.add(recorded);
                        sources.putIfAbsent(recorded.eventId(), record);
                    } catch (EventDecodingException notAnEvent) {
                        LOG.warnf("skipping unreadable record %s-%d@%d of the decision log: %s", record.topic(),
                                record.partition(), record.offset(), notAnEvent.getMessage());
                        unreadable.add(deadLetters.send(record, notAnEvent));
                    }
                }
                for (EventEnvelope<EventData> recorded : batch) {
                    Instant decidedAt = decisionTime(recorded.data());
                    if (decidedAt != null && decidedAt.isAfter(latest) && !decidedAt.isAfter(latestAccepted)) {
                        latest = decidedAt;
                    }
                }
                applyRecorded(batch, (refused, reason) -> deadLetters.send(sources.get(refused.eventId()), reason));
                Effects.awaitAll(unreadable, events.ackTimeout());
            }
        }
        return latest;
    }

    private static Instant decisionTime(EventData data) {
        if (data instanceof FtaAssigned assigned) {
            return assigned.assignedAt();
        }
        return data instanceof RequestQueued queued ? queued.queuedAt() : null;
    }

    /**
     * Re-applies decisions read from this service's own assignments topic, in one change: the log is the record
     * of what was decided, so a decision found there is applied as it stands and never decided again. A record
     * that cannot be applied (no architect, a date ahead of the clock) is handed to {@code deadLetter}, whose
     * send is acknowledged before the change commits; it is then recorded as handled, so it is dead-lettered once.
     */
    void applyRecorded(List<EventEnvelope<EventData>> recorded,
            BiFunction<EventEnvelope<EventData>, InvalidEventException, CompletableFuture<Void>> deadLetter) {
        gate.underGate(change -> {
            InputChecks.Horizon horizon = gate.horizon();
            List<EventEnvelope<EventData>> valid = new ArrayList<>();
            for (EventEnvelope<EventData> decision : change.fresh(recorded)) {
                try {
                    InputChecks.checkRecorded(decision, horizon);
                    valid.add(decision);
                } catch (InvalidEventException refused) {
                    LOG.warnf("skipping decision %s of the decision log: %s", decision.eventId(), refused.getMessage());
                    change.awaitBeforeCommit(deadLetter.apply(decision, refused));
                }
            }
            List<String> requestIds = valid.stream().map(decision -> recordedRequestId(decision.data()))
                    .filter(Objects::nonNull).toList();
            change.rows.readAssignments(requestIds);
            change.rows.readQueued(requestIds);
            valid.forEach(decision -> applyRecorded(change, decision));
            return null;
        });
    }

    /** Whether the event is one of this service's decisions, as the log records them. */
    static boolean isDecision(EventData data) {
        return recordedRequestId(data) != null;
    }

    private static String recordedRequestId(EventData data) {
        if (data instanceof FtaAssigned assigned) {
            return assigned.requestId();
        }
        if (data instanceof RequestQueued queued) {
            return queued.requestId();
        }
        if (data instanceof AssignmentSlaAtRisk warning) {
            return warning.requestId();
        }
        return data instanceof AssignmentSlaBreached breach ? breach.requestId() : null;
    }

    private void applyRecorded(Change change, EventEnvelope<EventData> recorded) {
        if (recorded.data() instanceof FtaAssigned assigned) {
            applyRecordedAssignment(change, recorded, assigned);
        } else if (recorded.data() instanceof RequestQueued queued) {
            if (change.rows.assignment(queued.requestId()).isEmpty() && change.rows.queued(queued.requestId()).isEmpty()) {
                QueuedRequestEntity row = new QueuedRequestEntity();
                row.requestId = queued.requestId();
                row.tenantId = queued.tenantId();
                row.role = queued.role().name();
                row.weight = queued.weight();
                row.slaDeadline = queued.slaDeadline();
                row.queuedAt = queued.queuedAt();
                row.queuedEventId = recorded.eventId();
                row.decision = StoredJson.write(new DecisionRecord(queued.requestId(), queued.tenantId(), "QUEUED", null,
                        DecidingRule.QUEUE.name(), queued.role(), queued.weight(), queued.slaDeadline(), queued.queuedAt(),
                        null, null, recorded.eventId(), queued.reason(), queued.candidates(),
                        DecisionRecord.byReason(queued.excludedCounts()), null));
                change.rows.queue(row);
                change.journal.recorded(recorded.eventId());
            }
        } else if (recorded.data() instanceof AssignmentSlaBreached breach) {
            change.rows.queued(breach.requestId()).ifPresent(row -> row.slaBreached = true);
        } else if (recorded.data() instanceof AssignmentSlaAtRisk warning) {
            change.rows.queued(warning.requestId()).ifPresent(row -> row.slaAtRisk = true);
        }
    }

    private void applyRecordedAssignment(Change change, EventEnvelope<EventData> recorded, FtaAssigned assigned) {
        Optional<AssignmentEntity> existing = change.rows.assignment(assigned.requestId());
        Instant at = assigned.assignedAt() != null ? assigned.assignedAt() : recorded.occurredAt();
        if (existing.isPresent() && (!existing.get().open || existing.get().architectId.equals(assigned.architect().id()))) {
            return;
        }
        if (existing.isPresent()) {
            gate.balancer().release(assigned.requestId());
        }
        change.rows.queued(assigned.requestId()).ifPresent(change.rows::dequeue);
        gate.balancer().assign(assigned.requestId(), assigned.architect().id(), assigned.tenantId(), assigned.weight(), at);
        change.journal.recorded(recorded.eventId());
        DecisionRecord record = new DecisionRecord(assigned.requestId(), assigned.tenantId(), "ASSIGNED", assigned.architect(),
                assigned.decidingRule(), assigned.architect().role(), assigned.weight(), assigned.slaDeadline(), at,
                assigned.reassignedFrom(), assigned.decidedBy(), recorded.eventId(), assigned.reason(), assigned.candidates(),
                DecisionRecord.byReason(assigned.excludedCounts()), assigned.request());
        records.saveAssignment(change, existing.orElseGet(() -> change.rows.newAssignment(assigned.requestId())), record);
    }

    /**
     * Writes refused records of the decision log to its dead-letter topic, key, value and headers as they were,
     * with the headers the channels' dead-letter strategy adds (reason, topic, partition, offset); the producer
     * is made on the first refusal.
     */
    private final class DeadLetters implements AutoCloseable {

        private KafkaProducer<String, byte[]> producer;

        CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
            if (producer == null) {
                producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
            }
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + Topic.DEAD_LETTER_SUFFIX, null,
                    record.key(), record.value(), new RecordHeaders(record.headers().toArray()));
            header(dead, "dead-letter-reason", String.valueOf(reason.getMessage()));
            header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
            header(dead, "dead-letter-topic", record.topic());
            header(dead, "dead-letter-partition", Integer.toString(record.partition()));
            header(dead, "dead-letter-offset", Long.toString(record.offset()));
            CompletableFuture<Void> written = new CompletableFuture<>();
            producer.send(dead, (metadata, failure) -> {
                if (failure == null) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(failure);
                }
            });
            return written;
        }

        private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
            record.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            if (producer != null) {
                producer.close();
            }
        }
    }
}
