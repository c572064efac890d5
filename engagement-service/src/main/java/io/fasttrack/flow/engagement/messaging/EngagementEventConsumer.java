package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the engagements topic, and TenantIdentified from the requests topic, into the projection, a batch at a time: how an empty database is rebuilt, and how
 * events of other instances arrive. The service's own events were marked applied when they were written, so
 * their copies are skipped by id. A copy read back before its writer committed meets the writer's rows; that is
 * a transient failure, and the batch applied again after the writer committed finds the copy applied.
 */
@ApplicationScoped
public class EngagementEventConsumer {

    private static final Set<EventType> APPLIED = Set.of(EventType.ENGAGEMENT_OPENED, EventType.ENGAGEMENT_REASSIGNED,
            EventType.TASK_COMPLETED, EventType.STATUS_NOTE_ADDED, EventType.DIBS_RECORDED, EventType.ENGAGEMENT_COMPLETED,
            EventType.STATUS_NOTE_DUE, EventType.ENGAGEMENT_STALE, EventType.TENANT_IDENTIFIED, EventType.REVIEW_DECIDED,
            EventType.ESCALATION_RAISED, EventType.ESCALATION_RESOLVED);

    @Inject
    BatchConsumer consumer;

    @Inject
    EngagementProjection projection;

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> onEngagementEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(batch, APPLIED, (fresh, effects) -> projection.apply(fresh));
    }
}
