package io.fasttrack.flow.events.kafka;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * <p>It lives with the contracts because it is the consuming half of them: which records a FastTrack consumer
 * must decode, what it dead-letters, and when it may acknowledge. Every service's inputs go through it.
 */
public final class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);
    private static final Set<String> KNOWN_TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private RecordBatches() {
    }

    public static CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used,
            Consumer<List<EventEnvelope<EventData>>> apply) {
        Set<String> usedNames = used.stream().map(EventType::wireName).collect(Collectors.toSet());
        List<KafkaRecord<String, byte[]>> sources = new ArrayList<>();
        List<EventEnvelope<EventData>> events = new ArrayList<>();
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            if (ignorable(record, usedNames)) {
                continue;
            }
            try {
                EventEnvelope<EventData> event = EventCodec.decode(record.getPayload());
                if (used.contains(event.eventType())) {
                    sources.add(record);
                    events.add(event);
                }
            } catch (RuntimeException unreadable) {
                deadLetters.add(record.nack(unreadable).toCompletableFuture());
            }
        }
        if (!events.isEmpty()) {
            try {
                apply.accept(events);
            } catch (RuntimeException batchFailed) {
                LOG.warnf("a batch of %d events failed (%s): applying them one at a time", events.size(),
                        batchFailed.getMessage());
                for (int i = 0; i < events.size(); i++) {
                    try {
                        apply.accept(List.of(events.get(i)));
                    } catch (RuntimeException failed) {
                        deadLetters.add(sources.get(i).nack(failed).toCompletableFuture());
                    }
                }
            }
        }
        // the dead letters are written before the batch's offsets may be committed
        CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).join();
        return batch.ack();
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
