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
 * Reads this service's own health topic back for the commands it published (owners and contracts): the topic is
 * the source of truth, the account rows are built from it. Category changes and renewals at risk are skipped.
 */
@ApplicationScoped
public class AccountConsumer {

    private static final Set<EventType> ACCOUNT_EVENTS = Set.of(EventType.CUSTOMER_OWNER_ASSIGNED, EventType.CUSTOMER_CONTRACT_RECORDED);

    @Inject
    BatchConsumer consumer;

    @Inject
    AccountProjection accounts;

    @Inject
    TenantFoldLock folds;

    @Incoming("accounts-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return folds.shared(() -> consumer.consume(batch, ACCOUNT_EVENTS, accounts::apply));
    }
}
