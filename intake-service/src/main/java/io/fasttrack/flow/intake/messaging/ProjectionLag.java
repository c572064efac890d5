package io.fasttrack.flow.intake.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the projection has caught up with the log: the {@code events-in} consumer is at most one batch
 * ({@code fasttrack.consumer.max-poll-records}) behind the end of the partitions it reads, as its last fetches told
 * it (no call to the broker). While it is further behind (a rebuild, a restart after an outage) a request the
 * projection shows SUBMITTED or ASSIGNED may have moved on in events it has not applied yet.
 */
@ApplicationScoped
public class ProjectionLag {

    private static final String CHANNEL = "events-in";
    private static final Duration POLLING_THREAD_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientService kafka;
    private final int maxPollRecords;

    ProjectionLag(KafkaClientService kafka, @ConfigProperty(name = "fasttrack.consumer.max-poll-records") int maxPollRecords) {
        this.kafka = kafka;
        this.maxPollRecords = maxPollRecords;
    }

    /** False too while the consumer does not know its lag yet (no partitions assigned, no fetch answered). */
    public boolean caughtUp() {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(CHANNEL);
        if (consumer == null) {
            return false;
        }
        OptionalLong behind = consumer.runOnPollingThread(ProjectionLag::recordsBehind)
                .await().atMost(POLLING_THREAD_TIMEOUT);
        return behind.isPresent() && behind.getAsLong() <= maxPollRecords;
    }

    private static OptionalLong recordsBehind(Consumer<Object, Object> consumer) {
        Set<TopicPartition> partitions = consumer.assignment();
        if (partitions.isEmpty()) {
            return OptionalLong.empty();
        }
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty()) {
                return OptionalLong.empty();
            }
            behind += lag.getAsLong();
        }
        return OptionalLong.of(behind);
    }
}
