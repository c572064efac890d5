package io.fasttrack.flow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** Loads the JSON Schemas of {@code schemas/} from the classpath and validates wire JSON against them, formats asserted. */
final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type,
                t -> FACTORY.getSchema(SchemaLocation.of("classpath:" + t.schemaPath()), CONFIG));
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode wire) {
        return schema(type).validate(wire);
    }

    /** The schema file itself as a JSON tree. */
    static ObjectNode raw(EventType type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaPath())) {
            if (in == null) {
                throw new IllegalStateException("no schema on the classpath at " + type.schemaPath());
            }
            return (ObjectNode) EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The encoded envelope as a mutable JSON tree. */
    static ObjectNode wire(EventEnvelope<?> envelope) {
        try {
            return (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return EventCodec.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows a local {@code $ref} of {@code node}, keeping a sibling {@code required} (a use-site tightening). */
    static Resolved resolve(JsonNode root, JsonNode node) {
        JsonNode target = node;
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are expected, got " + ref);
            }
            target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + ref);
            }
        }
        List<String> required = new ArrayList<>();
        target.path("required").forEach(r -> required.add(r.asText()));
        if (node != target) {
            node.path("required").forEach(r -> required.add(r.asText()));
        }
        return new Resolved(target, required);
    }

    record Resolved(JsonNode schema, List<String> required) {
    }

    /**
     * Walks {@code instance} alongside its schema and reports, for every object present in it, each field its
     * schema requires (as a JSON pointer) and, for every string governed by an {@code enum}, its pointer.
     */
    static void walk(JsonNode root, JsonNode schema, JsonNode instance, String pointer,
            BiConsumer<String, Resolved> onRequired, BiConsumer<String, Resolved> onEnum) {
        Resolved resolved = resolve(root, schema);
        JsonNode s = resolved.schema();
        if (instance.isObject()) {
            resolved.required().forEach(name -> onRequired.accept(pointer + "/" + name, resolved));
            s.path("properties").fields().forEachRemaining(p -> {
                if (instance.has(p.getKey())) {
                    walk(root, p.getValue(), instance.get(p.getKey()), pointer + "/" + p.getKey(), onRequired, onEnum);
                }
            });
        } else if (instance.isArray() && s.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                walk(root, s.get("items"), instance.get(i), pointer + "/" + i, onRequired, onEnum);
            }
        } else if (instance.isTextual() && s.has("enum")) {
            onEnum.accept(pointer, resolved);
        }
    }

    /** The parent object of the node at {@code pointer} and the last segment of the pointer. */
    static Target target(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        return new Target(root.at(pointer.substring(0, slash)), pointer.substring(slash + 1));
    }

    record Target(JsonNode parent, String name) {

        void remove() {
            ((ObjectNode) parent).remove(name);
        }

        void set(String text) {
            if (parent.isArray()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name), text);
            } else {
                ((ObjectNode) parent).put(name, text);
            }
        }
    }
}
