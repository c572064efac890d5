package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas under {@code schemas/}: one per event type and version, agreeing with the codec and the records. */
class EventSchemaTest {

    private static final List<String> ENVELOPE_FIELDS =
            List.of("eventId", "type", "version", "occurredAt", "source", "subject", "data");

    @Test
    void everyEventTypeHasASampleOfItsOwnPayload() {
        Map<EventType, EventEnvelope<?>> samples = EventSamples.all();

        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(EventType.class));
        samples.forEach((type, sample) -> {
            assertThat(sample.data()).as("sample of %s", type).isExactlyInstanceOf(type.dataClass());
            assertThat(sample.type()).isEqualTo(type.wireName());
            assertThat(sample.version()).isEqualTo(type.version());
            assertThat(sample.eventType()).isEqualTo(type);
        });
    }

    @Test
    void everyEventTypeHasASchemaFileAtItsSchemaPath() {
        for (EventType type : EventType.values()) {
            assertThat(type.schemaPath()).isEqualTo("schemas/" + type.wireName() + ".v" + type.version() + ".json");
            assertThat(getClass().getClassLoader().getResource(type.schemaPath()))
                    .as("schema of %s", type).isNotNull();
        }
    }

    @Test
    void theSchemaFolderHoldsOnlySchemasOfRegisteredTypes() throws URISyntaxException, java.io.IOException {
        URL folder = getClass().getClassLoader().getResource("schemas");
        assertThat(folder).isNotNull();
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files = list.map(p -> "schemas/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = Arrays.stream(EventType.values()).map(EventType::schemaPath)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(files).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaNamesItsTypeAndVersionAndRequiresTheEnvelope(EventType type) {
        ObjectNode schema = EventSchemas.raw(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type.wireName());
        assertThat(schema.at("/properties/version/const").isInt()).isTrue();
        assertThat(schema.at("/properties/version/const").intValue()).isEqualTo(type.version());
        assertThat(texts(schema.path("required"))).containsExactlyInAnyOrderElementsOf(ENVELOPE_FIELDS);
        assertThat(schema.has("additionalProperties")).as("new fields are additive").isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEncodedSampleValidatesAgainstItsSchema(EventType type) {
        ObjectNode wire = EventSchemas.wire(EventSamples.of(type));

        assertThat(EventSchemas.validate(type, wire)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aSampleOfAnotherTypeIsRejected(EventType type) {
        EventType other = EventType.values()[(type.ordinal() + 1) % EventType.values().length];
        ObjectNode wire = EventSchemas.wire(EventSamples.of(other));

        assertThat(messages(EventSchemas.validate(type, wire))).anyMatch(m -> m.contains("/type"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownExtraFieldsAreAllowedEverywhere(EventType type) {
        ObjectNode wire = EventSchemas.wire(EventSamples.of(type));
        wire.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ObjectNode data = (ObjectNode) wire.get("data");
        data.put("addedInAMinorRelease", 42);
        data.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                ((ObjectNode) field.getValue()).put("nestedNewField", true);
            }
        });

        assertThat(EventSchemas.validate(type, wire)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void removingAnyRequiredFieldIsRejected(EventType type) {
        ObjectNode sample = EventSchemas.wire(EventSamples.of(type));
        List<String> requiredPointers = requiredPointers(type, sample);

        assertThat(requiredPointers).contains("/eventId", "/data").anyMatch(p -> p.startsWith("/data/"));
        for (String pointer : requiredPointers) {
            ObjectNode broken = sample.deepCopy();
            EventSchemas.Target target = EventSchemas.target(broken, pointer);
            target.remove();

            assertThat(messages(EventSchemas.validate(type, broken)))
                    .as("%s without %s", type, pointer)
                    .anyMatch(m -> m.contains("required property '" + target.name() + "' not found"));
        }
    }

    @Test
    void aWrongEnumValueIsRejectedForEveryEnumOfEveryType() {
        Set<String> enumsChecked = new HashSet<>();
        for (EventType type : EventType.values()) {
            ObjectNode sample = EventSchemas.wire(EventSamples.of(type));
            ObjectNode schema = EventSchemas.raw(type);
            Map<String, EventSchemas.Resolved> enumPointers = new LinkedHashMap<>();
            EventSchemas.walk(schema, schema, sample, "", (p, r) -> { }, enumPointers::put);

            enumPointers.forEach((pointer, resolved) -> {
                ObjectNode broken = sample.deepCopy();
                String wrong = sample.at(pointer).asText().toLowerCase();
                EventSchemas.target(broken, pointer).set(wrong);

                assertThat(messages(EventSchemas.validate(type, broken)))
                        .as("%s with %s = %s", type, pointer, wrong)
                        .anyMatch(m -> m.contains("does not have a value in the enumeration"));
                enumsChecked.add(resolved.schema().path("description").asText());
            });
        }

        Set<String> allEnums = new HashSet<>();
        for (Class<?> c : List.of(io.fasttrack.flow.events.model.ArchitectRole.class,
                io.fasttrack.flow.events.model.AttachmentKind.class, io.fasttrack.flow.events.model.InquiryTopic.class,
                io.fasttrack.flow.events.model.Region.class, io.fasttrack.flow.events.model.RequestFamily.class,
                io.fasttrack.flow.events.model.RequestQueue.class, io.fasttrack.flow.events.model.RequestType.class,
                io.fasttrack.flow.events.model.Segment.class, io.fasttrack.flow.events.model.Workload.class,
                io.fasttrack.flow.events.model.ReviewDecision.class, io.fasttrack.flow.events.model.EscalationSeverity.class,
                io.fasttrack.flow.events.model.RiskAlertKind.class)) {
            allEnums.add(c.getName());
        }
        assertThat(enumsChecked).as("every Java enum is exercised by some sample").isEqualTo(allEnums);
    }

    static Stream<Arguments> wronglyTypedFields() {
        return Stream.of(
                Arguments.of(EventType.REQUEST_SUBMITTED, "/eventId", (Consumer<ObjectNode>) w -> w.put("eventId", "REQ-1"), "/eventId"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/occurredAt", (Consumer<ObjectNode>) w -> w.put("occurredAt", "yesterday"), "/occurredAt"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/occurredAt as a number", (Consumer<ObjectNode>) w -> w.put("occurredAt", 1772442930L), "/occurredAt"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/version", (Consumer<ObjectNode>) w -> w.put("version", 2), "/version"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/version as text", (Consumer<ObjectNode>) w -> w.put("version", "1"), "/version"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/source blank", (Consumer<ObjectNode>) w -> w.put("source", "  "), "/source"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/subject as a number", (Consumer<ObjectNode>) w -> w.put("subject", 7), "/subject"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/causationId as a number", (Consumer<ObjectNode>) w -> w.put("causationId", 7), "/causationId"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/data as an array", (Consumer<ObjectNode>) w -> w.putArray("data"), "/data"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/data/submittedAt as a date", (Consumer<ObjectNode>) w -> data(w).put("submittedAt", "2026-03-02"), "/data/submittedAt"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/data/fundingAmountUsd as text", (Consumer<ObjectNode>) w -> data(w).put("fundingAmountUsd", "25000.5"), "/data/fundingAmountUsd"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/data/getModern as text", (Consumer<ObjectNode>) w -> data(w).put("getModern", "true"), "/data/getModern"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/data/workloads as a string", (Consumer<ObjectNode>) w -> data(w).put("workloads", "TEAMS"), "/data/workloads"),
                Arguments.of(EventType.REQUEST_SUBMITTED, "/data/migration/mailboxCount fractional", (Consumer<ObjectNode>) w -> ((ObjectNode) data(w).get("migration")).put("mailboxCount", 4200.5), "/data/migration/mailboxCount"),
                Arguments.of(EventType.FTA_ASSIGNED, "/data/weight fractional", (Consumer<ObjectNode>) w -> data(w).put("weight", 2.5), "/data/weight"),
                Arguments.of(EventType.USAGE_REPORTED, "/data/asOf as a date-time", (Consumer<ObjectNode>) w -> data(w).put("asOf", "2026-03-31T00:00:00Z"), "/data/asOf"),
                Arguments.of(EventType.USAGE_REPORTED, "/data/licensed as text", (Consumer<ObjectNode>) w -> data(w).put("licensed", "12500"), "/data/licensed"),
                Arguments.of(EventType.ARCHITECT_UPDATED, "/data/architect/awayFrom not ISO", (Consumer<ObjectNode>) w -> ((ObjectNode) data(w).get("architect")).put("awayFrom", "06/04/2026"), "/data/architect/awayFrom"),
                Arguments.of(EventType.HEALTH_CATEGORY_CHANGED, "/data/utilization as text", (Consumer<ObjectNode>) w -> data(w).put("utilization", "79%"), "/data/utilization"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wronglyTypedFields")
    void aWronglyTypedOrFormattedFieldIsRejected(EventType type, String what, Consumer<ObjectNode> breaker, String location) {
        ObjectNode wire = EventSchemas.wire(EventSamples.of(type));
        assertThat(EventSchemas.validate(type, wire)).isEmpty();
        breaker.accept(wire);

        assertThat(messages(EventSchemas.validate(type, wire))).anyMatch(m -> m.startsWith(location + ":"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theEnvelopePropertiesAreThoseOfEventEnvelope(EventType type) {
        ObjectNode schema = EventSchemas.raw(type);
        Set<String> components = Arrays.stream(EventEnvelope.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());

        assertThat(fieldNames(schema.path("properties"))).isEqualTo(components);
    }

    /**
     * The schema of {@code data} mirrors the payload record: the same field names at every level, JSON types that
     * fit the Java types, enum values equal to the Java enum constants, and every primitive field required
     * (the codec always writes it).
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void theDataSchemaMirrorsThePayloadRecord(EventType type) {
        ObjectNode schema = EventSchemas.raw(type);
        List<String> problems = new ArrayList<>();

        compare(schema, schema.at("/properties/data"), type.dataClass(), "data", problems);

        assertThat(problems).isEmpty();
    }

    private static void compare(JsonNode root, JsonNode node, Type javaType, String path, List<String> problems) {
        EventSchemas.Resolved resolved = EventSchemas.resolve(root, node);
        JsonNode schema = resolved.schema();
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        String jsonType = schema.path("type").asText();
        String format = schema.path("format").asText(null);
        if (raw == String.class) {
            expect(problems, path, jsonType, format, "string", null);
        } else if (raw == Instant.class) {
            expect(problems, path, jsonType, format, "string", "date-time");
        } else if (raw == LocalDate.class) {
            expect(problems, path, jsonType, format, "string", "date");
        } else if (raw == BigDecimal.class) {
            expect(problems, path, jsonType, format, "number", null);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(problems, path, jsonType, format, "integer", null);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(problems, path, jsonType, format, "boolean", null);
        } else if (raw.isEnum()) {
            expect(problems, path, jsonType, format, "string", null);
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!texts(schema.path("enum")).equals(constants)) {
                problems.add(path + ": enum " + texts(schema.path("enum")) + " is not " + raw.getSimpleName() + " " + constants);
            }
            if (!raw.getName().equals(schema.path("description").asText())) {
                problems.add(path + ": enum description should name " + raw.getName());
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(problems, path, jsonType, format, "array", null);
            compare(root, schema.path("items"), ((ParameterizedType) javaType).getActualTypeArguments()[0], path + "[]",
                    problems);
        } else if (raw.isRecord()) {
            expect(problems, path, jsonType, format, "object", null);
            RecordComponent[] components = raw.getRecordComponents();
            Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
            if (!fieldNames(schema.path("properties")).equals(names)) {
                problems.add(path + ": properties " + fieldNames(schema.path("properties")) + " are not the components "
                        + names + " of " + raw.getSimpleName());
            }
            for (String required : resolved.required()) {
                if (!names.contains(required)) {
                    problems.add(path + ": requires '" + required + "', which " + raw.getSimpleName() + " does not have");
                }
            }
            for (RecordComponent component : components) {
                if (component.getType().isPrimitive() && !resolved.required().contains(component.getName())) {
                    problems.add(path + "." + component.getName() + ": primitive, always written, so must be required");
                }
                JsonNode property = schema.path("properties").path(component.getName());
                if (!property.isMissingNode()) {
                    compare(root, property, component.getGenericType(), path + "." + component.getName(), problems);
                }
            }
        } else {
            problems.add(path + ": no JSON mapping known for " + raw.getName());
        }
    }

    private static void expect(List<String> problems, String path, String type, String format, String expectedType,
            String expectedFormat) {
        if (!expectedType.equals(type)) {
            problems.add(path + ": type '" + type + "' should be '" + expectedType + "'");
        }
        if (!java.util.Objects.equals(expectedFormat, format)) {
            problems.add(path + ": format '" + format + "' should be '" + expectedFormat + "'");
        }
    }

    /** JSON pointers of every field the schema requires in every object present in {@code sample}. */
    static List<String> requiredPointers(EventType type, JsonNode sample) {
        ObjectNode schema = EventSchemas.raw(type);
        List<String> pointers = new ArrayList<>();
        EventSchemas.walk(schema, schema, sample, "", (p, r) -> pointers.add(p), (p, r) -> { });
        return pointers;
    }

    private static ObjectNode data(ObjectNode wire) {
        return (ObjectNode) wire.get("data");
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
