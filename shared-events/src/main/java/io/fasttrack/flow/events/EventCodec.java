package io.fasttrack.flow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Turns envelopes into JSON bytes and back. Unknown fields are ignored on reading (a new field is
 * additive); anything that is not a readable event of a known type and version is refused with an
 * {@link EventDecodingException} that says why.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    /** The mapper used for the wire format, for code that must read or write payloads the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode event " + envelope.eventId(), e);
        }
    }

    public static EventEnvelope<EventData> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException("empty record: no event");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventDecodingException("unreadable record: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException("not a JSON object: no event envelope");
        }
        String type = requiredText(root, "type");
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
            throw new EventDecodingException("envelope field 'version' is missing or not an integer");
        }
        EventType eventType = EventType.of(type, versionNode.intValue());
        UUID eventId = parse("eventId", () -> UUID.fromString(requiredText(root, "eventId")));
        Instant occurredAt = parse("occurredAt", () -> Instant.parse(requiredText(root, "occurredAt")));
        JsonNode dataNode = root.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw new EventDecodingException("envelope field 'data' is missing or not an object");
        }
        EventData data;
        try {
            data = MAPPER.treeToValue(dataNode, eventType.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventDecodingException("data of " + type + " v" + eventType.version() + " is invalid: "
                    + rootCauseMessage(e), e);
        }
        return new EventEnvelope<>(eventId, type, eventType.version(), occurredAt,
                requiredText(root, "source"), requiredText(root, "subject"),
                optionalText(root, "correlationId"), optionalText(root, "causationId"), data);
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new EventDecodingException("envelope field '" + field + "' is missing or not a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventDecodingException("envelope field '" + field + "' is malformed: " + e.getMessage(), e);
        }
    }

    private static String rootCauseMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof NullPointerException) {
            return "required field " + cause.getMessage() + " is missing";
        }
        return cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
    }
}
