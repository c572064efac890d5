package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fasttrack.flow.events.kafka.EventDeserializer;
import io.fasttrack.flow.events.kafka.EventSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every sample survives encode and decode unchanged, through the codec and through the Kafka serializer pair. */
class EventCodecRoundTripTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCodecRoundTripsEverySampleToAnEqualEnvelope(EventType type) {
        EventEnvelope<?> sample = EventSamples.of(type);

        byte[] bytes = EventCodec.encode(sample);
        EventEnvelope<EventData> decoded = EventCodec.decode(bytes);

        assertThat(decoded).isEqualTo(sample);
        assertThat(decoded.data()).isExactlyInstanceOf(type.dataClass());
        assertThat(decoded.eventType()).isEqualTo(type);
        assertThat(decoded.dataAs(type.dataClass())).isEqualTo(sample.data());
        assertThat(EventCodec.encode(decoded)).as("re-encoding gives the same bytes").isEqualTo(bytes);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void whatTheCodecWritesIsReadInOnePassToWhatTheCarefulReadingGives(EventType type) throws Exception {
        byte[] bytes = EventCodec.encode(EventSamples.of(type));

        EventEnvelope<EventData> onePass = EventCodec.decodeInOnePass(bytes);

        assertThat(onePass).as("read without falling back to the careful reading").isNotNull();
        assertThat(onePass).isEqualTo(EventCodec.decodeCarefully(bytes));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEnvelopeWithDataBeforeItsTypeIsStillRead(EventType type) throws Exception {
        EventEnvelope<?> sample = EventSamples.of(type);
        ObjectNode wire = EventSchemas.wire(sample);
        ObjectNode dataFirst = EventCodec.mapper().createObjectNode();
        dataFirst.set("data", wire.get("data"));
        wire.fields().forEachRemaining(field -> dataFirst.set(field.getKey(), field.getValue()));
        byte[] bytes = EventCodec.mapper().writeValueAsBytes(dataFirst);

        assertThat(EventCodec.decodeInOnePass(bytes)).as("left to the careful reading").isNull();
        assertThat(EventCodec.decode(bytes)).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theKafkaSerializerPairRoundTripsEverySample(EventType type) {
        EventEnvelope<?> sample = EventSamples.of(type);
        RecordHeaders headers = new RecordHeaders();
        String topic = type.topic().defaultName();

        byte[] withHeaders = serializer.serialize(topic, headers, sample);
        byte[] withoutHeaders = serializer.serialize(topic, sample);

        assertThat(withHeaders).isEqualTo(EventCodec.encode(sample)).isEqualTo(withoutHeaders);
        assertThat(deserializer.deserialize(topic, headers, withHeaders)).isEqualTo(sample);
        assertThat(deserializer.deserialize(topic, withoutHeaders)).isEqualTo(sample);
    }

    @Test
    void aNullEnvelopeIsANullRecordAndANullRecordATombstone() {
        RecordHeaders headers = new RecordHeaders();

        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(serializer.serialize("t", headers, null)).isNull();
        assertThat(headers.toArray()).isEmpty();
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void nullFieldsAreOmittedOnTheWire() {
        ObjectNode usage = EventSchemas.wire(EventSamples.of(EventType.USAGE_REPORTED));
        ObjectNode queued = EventSchemas.wire(EventSamples.of(EventType.REQUEST_QUEUED));

        assertThat(usage.has("correlationId")).isFalse();
        assertThat(usage.has("causationId")).isFalse();
        JsonNode awayCandidate = queued.at("/data/candidates/1");
        assertThat(awayCandidate.path("architectId").asText()).isEqualTo("fta-raj.patel");
        assertThat(awayCandidate.has("continuity")).isFalse();
        assertThat(awayCandidate.has("utilizationAfter")).isFalse();
        assertThat(queued.toString()).doesNotContain("null");
    }

    @Test
    void datesAndNumbersHaveTheirWireShape() {
        ObjectNode usage = EventSchemas.wire(EventSamples.of(EventType.USAGE_REPORTED));
        ObjectNode submitted = EventSchemas.wire(EventSamples.of(EventType.REQUEST_SUBMITTED));

        assertThat(usage.at("/data/asOf").textValue()).isEqualTo("2026-03-31");
        assertThat(usage.at("/data/licensed").isIntegralNumber()).isTrue();
        assertThat(usage.path("occurredAt").textValue()).isEqualTo("2026-03-02T09:15:30.250Z");
        assertThat(submitted.at("/data/fundingAmountUsd").isNumber()).isTrue();
        assertThat(submitted.at("/data/fundingAmountUsd").decimalValue()).isEqualByComparingTo("25000.5");
        assertThat(submitted.at("/data/getModern").booleanValue()).isTrue();
        assertThat(submitted.at("/data/type").textValue()).isEqualTo("DISCOVERY_WORKSHOP");
        assertThat(submitted.path("version").isInt()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreIgnoredOnDecode(EventType type) {
        EventEnvelope<?> sample = EventSamples.of(type);
        ObjectNode wire = EventSchemas.wire(sample);
        wire.put("specversion", "1.0");
        wire.putObject("extensions").put("traceparent", "00-abc-def-01");
        ObjectNode data = (ObjectNode) wire.get("data");
        data.put("priority", "HIGH");
        data.putArray("labels").add("pilot").add("emea");
        data.putObject("futureSubObject").put("x", 1);
        List<JsonNode> nested = new ArrayList<>();
        data.elements().forEachRemaining(nested::add);
        for (JsonNode child : nested) {
            if (child.isObject()) {
                ((ObjectNode) child).put("nestedNewField", "v2-only");
            } else if (child.isArray()) {
                child.forEach(item -> {
                    if (item.isObject()) {
                        ((ObjectNode) item).put("nestedNewField", 3);
                    }
                });
            }
        }

        assertThat(EventCodec.decode(EventSchemas.bytes(wire))).isEqualTo(sample);
    }

    /** The converse of the schema's required list: a field the schema leaves optional may be absent on decode. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyOptionalDataFieldMayBeAbsent(EventType type) {
        ObjectNode wire = EventSchemas.wire(EventSamples.of(type));
        ObjectNode schema = EventSchemas.raw(type);
        JsonNode dataSchema = EventSchemas.resolve(schema, schema.at("/properties/data")).schema();
        Set<String> required = Set.copyOf(EventSchemas.resolve(schema, schema.at("/properties/data")).required());
        List<String> optional = new ArrayList<>();
        dataSchema.path("properties").fieldNames().forEachRemaining(name -> {
            if (!required.contains(name) && wire.path("data").has(name)) {
                optional.add(name);
            }
        });

        for (String name : optional) {
            ObjectNode without = wire.deepCopy();
            ((ObjectNode) without.get("data")).remove(name);

            EventEnvelope<EventData> decoded = EventCodec.decode(EventSchemas.bytes(without));

            assertThat(decoded.eventType()).isEqualTo(type);
            assertThat(EventSchemas.validate(type, without)).as("schema without %s", name).isEmpty();
        }
        ObjectNode envelopeWithout = wire.deepCopy();
        envelopeWithout.remove(List.of("correlationId", "causationId"));
        assertThat(EventCodec.decode(EventSchemas.bytes(envelopeWithout)).correlationId()).isNull();
        assertThat(EventSchemas.validate(type, envelopeWithout)).isEmpty();
    }
}
