package io.fasttrack.flow.testing;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A poll's worth of records as the Kafka connector hands them to a consumer, made without the broker: a test
 * decides exactly which records arrive together in one batch, and sees what was dead-lettered and acknowledged.
 */
public final class PolledBatch {

    private final String topic;
    private final List<KafkaRecord<String, byte[]>> records = new ArrayList<>();
    private final List<Integer> deadLettered = new ArrayList<>();
    private final List<String> deadLetterReasons = new ArrayList<>();
    private boolean acknowledged;

    private PolledBatch(String topic) {
        this.topic = topic;
    }

    public static PolledBatch on(String topic) {
        return new PolledBatch(topic);
    }

    public static PolledBatch of(String topic, List<? extends EventEnvelope<?>> events) {
        PolledBatch batch = on(topic);
        events.forEach(batch::add);
        return batch;
    }

    /** Adds the event as the next record, keyed by its subject. */
    public PolledBatch add(EventEnvelope<?> event) {
        return add(event.subject(), EventCodec.encode(event));
    }

    /** Adds a record with any payload: one that is not an event, say. */
    public PolledBatch addRaw(byte[] payload) {
        return add(null, payload);
    }

    /** The same records again, as a redelivery brings them, with nothing dead-lettered or acknowledged yet. */
    public PolledBatch again() {
        PolledBatch again = on(topic);
        records.forEach(record -> again.add(record.getKey(), record.getPayload()));
        return again;
    }

    public KafkaRecordBatch<String, byte[]> kafka() {
        return proxy(KafkaRecordBatch.class, (method, args) -> switch (method) {
            case "getRecords" -> records;
            case "ack" -> {
                acknowledged = true;
                yield CompletableFuture.completedFuture(null);
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }

    /** The positions of the dead-lettered records in the batch, in the order they were dead-lettered. */
    public List<Integer> deadLettered() {
        return deadLettered;
    }

    /** Why each dead-lettered record was refused, in the same order. */
    public List<String> deadLetterReasons() {
        return deadLetterReasons;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    private PolledBatch add(String key, byte[] payload) {
        int position = records.size();
        records.add(proxy(KafkaRecord.class, (method, args) -> switch (method) {
            case "getPayload" -> payload;
            case "getKey" -> key;
            case "getHeaders" -> new RecordHeaders();
            case "getTopic" -> topic;
            case "getPartition" -> 0;
            case "getOffset" -> (long) position;
            case "getMetadata" -> Optional.empty();
            case "nack" -> {
                deadLettered.add(position);
                deadLetterReasons.add(((Throwable) args[0]).getMessage());
                yield CompletableFuture.completedFuture(null);
            }
            default -> throw new UnsupportedOperationException(method);
        }));
        return this;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(PolledBatch.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.apply(method.getName(), args));
    }
}
