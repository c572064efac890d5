package io.fasttrack.flow.kit.messaging;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The one way a service applies what it consumes, a poll's worth of records at a time:
 * <ol>
 * <li>each record is decoded once; one that is not a readable event, or is dated more than
 * {@code fasttrack.events.max-clock-skew} ahead of the clock, is dead-lettered alone with the reason; a record
 * whose {@code ce_type} names a known type the channel does not use is skipped undecoded; a dead letter goes to
 * {@code <topic>.dlq} of the topic it was read from, so one channel may read several topics;</li>
 * <li>the events are applied together: in {@link #consume}, one transaction finds the ids applied before with one
 * query, hands the rest to the service's handler, records them, waits (bounded) for the acks of what the handler
 * published and commits; then the handler's after-commit actions run;</li>
 * <li>a failure is classed ({@link FailureClass}). A transient one (database unreachable, broker not
 * acknowledging, a lock timeout) is waited out with exponential backoff and the same events are applied again,
 * never dead-lettered. A permanent one makes the events go one at a time, so only the one at fault is
 * dead-lettered;</li>
 * <li>the batch is acknowledged once every dead letter is written.</li>
 * </ol>
 *
 * <p>Once the JVM has begun to shut down (SIGTERM: a stop, a rolling update), a failure says nothing about the
 * event: the database and the producers are closing under it. A batch that fails then is neither dead-lettered
 * nor acknowledged, so its offsets are not committed and the records come again after the restart, where the
 * processed-event ids make the part that did commit a no-op.
 */
@ApplicationScoped
public class BatchConsumer {

    /** Applies the events of a batch not applied before, in order, inside the kit's transaction. */
    @FunctionalInterface
    public interface Handler {
        void apply(List<EventEnvelope<EventData>> fresh, Effects effects);
    }

    /**
     * Like {@link Handler}, also told where each fresh event was read: for a service that tells history it
     * replays from new events by the record's offset.
     */
    @FunctionalInterface
    public interface PositionedHandler {
        void apply(List<Positioned> fresh, Effects effects);
    }

    /** An event and the topic, partition and offset (both -1 when unknown) of the record that carried it. */
    public record Positioned(EventEnvelope<EventData> event, String topic, int partition, long offset) {
    }

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    /** The trace of each event being applied on this thread, by event id, for what it publishes to continue. */
    private static final ThreadLocal<Map<String, Context>> CAUSE_TRACES = new ThreadLocal<>();
    private static final Set<String> KNOWN_TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.toUnmodifiableSet());
    private static final AtomicBoolean STOPPING = new AtomicBoolean();
    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "batch-consumer-stopping"));
    }

    private final KitSettings settings;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final BooleanSupplier databaseAnswers;
    private final MeterRegistry meters;

    @Inject
    BatchConsumer(KitSettings settings, ProcessedEvents processed, Clock clock, Instance<AgroalDataSource> dataSource,
            MeterRegistry meters) {
        this(settings, processed, clock, () -> answers(dataSource), meters);
    }

    BatchConsumer(KitSettings settings, ProcessedEvents processed, Clock clock, BooleanSupplier databaseAnswers,
            MeterRegistry meters) {
        this.settings = settings;
        this.processed = processed;
        this.clock = clock;
        this.databaseAnswers = databaseAnswers;
        this.meters = meters;
    }

    /** Consumes the batch through the standard transaction: processed-event check, handler, acks, commit, after-commit. */
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used, Handler handler) {
        return consumeWith(batch, used, events -> applyOnce(events, handler));
    }

    /** {@link #consume}, handing the handler each fresh event with the position of its record. */
    public CompletionStage<Void> consumePositioned(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used,
            PositionedHandler handler) {
        return consumeRead(batch, used, (events, positions) -> applyOnce(events,
                (fresh, effects) -> handler.apply(fresh.stream().map(event -> positions.get(event.eventId())).toList(),
                        effects)));
    }

    /**
     * Consumes the batch with the service's own transaction handling (a service whose state must change under a
     * lock of its own); decoding, failure classes, retries, dead letters and acknowledgement are the same.
     */
    public CompletionStage<Void> consumeWith(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used,
            Consumer<List<EventEnvelope<EventData>>> apply) {
        return consumeRead(batch, used, (events, positions) -> apply.accept(events));
    }

    /** Decodes, applies (with the position of each event's record at hand), dead-letters and acknowledges the batch. */
    private CompletionStage<Void> consumeRead(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used,
            BiConsumer<List<EventEnvelope<EventData>>, Map<UUID, Positioned>> apply) {
        Set<String> usedNames = used.stream().map(EventType::wireName).collect(Collectors.toSet());
        List<KafkaRecord<String, byte[]>> sources = new ArrayList<>();
        List<EventEnvelope<EventData>> events = new ArrayList<>();
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        Map<String, Context> traces = new HashMap<>();
        Map<UUID, Positioned> positions = new HashMap<>();
        Instant latestAccepted = clock.instant().plus(settings.maxClockSkew());
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            if (ignorable(record, usedNames)) {
                continue;
            }
            try {
                EventEnvelope<EventData> event = EventCodec.decode(record.getPayload());
                if (!used.contains(event.eventType())) {
                    continue;
                }
                if (event.occurredAt().isAfter(latestAccepted)) {
                    throw new InvalidEventException("occurredAt " + event.occurredAt() + " is more than "
                            + settings.maxClockSkew() + " ahead of this service's clock");
                }
                sources.add(record);
                events.add(event);
                positions.putIfAbsent(event.eventId(), positioned(event, record));
                record.getMetadata(TracingMetadata.class)
                        .ifPresent(trace -> traces.put(event.eventId().toString(), trace.getCurrentContext()));
            } catch (RuntimeException unreadable) {
                deadLetters.add(deadLetter(record, unreadable));
            }
        }
        boolean settled = true;
        if (!events.isEmpty()) {
            CAUSE_TRACES.set(traces);
            try {
                settled = applyAll(events, sources, some -> apply.accept(some, positions), deadLetters);
            } finally {
                CAUSE_TRACES.remove();
            }
        }
        // the dead letters are written before the batch's offsets may be committed
        CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).join();
        if (!settled) {
            LOG.infof("the service is stopping: a batch of %d events stays unacknowledged and comes again after the restart",
                    events.size());
            // never completed: a failed stage would dead-letter the whole batch through the failure strategy
            return new CompletableFuture<>();
        }
        return batch.ack();
    }

    /**
     * The application stops (a JVM shutdown, or a restart of Quarkus inside a test JVM): from now on a failure
     * says nothing about the events, as when the JVM's shutdown hook has run.
     */
    void applicationStopping(@Observes ShutdownEvent stop) {
        STOPPING.set(true);
    }

    /** The application (re)starts: failures say something about the events again. */
    void applicationStarting(@Observes StartupEvent start) {
        STOPPING.set(false);
    }

    /** Tells the consumers the JVM is shutting down; the shutdown hook does it, tests call it to act out a stop. */
    public static void stopping(boolean stopping) {
        STOPPING.set(stopping);
    }

    /**
     * The trace context in which the event {@code causeId} arrived, while a batch holding it is applied on this
     * thread: what it causes is published in that trace (W3C traceparent), so one request is one trace.
     */
    static Optional<Context> traceOfCause(String causeId) {
        Map<String, Context> traces = CAUSE_TRACES.get();
        return traces == null || causeId == null ? Optional.empty() : Optional.ofNullable(traces.get(causeId));
    }

    private void applyOnce(List<EventEnvelope<EventData>> events, Handler handler) {
        List<Runnable> afterCommit = QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> applied = processed.alreadyApplied(events.stream().map(EventEnvelope::eventId).toList());
            Map<UUID, EventEnvelope<EventData>> fresh = new LinkedHashMap<>();
            for (EventEnvelope<EventData> event : events) {
                if (!applied.contains(event.eventId())) {
                    fresh.putIfAbsent(event.eventId(), event);
                }
            }
            if (fresh.isEmpty()) {
                return List.<Runnable>of();
            }
            Effects effects = new Effects();
            handler.apply(List.copyOf(fresh.values()), effects);
            List<UUID> recorded = new ArrayList<>(fresh.keySet());
            recorded.addAll(effects.alsoApplied());
            processed.recordApplied(recorded, clock.instant());
            effects.awaitAcks(settings.ackTimeout());
            return effects.afterCommit();
        });
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException failed) {
                LOG.errorf("an after-commit action failed (%s at %s); what it does must recover on its own",
                        failed.getClass().getName(), failed.getStackTrace().length > 0 ? failed.getStackTrace()[0] : "?");
            }
        }
    }

    /**
     * Applies the events, dead-lettering those that fail permanently on their own; returns false, leaving the rest
     * unapplied, when the JVM shuts down.
     */
    private boolean applyAll(List<EventEnvelope<EventData>> events, List<KafkaRecord<String, byte[]>> sources,
            Consumer<List<EventEnvelope<EventData>>> apply, List<CompletableFuture<Void>> deadLetters) {
        String topic = sources.get(0).getTopic();
        Attempt batch = attempt(events, apply, topic);
        if (batch.stopped()) {
            return false;
        }
        if (batch.permanent() == null) {
            return true;
        }
        if (events.size() == 1) {
            deadLetters.add(deadLetter(sources.get(0), batch.permanent()));
            return true;
        }
        LOG.warnf("a batch of %d events from %s failed (%s): applying them one at a time", events.size(), topic,
                batch.permanent().getMessage());
        for (int i = 0; i < events.size(); i++) {
            Attempt single = attempt(List.of(events.get(i)), apply, topic);
            if (single.stopped()) {
                return false;
            }
            if (single.permanent() != null) {
                deadLetters.add(deadLetter(sources.get(i), single.permanent()));
            }
        }
        return true;
    }

    /** What came of applying some events: done, stopped by the shutdown, or a permanent failure. */
    private record Attempt(boolean stopped, RuntimeException permanent) {
        static final Attempt APPLIED = new Attempt(false, null);
        static final Attempt STOPPED = new Attempt(true, null);
    }

    /** Applies the events, waiting out transient failures with exponential backoff until they pass or the JVM stops. */
    private Attempt attempt(List<EventEnvelope<EventData>> events, Consumer<List<EventEnvelope<EventData>>> apply,
            String topic) {
        Duration backoff = settings.retryBackoff();
        for (int failures = 1;; failures++) {
            try {
                apply.accept(events);
                if (failures > 1) {
                    LOG.infof("%d event(s) from %s applied after %d transient failure(s)", events.size(), topic, failures - 1);
                }
                return Attempt.APPLIED;
            } catch (RuntimeException failure) {
                if (STOPPING.get()) {
                    return Attempt.STOPPED;
                }
                if (FailureClass.of(failure, databaseAnswers) == FailureClass.PERMANENT) {
                    return new Attempt(false, failure);
                }
                meters.counter("fasttrack.events.transient.failures", "topic", topic).increment();
                if (failures == 1 || failures % 10 == 0) {
                    LOG.warnf("%d event(s) from %s not applied: transient failure %d (%s: %s); retrying in %d ms",
                            events.size(), topic, failures, failure.getClass().getSimpleName(), failure.getMessage(),
                            backoff.toMillis());
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Attempt.STOPPED;
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean answers(Instance<AgroalDataSource> dataSource) {
        if (!dataSource.isResolvable()) {
            return true;
        }
        try (Connection connection = dataSource.get().getConnection()) {
            return connection.isValid(2);
        } catch (Exception unreachable) {
            return false;
        }
    }

    /**
     * Dead-letters the record to {@code <its topic>.dlq} with the reason, whichever topic of the channel it came
     * from: a channel may read several topics.
     */
    private static CompletableFuture<Void> deadLetter(KafkaRecord<String, byte[]> record, Throwable reason) {
        Metadata deadLetterTopic = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withTopic(record.getTopic() + DEAD_LETTER_SUFFIX).build());
        return record.nack(reason, deadLetterTopic).toCompletableFuture();
    }

    private static Positioned positioned(EventEnvelope<EventData> event, KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(read -> new Positioned(event, read.getTopic(), read.getPartition(), read.getOffset()))
                .orElseGet(() -> new Positioned(event, record.getTopic(), -1, -1));
    }

    private static boolean ignorable(KafkaRecord<String, byte[]> record, Set<String> usedNames) {
        Header type = record.getHeaders().lastHeader(EventHeaders.TYPE);
        if (type == null || type.value() == null) {
            return false;
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        return KNOWN_TYPES.contains(name) && !usedNames.contains(name);
    }
}
