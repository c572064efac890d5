package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fasttrack.flow.events.kafka.EventDeserializer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Anything that is not a readable event of a known type and version is refused loudly, with a reason fit for a dead letter. */
class EventDecodingFailureTest {

    private static final String TOPIC = Topic.REQUESTS.defaultName();

    private final EventDeserializer deserializer = new EventDeserializer();

    private static ObjectNode submitted() {
        return EventSchemas.wire(EventSamples.of(EventType.REQUEST_SUBMITTED));
    }

    @Test
    void anUnknownTypeIsAnUnknownEvent() {
        ObjectNode wire = submitted().put("type", "RequestWithdrawn");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isInstanceOf(UnknownEventException.class)
                .hasMessage("unknown event type 'RequestWithdrawn'");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, EventSchemas.bytes(wire)))
                .isInstanceOf(UnknownEventException.class)
                .hasMessageContaining("RequestWithdrawn");
    }

    @Test
    void theWireNameIsCaseSensitive() {
        ObjectNode wire = submitted().put("type", "requestSubmitted");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isInstanceOf(UnknownEventException.class)
                .hasMessage("unknown event type 'requestSubmitted'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 99})
    void anUnsupportedVersionIsAnUnknownEventNamingBothVersions(int version) {
        ObjectNode wire = submitted().put("version", version);

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isInstanceOf(UnknownEventException.class)
                .hasMessage("unsupported version " + version + " of event type 'RequestSubmitted' (this build reads version 1)");
    }

    @Test
    void nonJsonBytesAreRefused() {
        byte[] bytes = "RequestSubmitted|REQ-1|contoso".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventCodec.decode(bytes))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("not JSON: ")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("not JSON: ");
    }

    @Test
    void truncatedJsonIsRefused() {
        byte[] whole = EventCodec.encode(EventSamples.of(EventType.REQUEST_SUBMITTED));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> EventCodec.decode(truncated))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("not JSON: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2,3]", "\"RequestSubmitted\"", "42", "null", "   "})
    void jsonThatIsNotAnObjectIsRefused(String json) {
        assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("not a JSON object: no event envelope");
    }

    @Test
    void anEmptyRecordIsRefused() {
        assertThatThrownBy(() -> EventCodec.decode(new byte[0]))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("empty record: no event");
        assertThatThrownBy(() -> EventCodec.decode(null))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("empty record: no event");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("empty record: no event");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "type", "version", "occurredAt", "source", "subject", "data"})
    void aMissingEnvelopeFieldIsNamed(String field) {
        ObjectNode wire = submitted();
        wire.remove(field);

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageContaining("envelope field '" + field + "' is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "subject"})
    void aBlankSourceOrSubjectIsRefused(String field) {
        ObjectNode wire = submitted().put(field, " ");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("envelope field '" + field + "' is missing or not a string");
    }

    static Stream<Arguments> malformedEnvelopes() {
        return Stream.of(
                Arguments.of("eventId not a UUID", (Consumer<ObjectNode>) w -> w.put("eventId", "REQ-2026-000123"),
                        "envelope field 'eventId' is malformed"),
                Arguments.of("eventId a number", (Consumer<ObjectNode>) w -> w.put("eventId", 123),
                        "envelope field 'eventId' is missing or not a string"),
                Arguments.of("occurredAt not a time", (Consumer<ObjectNode>) w -> w.put("occurredAt", "yesterday"),
                        "envelope field 'occurredAt' is malformed"),
                Arguments.of("occurredAt a local time", (Consumer<ObjectNode>) w -> w.put("occurredAt", "2026-03-02T09:15:30"),
                        "envelope field 'occurredAt' is malformed"),
                Arguments.of("version as text", (Consumer<ObjectNode>) w -> w.put("version", "1"),
                        "envelope field 'version' is missing or not an integer"),
                Arguments.of("version fractional", (Consumer<ObjectNode>) w -> w.put("version", 1.5),
                        "envelope field 'version' is missing or not an integer"),
                Arguments.of("type a number", (Consumer<ObjectNode>) w -> w.put("type", 1),
                        "envelope field 'type' is missing or not a string"),
                Arguments.of("data an array", (Consumer<ObjectNode>) w -> w.putArray("data"),
                        "envelope field 'data' is missing or not an object"),
                Arguments.of("data null", (Consumer<ObjectNode>) w -> w.putNull("data"),
                        "envelope field 'data' is missing or not an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEnvelopes")
    void aMalformedEnvelopeFieldIsNamed(String what, Consumer<ObjectNode> breaker, String message) {
        ObjectNode wire = submitted();
        breaker.accept(wire);

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aRequestSubmittedWithoutRequestIdIsRefused() {
        ObjectNode wire = submitted();
        ((ObjectNode) wire.get("data")).remove("requestId");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("data of RequestSubmitted v1 is invalid: required field requestId is missing");
    }

    @Test
    void aRequestSubmittedWithoutTheCustomersTenantIsRefused() {
        ObjectNode wire = submitted();
        ((ObjectNode) wire.at("/data/customer")).remove("tenantId");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("data of RequestSubmitted v1 is invalid: required field customer.tenantId is missing");
    }

    /**
     * Every field the schema requires in data is also required by the decoder: removing any of them is refused.
     * For an object field the message names the field. A missing primitive is refused too (FAIL_ON_NULL_FOR_PRIMITIVES),
     * but Jackson's message only names the Java type, not the field (see the report).
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredDataFieldOfTheSchemaIsRequiredByTheDecoder(EventType type) {
        ObjectNode sample = EventSchemas.wire(EventSamples.of(type));
        List<String> pointers = EventSchemaTest.requiredPointers(type, sample).stream()
                .filter(p -> p.startsWith("/data/"))
                .toList();

        assertThat(pointers).isNotEmpty();
        for (String pointer : pointers) {
            ObjectNode broken = sample.deepCopy();
            EventSchemas.Target target = EventSchemas.target(broken, pointer);
            target.remove();
            String prefix = "data of " + type.wireName() + " v" + type.version() + " is invalid: ";

            if (isPrimitive(type.dataClass(), pointer.substring("/data/".length()))) {
                assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(broken)))
                        .as("%s without %s", type, pointer)
                        .isExactlyInstanceOf(EventDecodingException.class)
                        .hasMessageStartingWith(prefix + "Cannot map `null` into type ")
                        .hasMessageEndingWith(" at " + pointer.substring("/data/".length())
                                .replaceAll("/(\\d+)", "[$1]").replace('/', '.'));
            } else {
                assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(broken)))
                        .as("%s without %s", type, pointer)
                        .isExactlyInstanceOf(EventDecodingException.class)
                        .hasMessageStartingWith(prefix + "required field ")
                        .hasMessageEndingWith(target.name() + " is missing");
            }
        }
    }

    @Test
    void aWrongEnumValueInDataIsRefusedNamingTheValue() {
        ObjectNode wire = submitted();
        ((ObjectNode) wire.get("data")).put("region", "LATAM");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("data of RequestSubmitted v1 is invalid: ")
                .hasMessageContaining("\"LATAM\"")
                .hasMessageContaining("Region");
    }

    @Test
    void aMalformedDateInDataIsRefused() {
        ObjectNode wire = EventSchemas.wire(EventSamples.of(EventType.USAGE_REPORTED));
        ((ObjectNode) wire.get("data")).put("asOf", "31/03/2026");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("data of UsageReported v1 is invalid: ")
                .hasMessageContaining("31/03/2026");
    }

    @Test
    void anExplicitNullForAPrimitiveIsRefused() {
        ObjectNode wire = EventSchemas.wire(EventSamples.of(EventType.USAGE_REPORTED));
        ((ObjectNode) wire.get("data")).putNull("licensed");

        assertThatThrownBy(() -> EventCodec.decode(EventSchemas.bytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("data of UsageReported v1 is invalid: ");
    }

    private static boolean isPrimitive(Class<?> record, String relativePointer) {
        String[] segments = relativePointer.split("/");
        Class<?> current = record;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.chars().allMatch(Character::isDigit)) {
                continue;
            }
            RecordComponent component = component(current, segment);
            if (i == segments.length - 1) {
                return component.getType().isPrimitive();
            }
            current = component.getType() == List.class
                    ? (Class<?>) ((java.lang.reflect.ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
                    : component.getType();
        }
        throw new IllegalArgumentException(relativePointer);
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(record.getSimpleName() + " has no " + name));
    }
}
