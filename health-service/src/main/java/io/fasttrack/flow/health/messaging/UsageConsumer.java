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
 * Reads the usage topic in batches through the kit's loop: one transaction per batch, in which the projection
 * applies the reports not applied before, in record order, and the category changes they publish are all
 * acknowledged by the broker before the commit. An unreadable or invalid record goes to the dead-letter topic
 * with the reason; a database or broker outage is waited out.
 */
@ApplicationScoped
public class UsageConsumer {

    @Inject
    BatchConsumer consumer;

    @Inject
    HealthProjection projection;

    @Inject
    TenantFoldLock folds;

    @Incoming("usage-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return folds.shared(() -> consumer.consume(batch, Set.of(EventType.USAGE_REPORTED), projection::apply));
    }
}
