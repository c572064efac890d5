package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in (SPEC section 6).
 *
 * @param eventId       unique id; consumers are idempotent by it
 * @param type          wire name of the payload, e.g. {@code RequestSubmitted}
 * @param version       schema version of the payload
 * @param occurredAt    when it happened, UTC
 * @param source        the service that published it
 * @param subject       the partition key (customer or architect id)
 * @param correlationId the request id where there is one
 * @param causationId   the event that caused this one, if any
 * @param data          the payload
 */
public record EventEnvelope<T extends EventData>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String source,
        String subject,
        String correlationId,
        String causationId,
        T data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Wraps a payload with a given id, taking type, version and subject from the payload. A caller that
     * must be deterministic (a replayed decision) passes an id derived from its cause.
     */
    public static <T extends EventData> EventEnvelope<T> of(
            UUID eventId, Instant occurredAt, String source, String correlationId, String causationId, T data) {
        EventType type = EventType.of(data.getClass());
        return new EventEnvelope<>(eventId, type.wireName(), type.version(), occurredAt, source,
                data.subject(), correlationId, causationId, data);
    }

    /** Wraps a payload under a fresh random id. */
    public static <T extends EventData> EventEnvelope<T> of(
            Instant occurredAt, String source, String correlationId, String causationId, T data) {
        return of(UUID.randomUUID(), occurredAt, source, correlationId, causationId, data);
    }

    /** The id of an event caused by this one whose identity is fully determined by its cause and a discriminator. */
    public UUID derivedId(String discriminator) {
        return UUID.nameUUIDFromBytes((eventId + "/" + discriminator).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public EventType eventType() {
        return EventType.of(type, version);
    }

    /** The payload as the given type; fails loudly if the envelope carries another type. */
    public <D extends EventData> D dataAs(Class<D> expected) {
        if (!expected.isInstance(data)) {
            throw new IllegalStateException("event " + eventId + " carries " + type + ", not " + expected.getSimpleName());
        }
        return expected.cast(data);
    }
}
