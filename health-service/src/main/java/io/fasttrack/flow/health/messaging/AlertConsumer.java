package io.fasttrack.flow.health.messaging;

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
 * Reads what raises and clears risk alerts from the assignments, engagements and health topics, in a consumer group
 * of its own: the ownership and usage channels read some of these topics in the main group, which would otherwise
 * split their partitions with this one. Its transaction and its applied events are its own (see
 * {@link AlertProjection}).
 */
@ApplicationScoped
public class AlertConsumer {

    private static final Set<EventType> ALERT_CAUSES = Set.of(
            EventType.ASSIGNMENT_SLA_BREACHED, EventType.FTA_ASSIGNED,
            EventType.ENGAGEMENT_STALE, EventType.STATUS_NOTE_ADDED, EventType.ENGAGEMENT_COMPLETED,
            EventType.ESCALATION_RAISED, EventType.ESCALATION_RESOLVED,
            EventType.HEALTH_CATEGORY_CHANGED, EventType.RENEWAL_AT_RISK, EventType.CUSTOMER_CONTRACT_RECORDED);

    @Inject
    BatchConsumer consumer;

    @Inject
    AlertProjection alerts;

    @Incoming("alerts-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeWith(batch, ALERT_CAUSES, alerts::applyOnce);
    }
}
