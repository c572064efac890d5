package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes events keyed by their subject and returns only once the broker acknowledged them. */
@ApplicationScoped
public class EventPublisher {

    @Inject
    @Channel("assignments-out")
    MutinyEmitter<EventEnvelope<?>> assignments;

    @Inject
    @Channel("roster-out")
    MutinyEmitter<EventEnvelope<?>> roster;

    public void publishAssignmentEvent(EventEnvelope<?> envelope) {
        send(assignments, envelope);
    }

    public void publishRosterEvent(EventEnvelope<?> envelope) {
        send(roster, envelope);
    }

    private static void send(MutinyEmitter<EventEnvelope<?>> emitter, EventEnvelope<?> envelope) {
        emitter.sendMessageAndAwait(Message.<EventEnvelope<?>>of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build()));
    }
}
