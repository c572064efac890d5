package io.fasttrack.flow.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventSamples;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.testing.PolledBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a consumer does with one poll's worth of records: which it applies, which it dead-letters, and when it
 * acknowledges the batch, both while the service runs and while it shuts down.
 */
class BatchConsumerTest {

    private static final Set<EventType> USED = Set.of(EventType.REQUEST_SUBMITTED, EventType.REQUEST_QUEUED,
            EventType.FTA_ASSIGNED);

    private final EventEnvelope<?> submitted = EventSamples.of(EventType.REQUEST_SUBMITTED);
    private final EventEnvelope<?> queued = EventSamples.of(EventType.REQUEST_QUEUED);
    private final EventEnvelope<?> assigned = EventSamples.of(EventType.FTA_ASSIGNED);
    private final PolledBatch batch = PolledBatch.on("fasttrack.test");
    private final List<List<UUID>> applied = new ArrayList<>();
    private final AtomicBoolean databaseAnswers = new AtomicBoolean(true);
    private final BatchConsumer consumer = new BatchConsumer(new QuickRetries(), null,
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), databaseAnswers::get,
            new SimpleMeterRegistry());

    @AfterEach
    void serviceRunsAgain() {
        BatchConsumer.stopping(false);
    }

    @Test
    void aBatchThatAppliesIsAcknowledgedWithNothingDeadLettered() {
        batch.add(submitted).add(queued).add(assigned);

        CompletionStage<Void> outcome = consumer.consumeWith(batch.kafka(), USED, applyFailingOn(null));

        assertThat(applied).containsExactly(ids(submitted, queued, assigned));
        assertThat(batch.deadLettered()).isEmpty();
        assertThat(batch.acknowledged()).isTrue();
        assertThat(outcome.toCompletableFuture()).isDone();
    }

    @Test
    void whileTheServiceRunsOnlyTheEventThatFailsOnItsOwnIsDeadLettered() {
        batch.add(submitted).add(queued).add(assigned);

        CompletionStage<Void> outcome = consumer.consumeWith(batch.kafka(), USED, applyFailingOn(queued));

        assertThat(applied).containsExactly(ids(submitted), ids(assigned));
        assertThat(batch.deadLettered()).containsExactly(1);
        assertThat(batch.acknowledged()).isTrue();
        assertThat(outcome.toCompletableFuture()).isDone();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAloneAndTheOthersApplied() {
        batch.add(submitted).addRaw("not an event".getBytes(StandardCharsets.UTF_8)).add(assigned);

        consumer.consumeWith(batch.kafka(), USED, applyFailingOn(null));

        assertThat(applied).containsExactly(ids(submitted, assigned));
        assertThat(batch.deadLettered()).containsExactly(1);
        assertThat(batch.acknowledged()).isTrue();
    }

    @Test
    void aBatchThatFailsWhileTheServiceShutsDownIsNeitherDeadLetteredNorAcknowledged() {
        batch.add(submitted).add(queued).add(assigned);
        BatchConsumer.stopping(true);

        CompletionStage<Void> outcome = consumer.consumeWith(batch.kafka(), USED, events -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        });

        assertThat(batch.deadLettered()).as("valid events sent to the dead-letter topic").isEmpty();
        assertThat(batch.acknowledged()).as("offsets committed for events never applied").isFalse();
        assertThat(outcome.toCompletableFuture()).as("the batch stays in flight until the consumer closes").isNotDone();
    }

    @Test
    void whenTheShutdownBeginsDuringTheOneAtATimeRetryTheRestIsLeftForTheRestart() {
        batch.add(submitted).add(queued).add(assigned);

        CompletionStage<Void> outcome = consumer.consumeWith(batch.kafka(), USED, events -> {
            if (events.size() > 1) {
                throw new IllegalStateException("a poisoned event somewhere in the batch");
            }
            if (!events.get(0).eventId().equals(submitted.eventId())) {
                throw new IllegalStateException("Producer closed");
            }
            applied.add(ids(events));
            // the stop begins once the first event has committed on its own
            BatchConsumer.stopping(true);
        });

        assertThat(applied).as("the third event is not even tried").containsExactly(ids(submitted));
        assertThat(batch.deadLettered()).isEmpty();
        assertThat(batch.acknowledged()).isFalse();
        assertThat(outcome.toCompletableFuture()).isNotDone();
    }

    @Test
    void aTransientFailureIsWaitedOutAndTheSameEventsAppliedOnceItPasses() {
        batch.add(submitted).add(queued).add(assigned);
        AtomicInteger outages = new AtomicInteger(3);

        CompletionStage<Void> outcome = consumer.consumeWith(batch.kafka(), USED, events -> {
            if (outages.getAndDecrement() > 0) {
                throw new IllegalStateException("cannot write",
                        new SQLException("Connection refused", "08001"));
            }
            applied.add(ids(events));
        });

        assertThat(applied).as("the whole batch, once, after the outage").containsExactly(ids(submitted, queued, assigned));
        assertThat(batch.deadLettered()).isEmpty();
        assertThat(batch.acknowledged()).isTrue();
        assertThat(outcome.toCompletableFuture()).isDone();
    }

    @Test
    void aBrokerThatDoesNotAcknowledgeIsWaitedOutNotDeadLettered() {
        batch.add(submitted);
        AtomicInteger silences = new AtomicInteger(2);

        consumer.consumeWith(batch.kafka(), USED, events -> {
            if (silences.getAndDecrement() > 0) {
                Effects.awaitAll(List.of(new CompletableFuture<>()), Duration.ofMillis(5));
            }
            applied.add(ids(events));
        });

        assertThat(applied).containsExactly(ids(submitted));
        assertThat(batch.deadLettered()).isEmpty();
        assertThat(batch.acknowledged()).isTrue();
    }

    @Test
    void anUnexpectedFailureWhileTheDatabaseDoesNotAnswerIsTransient() {
        batch.add(submitted).add(queued);
        AtomicInteger failures = new AtomicInteger();
        databaseAnswers.set(false);

        consumer.consumeWith(batch.kafka(), USED, events -> {
            if (failures.incrementAndGet() <= 2) {
                throw new IllegalStateException("Acquisition timeout while waiting for new connection");
            }
            applied.add(ids(events));
        });

        assertThat(failures).hasValue(3);
        assertThat(applied).containsExactly(ids(submitted, queued));
        assertThat(batch.deadLettered()).isEmpty();
    }

    @Test
    void anEventDatedFarAheadOfTheClockIsDeadLetteredAndTheOthersApplied() {
        EventEnvelope<?> farAhead = new EventEnvelope<>(UUID.randomUUID(), queued.type(), queued.version(),
                Instant.parse("2999-01-01T00:00:00Z"), queued.source(), queued.subject(), queued.correlationId(),
                queued.causationId(), queued.data());
        EventEnvelope<?> slightlyAhead = new EventEnvelope<>(UUID.randomUUID(), queued.type(), queued.version(),
                Instant.parse("2026-12-01T10:04:00Z"), queued.source(), queued.subject(), queued.correlationId(),
                queued.causationId(), queued.data());
        batch.add(submitted).add(farAhead).add(slightlyAhead);

        consumer.consumeWith(batch.kafka(), USED, applyFailingOn(null));

        assertThat(applied).containsExactly(ids(submitted, slightlyAhead));
        assertThat(batch.deadLettered()).containsExactly(1);
        assertThat(batch.deadLetterReasons()).singleElement().asString().contains("ahead of this service's clock");
        assertThat(batch.acknowledged()).isTrue();
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        batch.add(submitted);
        AtomicInteger tries = new AtomicInteger();

        consumer.consumeWith(batch.kafka(), USED, events -> {
            tries.incrementAndGet();
            throw new InvalidEventException("FtaAssigned names no architect");
        });

        assertThat(tries).hasValue(1);
        assertThat(batch.deadLettered()).containsExactly(0);
        assertThat(batch.deadLetterReasons()).singleElement().asString().contains("names no architect");
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

    /** Backoffs of a millisecond, so a test of waiting out a failure takes no time. */
    private static final class QuickRetries implements KitSettings {
        @Override
        public Duration ackTimeout() {
            return Duration.ofMillis(5);
        }

        @Override
        public Duration maxClockSkew() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxRetryBackoff() {
            return Duration.ofMillis(2);
        }
    }
}
