package io.fasttrack.flow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
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
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // amounts and utilizations are BigDecimal: never let them pass through double
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Readers of each type's data inside an envelope: the envelope's closing brace follows the data. */
    private static final Map<EventType, ObjectReader> DATA_READERS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            DATA_READERS.put(type, MAPPER.readerFor(type.dataClass()).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        }
    }

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

    /**
     * Reads an envelope in one pass, binding {@code data} straight to its record type. An envelope that does not
     * read cleanly that way (a field missing or malformed, {@code data} before {@code type}) is read again by
     * {@link #decodeCarefully}, whose checks in a fixed order give the reason it is refused.
     */
    public static EventEnvelope<EventData> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException("empty record: no event");
        }
        try {
            EventEnvelope<EventData> envelope = decodeInOnePass(bytes);
            if (envelope != null) {
                return envelope;
            }
        } catch (IOException | RuntimeException unclear) {
            // the careful reading below says why
        }
        return decodeCarefully(bytes);
    }

    /** The envelope read in one pass, or null when it is not plainly valid. */
    static EventEnvelope<EventData> decodeInOnePass(byte[] bytes) throws IOException {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null, type = null, occurredAt = null, source = null, subject = null;
            String correlationId = null, causationId = null;
            Integer version = null;
            EventType eventType = null;
            EventData data = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(parser, value);
                    case "type" -> type = text(parser, value);
                    case "version" -> version = value == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
                    case "occurredAt" -> occurredAt = text(parser, value);
                    case "source" -> source = text(parser, value);
                    case "subject" -> subject = text(parser, value);
                    case "correlationId" -> {
                        if (!optional(value)) {
                            return null;
                        }
                        correlationId = parser.getValueAsString();
                    }
                    case "causationId" -> {
                        if (!optional(value)) {
                            return null;
                        }
                        causationId = parser.getValueAsString();
                    }
                    case "data" -> {
                        if (type == null || version == null || value != JsonToken.START_OBJECT || data != null) {
                            return null;
                        }
                        eventType = EventType.of(type, version);
                        data = DATA_READERS.get(eventType).readValue(parser);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || data == null
                    || eventId == null || occurredAt == null || source == null || subject == null
                    || !type.equals(eventType.wireName()) || version != eventType.version() || !subject.equals(data.subject())) {
                return null;
            }
            return new EventEnvelope<>(UUID.fromString(eventId), type, version, Instant.parse(occurredAt), source, subject,
                    correlationId, causationId, data);
        }
    }

    /** A non-blank string value, or null for anything else (which the careful reading then refuses). */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            return text.isBlank() ? null : text;
        }
        parser.skipChildren();
        return null;
    }

    private static boolean optional(JsonToken value) {
        return value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
    }

    static EventEnvelope<EventData> decodeCarefully(byte[] bytes) {
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
        String subject = requiredText(root, "subject");
        if (!subject.equals(data.subject())) {
            throw new EventDecodingException("envelope subject '" + subject + "' does not match the subject of its "
                    + type + " data '" + data.subject() + "'");
        }
        return new EventEnvelope<>(eventId, type, eventType.version(), occurredAt,
                requiredText(root, "source"), subject,
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
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new EventDecodingException("envelope field '" + field + "' is not a string");
        }
        return node.textValue();
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventDecodingException("envelope field '" + field + "' is malformed: " + e.getMessage(), e);
        }
    }

    private static String rootCauseMessage(Throwable error) {
        String path = error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at " + fieldPath(mapping) : "";
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof NullPointerException) {
            return "required field " + cause.getMessage() + " is missing";
        }
        return (cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage()) + path;
    }

    /** The JSON path of a mapping failure, e.g. {@code customer.segment} or {@code attachments[1].kind}. */
    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
