package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.store.RebuildHorizon;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells the FtaAssigned records a rebuild replays from those that are news. When a database that has applied
 * nothing yet starts against an assignments topic that already holds records, the projection is being rebuilt
 * ({@code deploy/local/replay}, a fresh group over an empty database): the end offset of each partition at that
 * moment is the rebuild horizon, and every record below it was announced when it happened, so it is applied
 * without a mail. The horizon is stored once per database ({@code rebuild_horizon}), so a restart in the middle of
 * the rebuild still knows where history ends; a database that applied events before keeps none.
 */
@ApplicationScoped
public class ReplayedHistory {

    /** Before reactive messaging starts the channels (its start-up observer has priority 1000), so no record is read first. */
    private static final int BEFORE_THE_CHANNELS_START = 900;
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(ReplayedHistory.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.incoming.assignments-in.topic")
    String topic;

    @Inject
    Clock clock;

    /** End offset per partition of the assignments topic; empty when this database rebuilt nothing. */
    private volatile Map<Integer, Long> horizon = Map.of();

    void decide(@Observes @Priority(BEFORE_THE_CHANNELS_START) StartupEvent start) {
        Map<Integer, Long> recorded = QuarkusTransaction.requiringNew().call(() -> RebuildHorizon.of(topic));
        if (!recorded.isEmpty() || !QuarkusTransaction.requiringNew().call(RebuildHorizon::nothingApplied)) {
            horizon = recorded;
            return;
        }
        Map<Integer, Long> endOffsets = endOffsets();
        QuarkusTransaction.requiringNew().run(() -> RebuildHorizon.record(topic, endOffsets, clock.instant()));
        horizon = endOffsets;
        long history = endOffsets.values().stream().mapToLong(Long::longValue).sum();
        if (history > 0) {
            LOG.infof("empty database, %d record(s) on %s: the projection is rebuilt from them without mailing anyone",
                    history, topic);
        }
    }

    /** Whether the event's record lies below the rebuild horizon: it was announced when it happened. */
    public boolean contains(BatchConsumer.Positioned event) {
        Long end = horizon.get(event.partition());
        return end != null && topic.equals(event.topic()) && event.offset() >= 0 && event.offset() < end;
    }

    private Map<Integer, Long> endOffsets() {
        try (Admin admin = Admin.create(kafkaConfig)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw new IllegalStateException("cannot read the end offsets of " + topic + " to start a rebuild", failed.getCause());
        } catch (TimeoutException late) {
            throw new IllegalStateException("the broker did not tell the end offsets of " + topic + " within "
                    + BROKER_TIMEOUT + "; an empty database cannot start before it knows where history ends", late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, interrupted);
        }
    }
}
