package io.fasttrack.flow.events.kafka;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Consumes one poll's worth of records. The events a channel uses are applied together (one transaction, one
 * wait for the acks of what they publish); if that fails they are applied one at a time, so only an event that
 * fails on its own is dead-lettered. A record that is not a readable event is dead-lettered alone, with the
 * reason, through the channel's failure strategy. A record whose {@code ce_type} header names a known type the
 * channel does not use is acknowledged without being decoded; a record without that header is always decoded.
 *
 * <p>Once the JVM has begun to shut down (SIGTERM: a stop, a rolling update), a failure says nothing about the
 * event: the database and the producers are closing under it. A batch that fails then is neither dead-lettered
 * nor acknowledged, so its offsets are not committed and the records come again after the restart, where the
 * processed-event ids make the part that did commit a no-op.
 *
 * <p>It lives with the contracts because it is the consuming half of them: which records a FastTrack consumer
 * must decode, what it dead-letters, and when it may acknowledge. Every service's inputs go through it.
 */
public final class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);
    /** The trace of each event being applied on this thread, by event id, for what it publishes to continue. */
    private static final ThreadLocal<Map<String, Context>> CAUSE_TRACES = new ThreadLocal<>();
    private static final Set<String> KNOWN_TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.toUnmodifiableSet());
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "record-batches-stopping"));
    }

    private RecordBatches() {
    }

    public static CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used,
            Consumer<List<EventEnvelope<EventData>>> apply) {
        Set<String> usedNames = used.stream().map(EventType::wireName).collect(Collectors.toSet());
        List<KafkaRecord<String, byte[]>> sources = new ArrayList<>();
        List<EventEnvelope<EventData>> events = new ArrayList<>();
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        Map<String, Context> traces = new HashMap<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            if (ignorable(record, usedNames)) {
                continue;
            }
            try {
                EventEnvelope<EventData> event = EventCodec.decode(record.getPayload());
                if (used.contains(event.eventType())) {
                    sources.add(record);
                    events.add(event);
                    record.getMetadata(TracingMetadata.class)
                            .ifPresent(trace -> traces.put(event.eventId().toString(), trace.getCurrentContext()));
                }
            } catch (RuntimeException unreadable) {
                deadLetters.add(record.nack(unreadable).toCompletableFuture());
            }
        }
        boolean settled = true;
        if (!events.isEmpty()) {
            CAUSE_TRACES.set(traces);
            try {
                settled = applyAll(events, sources, apply, deadLetters);
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

    /** Tells the consumers the JVM is shutting down; the shutdown hook does it, tests call it to act out a stop. */
    static void stopping(boolean stopping) {
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

    /**
     * Applies the events, dead-lettering those that fail on their own; returns false, leaving the rest unapplied,
     * when a failure comes while the JVM shuts down.
     */
    private static boolean applyAll(List<EventEnvelope<EventData>> events, List<KafkaRecord<String, byte[]>> sources,
            Consumer<List<EventEnvelope<EventData>>> apply, List<CompletableFuture<Void>> deadLetters) {
        try {
            apply.accept(events);
            return true;
        } catch (RuntimeException batchFailed) {
            if (STOPPING.get()) {
                return false;
            }
            LOG.warnf("a batch of %d events failed (%s): applying them one at a time", events.size(),
                    batchFailed.getMessage());
            for (int i = 0; i < events.size(); i++) {
                try {
                    apply.accept(List.of(events.get(i)));
                } catch (RuntimeException failed) {
                    if (STOPPING.get()) {
                        return false;
                    }
                    deadLetters.add(sources.get(i).nack(failed).toCompletableFuture());
                }
            }
            return true;
        }
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
