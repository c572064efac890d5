package io.fasttrack.flow.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventSamples;
import io.fasttrack.flow.events.EventType;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a consumer does with one poll's worth of records: which it applies, which it dead-letters, and when it
 * acknowledges the batch, both while the service runs and while it shuts down.
 */
class RecordBatchesTest {

    private static final Set<EventType> USED = Set.of(EventType.REQUEST_SUBMITTED, EventType.REQUEST_QUEUED,
            EventType.FTA_ASSIGNED);

    private final EventEnvelope<?> submitted = EventSamples.of(EventType.REQUEST_SUBMITTED);
    private final EventEnvelope<?> queued = EventSamples.of(EventType.REQUEST_QUEUED);
    private final EventEnvelope<?> assigned = EventSamples.of(EventType.FTA_ASSIGNED);
    private final FakeBatch batch = new FakeBatch();
    private final List<List<UUID>> applied = new ArrayList<>();

    @AfterEach
    void serviceRunsAgain() {
        RecordBatches.stopping(false);
    }

    @Test
    void aBatchThatAppliesIsAcknowledgedWithNothingDeadLettered() {
        batch.add(submitted).add(queued).add(assigned);

        CompletionStage<Void> outcome = RecordBatches.consume(batch.kafka(), USED, applyFailingOn(null));

        assertThat(applied).containsExactly(ids(submitted, queued, assigned));
        assertThat(batch.deadLettered).isEmpty();
        assertThat(batch.acknowledged).isTrue();
        assertThat(outcome.toCompletableFuture()).isDone();
    }

    @Test
    void whileTheServiceRunsOnlyTheEventThatFailsOnItsOwnIsDeadLettered() {
        batch.add(submitted).add(queued).add(assigned);

        CompletionStage<Void> outcome = RecordBatches.consume(batch.kafka(), USED, applyFailingOn(queued));

        assertThat(applied).containsExactly(ids(submitted), ids(assigned));
        assertThat(batch.deadLettered).containsExactly(1);
        assertThat(batch.acknowledged).isTrue();
        assertThat(outcome.toCompletableFuture()).isDone();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAloneAndTheOthersApplied() {
        batch.add(submitted).addRaw("not an event".getBytes(StandardCharsets.UTF_8)).add(assigned);

        RecordBatches.consume(batch.kafka(), USED, applyFailingOn(null));

        assertThat(applied).containsExactly(ids(submitted, assigned));
        assertThat(batch.deadLettered).containsExactly(1);
        assertThat(batch.acknowledged).isTrue();
    }

    @Test
    void aBatchThatFailsWhileTheServiceShutsDownIsNeitherDeadLetteredNorAcknowledged() {
        batch.add(submitted).add(queued).add(assigned);
        RecordBatches.stopping(true);

        CompletionStage<Void> outcome = RecordBatches.consume(batch.kafka(), USED, events -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        });

        assertThat(batch.deadLettered).as("valid events sent to the dead-letter topic").isEmpty();
        assertThat(batch.acknowledged).as("offsets committed for events never applied").isFalse();
        assertThat(outcome.toCompletableFuture()).as("the batch stays in flight until the consumer closes").isNotDone();
    }

    @Test
    void whenTheShutdownBeginsDuringTheOneAtATimeRetryTheRestIsLeftForTheRestart() {
        batch.add(submitted).add(queued).add(assigned);

        CompletionStage<Void> outcome = RecordBatches.consume(batch.kafka(), USED, events -> {
            if (events.size() > 1) {
                throw new IllegalStateException("a poisoned event somewhere in the batch");
            }
            if (!events.get(0).eventId().equals(submitted.eventId())) {
                throw new IllegalStateException("Producer closed");
            }
            applied.add(ids(events));
            // the stop begins once the first event has committed on its own
            RecordBatches.stopping(true);
        });

        assertThat(applied).as("the third event is not even tried").containsExactly(ids(submitted));
        assertThat(batch.deadLettered).isEmpty();
        assertThat(batch.acknowledged).isFalse();
        assertThat(outcome.toCompletableFuture()).isNotDone();
    }

    private Consumer<List<EventEnvelope<EventData>>> applyFailingOn(EventEnvelope<?> poisoned) {
        return events -> {
            if (poisoned != null && events.stream().anyMatch(event -> event.eventId().equals(poisoned.eventId()))) {
                throw new IllegalArgumentException("this event cannot be applied");
            }
            applied.add(ids(events));
        };
    }

    private static List<UUID> ids(EventEnvelope<?>... events) {
        return ids(List.of(events));
    }

    private static List<UUID> ids(List<? extends EventEnvelope<?>> events) {
        return events.stream().map(EventEnvelope::eventId).toList();
    }

    /** The connector's batch and records, keeping what the consumer did to them: positions nacked, batch acked. */
    private static final class FakeBatch {
        final List<KafkaRecord<String, byte[]>> records = new ArrayList<>();
        final List<Integer> deadLettered = new ArrayList<>();
        boolean acknowledged;

        FakeBatch add(EventEnvelope<?> event) {
            return addRaw(EventCodec.encode(event));
        }

        FakeBatch addRaw(byte[] payload) {
            int position = records.size();
            records.add(proxy(KafkaRecord.class, (method, args) -> switch (method) {
                case "getPayload" -> payload;
                case "getHeaders" -> new RecordHeaders();
                case "getMetadata" -> Optional.empty();
                case "nack" -> {
                    deadLettered.add(position);
                    yield CompletableFuture.completedFuture(null);
                }
                default -> throw new UnsupportedOperationException(method);
            }));
            return this;
        }

        KafkaRecordBatch<String, byte[]> kafka() {
            return proxy(KafkaRecordBatch.class, (method, args) -> switch (method) {
                case "getRecords" -> records;
                case "ack" -> {
                    acknowledged = true;
                    yield CompletableFuture.completedFuture(null);
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<?> type, Answer answer) {
            return (T) Proxy.newProxyInstance(RecordBatchesTest.class.getClassLoader(), new Class<?>[] {type},
                    (self, method, args) -> answer.to(method.getName(), args));
        }

        private interface Answer {
            Object to(String method, Object[] args);
        }
    }
}
