package io.fasttrack.flow.events.kafka;

import io.fasttrack.flow.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Envelope fields as Kafka headers, named as in CloudEvents' Kafka binding (binary mode), so an operator
 * sees the type and ids of a record without decoding its value. The value still carries the whole envelope.
 */
public final class EventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String EVENT_VERSION = "ce_eventversion";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String CONTENT_TYPE = "content-type";

    private EventHeaders() {
    }

    /** Replaces the envelope headers on {@code headers} with those of {@code envelope}. */
    public static void write(Headers headers, EventEnvelope<?> envelope) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, envelope.eventId().toString());
        put(headers, TYPE, envelope.type());
        put(headers, SOURCE, envelope.source());
        put(headers, TIME, envelope.occurredAt().toString());
        put(headers, SUBJECT, envelope.subject());
        put(headers, DATA_SCHEMA, envelope.eventType().schemaPath());
        put(headers, EVENT_VERSION, Integer.toString(envelope.version()));
        put(headers, CORRELATION_ID, envelope.correlationId());
        put(headers, CAUSATION_ID, envelope.causationId());
        put(headers, CONTENT_TYPE, "application/json");
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
