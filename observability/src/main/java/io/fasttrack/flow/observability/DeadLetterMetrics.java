package io.fasttrack.flow.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Counts every record handed to SmallRye's dead-letter-queue failure strategy, on every channel of every
 * service, as {@code fasttrack.dead.letters{topic, reason_class}} (Prometheus: {@code fasttrack_dead_letters_total}).
 *
 * <p>A CDI decorator of the connector's failure-handler factories: the handler the {@code dead-letter-queue}
 * factory creates is wrapped so each failed record is counted (by the topic it came from and the simple class
 * name of the failure) just before it is handed on to be written to {@code <topic>.dlq}. Channels with
 * another failure strategy are left as they are. No channel configuration changes.
 */
@Decorator
@Priority(10)
public abstract class DeadLetterMetrics implements KafkaFailureHandler.Factory {

    /** The Micrometer name; Prometheus shows it as {@code fasttrack_dead_letters_total}. */
    public static final String NAME = "fasttrack.dead.letters";
    static final String DEAD_LETTER_QUEUE = "dead-letter-queue";

    @Inject
    @Delegate
    @Any
    KafkaFailureHandler.Factory delegate;

    @Inject
    MeterRegistry meters;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = delegate.create(config, vertx, consumer, reportFailure);
        if (!DEAD_LETTER_QUEUE.equals(config.getFailureStrategy())) {
            return handler;
        }
        return new Counting(handler, meters);
    }

    static final class Counting implements KafkaFailureHandler {
        private final KafkaFailureHandler handler;
        private final MeterRegistry meters;

        Counting(KafkaFailureHandler handler, MeterRegistry meters) {
            this.handler = handler;
            this.meters = meters;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            meters.counter(NAME, "topic", record.getTopic(), "reason_class", reasonClass(reason)).increment();
            return handler.handle(record, reason, metadata);
        }

        @Override
        public void terminate() {
            handler.terminate();
        }
    }

    static String reasonClass(Throwable reason) {
        return reason == null ? "unknown" : reason.getClass().getSimpleName();
    }
}
