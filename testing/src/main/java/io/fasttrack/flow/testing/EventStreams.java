package io.fasttrack.flow.testing;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.kafka.EventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Publishes events and raw records to the test broker, and reads topics from the beginning, the way
 * an operator would: what arrived, with its key and headers.
 */
public final class EventStreams {

    private final String bootstrap;

    public EventStreams() {
        this(InJvmKafkaBroker.bootstrapServers());
    }

    public EventStreams(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Publishes an event as a service would: keyed by its subject, envelope headers set by the serializer. */
    public void publish(String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.subject(), null);
        byte[] value = new EventSerializer().serialize(topic, record.headers(), envelope);
        send(new ProducerRecord<>(topic, null, envelope.subject(), value, record.headers()));
    }

    /** Publishes arbitrary bytes, e.g. a poisoned record. */
    public void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e.getCause());
        }
    }

    /** Every record on the topic so far. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Every event on the topic so far that can be decoded, in partition order. */
    public List<EventEnvelope<EventData>> events(String topic) {
        return records(topic).stream()
                .map(record -> {
                    try {
                        return EventCodec.decode(record.value());
                    } catch (RuntimeException notAnEvent) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toList());
    }

    /** Every event of the given payload type on the topic so far. */
    public <D extends EventData> List<D> events(String topic, Class<D> type) {
        return events(topic).stream().map(EventEnvelope::data).filter(type::isInstance).map(type::cast)
                .collect(Collectors.toList());
    }

    /** Waits until at least {@code count} payloads of the type that match the filter are on the topic. */
    public <D extends EventData> List<D> await(String topic, Class<D> type, Predicate<D> filter, int count, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> events(topic, type).stream().filter(filter).collect(Collectors.toList()),
                        found -> found.size() >= count);
    }

    /** Waits until a raw record matching the filter is on the topic. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> filter, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> records(topic).stream().filter(filter).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }
}
