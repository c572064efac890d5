package io.fasttrack.flow.events.kafka;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** The one Kafka serializer for events: JSON value, envelope fields also as headers. */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : EventCodec.encode(envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        EventHeaders.write(headers, envelope);
        return EventCodec.encode(envelope);
    }
}
