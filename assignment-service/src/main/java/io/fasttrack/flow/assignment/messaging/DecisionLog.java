package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.AssignmentSettings;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventDecodingException;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At startup, before any input is consumed, re-applies this service's own decisions from the assignments
 * topic (from its beginning to its current end). Decisions already in the database are skipped by event
 * id; decisions the database lacks (an empty store being rebuilt, or a crash between the broker's ack and
 * the commit) are applied as recorded, so the inputs replayed afterwards find their decision made and do
 * not decide again.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    @Inject
    AssignmentEngine engine;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fasttrack.topic.assignments")
    String assignmentsTopic;

    @Inject
    AssignmentSettings settings;

    void onStart(@Observes StartupEvent startup) {
        engine.load();
        Instant latestDecision = Instant.EPOCH;
        if (settings.replayDecisionsAtStartup()) {
            latestDecision = replay();
            LOG.infof("decision log %s re-applied; latest recorded decision at %s", assignmentsTopic, latestDecision);
        }
        engine.open(latestDecision);
    }

    Instant replay() {
        Instant latest = Instant.EPOCH;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(assignmentsTopic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(assignmentsTopic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<EventEnvelope<EventData>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        batch.add(EventCodec.decode(record.value()));
                    } catch (EventDecodingException unreadable) {
                        LOG.warnf("skipping unreadable record %s-%d@%d on the decision log: %s", record.topic(),
                                record.partition(), record.offset(), unreadable.getMessage());
                    }
                }
                for (EventEnvelope<EventData> recorded : batch) {
                    Instant decidedAt = decisionTime(recorded.data());
                    if (decidedAt != null && decidedAt.isAfter(latest)) {
                        latest = decidedAt;
                    }
                }
                engine.underGate(() -> {
                    batch.forEach(engine::applyRecorded);
                    return null;
                });
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
}
