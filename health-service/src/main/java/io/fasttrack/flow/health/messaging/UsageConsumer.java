package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.kafka.RecordBatches;
import io.fasttrack.flow.health.HealthSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the usage topic in batches, one transaction per batch: the projection applies the reports in record order,
 * and the category changes they publish are all acknowledged by the broker before the commit. An unreadable record
 * goes to the dead-letter topic with the reason; a redelivered event id is skipped.
 */
@ApplicationScoped
public class UsageConsumer {

    @Inject
    HealthProjection projection;

    @Inject
    HealthSettings settings;

    @Incoming("usage-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.USAGE_REPORTED),
                events -> QuarkusTransaction.requiringNew().run(() -> apply(events)));
    }

    private void apply(List<EventEnvelope<EventData>> events) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        projection.apply(events, acks);
        if (!acks.isEmpty()) {
            EventPublisher.awaitAll(acks, settings.usage().publishTimeout(), acks.size() + " HealthCategoryChanged");
        }
    }
}
