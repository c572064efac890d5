package io.fasttrack.flow.events.kafka;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The Kafka deserializer for events; throws {@link io.fasttrack.flow.events.EventDecodingException} on a
 * record it cannot read. Consumers that must dead-letter such records read bytes and call
 * {@link EventCodec#decode(byte[])} themselves, so the failure reaches their handler.
 */
public class EventDeserializer implements Deserializer<EventEnvelope<EventData>> {

    @Override
    public EventEnvelope<EventData> deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : EventCodec.decode(bytes);
    }
}
