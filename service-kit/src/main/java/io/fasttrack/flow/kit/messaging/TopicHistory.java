package io.fasttrack.flow.kit.messaging;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventDecodingException;
import io.fasttrack.flow.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic's history from its beginning to its end as of the call, read outside any consumer group with a plain
 * consumer (read_committed): for a use case that looks back over the log (re-deciding history, a rebuild). A record
 * that is not a readable event is counted and skipped: the consumers that own the topic dead-letter it.
 */
public final class TopicHistory {

    private TopicHistory() {
    }

    /** What a read found besides the events it handed over. */
    public record Read(long events, long unreadable) {
    }

    /** Hands the events over one poll at a time, in partition order within each partition. */
    public static Read read(String bootstrapServers, String topic, Consumer<List<EventEnvelope<EventData>>> perPoll) {
        long events = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                List<EventEnvelope<EventData>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        batch.add(EventCodec.decode(record.value()));
                    } catch (EventDecodingException notAnEvent) {
                        unreadable++;
                    }
                }
                events += batch.size();
                perPoll.accept(batch);
            }
        }
        return new Read(events, unreadable);
    }
}
