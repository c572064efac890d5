package io.fasttrack.flow.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventSamples;
import io.fasttrack.flow.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The serializer copies the envelope into CloudEvents-style Kafka headers (binary mode). */
class EventSerializerHeadersTest {

    private final EventSerializer serializer = new EventSerializer();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSerializerSetsTheEnvelopeHeaders(EventType type) {
        EventEnvelope<?> sample = EventSamples.of(type);
        RecordHeaders headers = new RecordHeaders();

        serializer.serialize(type.topic().defaultName(), headers, sample);
        Map<String, String> values = single(headers);

        assertThat(values).containsEntry("ce_id", sample.eventId().toString())
                .containsEntry("ce_type", type.wireName())
                .containsEntry("ce_source", sample.source())
                .containsEntry("ce_time", sample.occurredAt().toString())
                .containsEntry("ce_subject", sample.data().subject())
                .containsEntry("ce_eventversion", Integer.toString(type.version()))
                .containsEntry("ce_dataschema", type.schemaPath())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("content-type", "application/json");
        assertThat(UUID.fromString(values.get("ce_id"))).isEqualTo(sample.eventId());
        assertThat(Instant.parse(values.get("ce_time"))).isEqualTo(sample.occurredAt());
        assertThat(getClass().getClassLoader().getResource(values.get("ce_dataschema"))).isNotNull();
        if (sample.correlationId() == null) {
            assertThat(values).doesNotContainKey("ce_correlationid");
        } else {
            assertThat(values).containsEntry("ce_correlationid", sample.correlationId());
        }
        if (sample.causationId() == null) {
            assertThat(values).doesNotContainKey("ce_causationid");
        } else {
            assertThat(values).containsEntry("ce_causationid", sample.causationId());
        }
    }

    @Test
    void theHeaderNamesAreTheCloudEventsKafkaBindingNames() {
        assertThat(EventHeaders.ID).isEqualTo("ce_id");
        assertThat(EventHeaders.TYPE).isEqualTo("ce_type");
        assertThat(EventHeaders.SOURCE).isEqualTo("ce_source");
        assertThat(EventHeaders.TIME).isEqualTo("ce_time");
        assertThat(EventHeaders.SUBJECT).isEqualTo("ce_subject");
        assertThat(EventHeaders.EVENT_VERSION).isEqualTo("ce_eventversion");
        assertThat(EventHeaders.DATA_SCHEMA).isEqualTo("ce_dataschema");
        assertThat(EventHeaders.CONTENT_TYPE).isEqualTo("content-type");
    }

    @Test
    void bothOptionalIdsAreWrittenWhenPresent() {
        EventEnvelope<?> sample = EventSamples.of(EventType.FTA_ASSIGNED);
        assertThat(sample.correlationId()).isNotNull();
        assertThat(sample.causationId()).isNotNull();
        RecordHeaders headers = new RecordHeaders();

        serializer.serialize("t", headers, sample);

        assertThat(single(headers)).containsEntry("ce_correlationid", EventSamples.REQUEST_ID)
                .containsEntry("ce_causationid", sample.causationId());
    }

    @Test
    void staleEnvelopeHeadersAreReplacedAndOthersKept() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "RequestSubmitted".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "old-id".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_correlationid", "REQ-OLD".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
        EventEnvelope<?> usage = EventSamples.of(EventType.USAGE_REPORTED);

        serializer.serialize("t", headers, usage);
        serializer.serialize("t", headers, usage);
        Map<String, String> values = single(headers);

        assertThat(values).containsEntry("ce_type", "UsageReported")
                .containsEntry("ce_id", usage.eventId().toString())
                .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .doesNotContainKey("ce_correlationid");
    }

    /** Header values by name, failing if any name appears twice. */
    private static Map<String, String> single(Headers headers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Header header : headers) {
            String previous = values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            assertThat(previous).as("header %s appears once", header.key()).isNull();
        }
        return values;
    }
}
