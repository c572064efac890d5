package io.fasttrack.flow.health;

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
 * decides exactly which events arrive together in one batch, and sees what was dead-lettered and acknowledged.
 */
public final class PolledBatch {

    private final List<KafkaRecord<String, byte[]>> records = new ArrayList<>();
    private final List<String> deadLetterReasons = new ArrayList<>();
    private boolean acknowledged;

    private PolledBatch(String topic, List<? extends EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            byte[] payload = EventCodec.encode(event);
            long offset = records.size();
            records.add(proxy(KafkaRecord.class, (method, args) -> switch (method) {
                case "getPayload" -> payload;
                case "getKey" -> event.subject();
                case "getHeaders" -> new RecordHeaders();
                case "getTopic" -> topic;
                case "getPartition" -> 0;
                case "getOffset" -> offset;
                case "getMetadata" -> Optional.empty();
                case "nack" -> {
                    deadLetterReasons.add(((Throwable) args[0]).getMessage());
                    yield CompletableFuture.completedFuture(null);
                }
                default -> throw new UnsupportedOperationException(method);
            }));
        }
    }

    public static PolledBatch of(String topic, List<? extends EventEnvelope<?>> events) {
        return new PolledBatch(topic, events);
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

    /** Why each dead-lettered record was refused, in record order. */
    public List<String> deadLetterReasons() {
        return deadLetterReasons;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(PolledBatch.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.apply(method.getName(), args));
    }
}
