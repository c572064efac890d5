package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.health.store.OwnershipProjection;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.fasttrack.flow.kit.messaging.Effects;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps who owns each customer from the assignments and engagements topics, and folds placeholders into the real
 * tenants the requests topic's TenantIdentified names; other event types are ignored. One consumer reads the three
 * topics, which write the same rows (a request's engagement is created by whichever of its events comes first): one
 * batch and one transaction for what they hold, so two inserts of one row never race. The batch's events are
 * applied in record order: those before an identification, then the fold, then those after it.
 */
@ApplicationScoped
public class OwnershipConsumer {

    private static final Set<EventType> OWNERSHIP_EVENTS = Set.of(EventType.FTA_ASSIGNED,
            EventType.ENGAGEMENT_COMPLETED, EventType.ENGAGEMENT_REASSIGNED, EventType.TENANT_IDENTIFIED);

    @Inject
    BatchConsumer consumer;

    @Inject
    OwnershipProjection ownership;

    @Inject
    TenantFolds folds;

    @Inject
    TenantFoldLock foldLock;

    @Incoming("ownership-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        if (identifiesTenants(batch)) {
            return foldLock.exclusive(() -> consumer.consume(batch, OWNERSHIP_EVENTS, this::apply));
        }
        return consumer.consume(batch, OWNERSHIP_EVENTS, this::apply);
    }

    private void apply(List<EventEnvelope<EventData>> fresh, Effects effects) {
        List<EventEnvelope<EventData>> run = new ArrayList<>();
        for (EventEnvelope<EventData> event : fresh) {
            if (event.data() instanceof TenantIdentified) {
                applyOwnership(run);
                run.clear();
                folds.fold(event, effects);
            } else {
                run.add(event);
            }
        }
        applyOwnership(run);
    }

    private void applyOwnership(List<EventEnvelope<EventData>> run) {
        if (!run.isEmpty()) {
            ownership.apply(List.copyOf(run));
        }
    }

    private static boolean identifiesTenants(KafkaRecordBatch<String, byte[]> batch) {
        byte[] identified = EventType.TENANT_IDENTIFIED.wireName().getBytes(StandardCharsets.UTF_8);
        return batch.getRecords().stream().anyMatch(record -> {
            Header type = record.getHeaders().lastHeader(EventHeaders.TYPE);
            return type == null || Arrays.equals(type.value(), identified);
        });
    }
}
