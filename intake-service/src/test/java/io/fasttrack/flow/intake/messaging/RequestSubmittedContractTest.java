package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The RequestSubmitted record exactly as an operator with kcat, or another service, finds it on the topic. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RequestSubmittedContractTest {

    private final EventStreams streams = new EventStreams();

    @Test
    void theRecordIsKeyedByTenantWithEnvelopeHeadersAndAReadableJsonValue() throws Exception {
        String tenant = uniqueTenant();
        Map<String, Object> body = SampleRequests.minimal(RequestType.ECIF_DWR_REVIEW, tenant);
        body.put("getModern", true);
        String id = IntakeApi.submit(body);

        ConsumerRecord<String, byte[]> record = streams.records(Topic.REQUESTS.defaultName()).stream()
                .filter(r -> id.equals(EventStreams.header(r, EventHeaders.CORRELATION_ID))).findFirst().orElseThrow();
        JsonNode value = EventCodec.mapper().readTree(record.value());
        EventEnvelope<EventData> envelope = EventCodec.decode(record.value());

        assertThat(record.key()).isEqualTo(tenant);
        assertThat(EventStreams.header(record, EventHeaders.TYPE)).isEqualTo("RequestSubmitted");
        assertThat(EventStreams.header(record, EventHeaders.ID)).isEqualTo(value.get("eventId").asText());
        assertThat(EventStreams.header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(EventStreams.header(record, EventHeaders.SOURCE)).isEqualTo("intake-service");
        assertThat(EventStreams.header(record, EventHeaders.SUBJECT)).isEqualTo(tenant);
        assertThat(EventStreams.header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1");
        assertThat(EventStreams.header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");

        assertThat(value.get("type").asText()).isEqualTo("RequestSubmitted");
        assertThat(value.get("version").asInt()).isEqualTo(1);
        assertThat(value.get("source").asText()).isEqualTo("intake-service");
        assertThat(value.get("subject").asText()).isEqualTo(tenant);
        assertThat(value.get("correlationId").asText()).isEqualTo(id);
        assertThat(Instant.parse(value.get("occurredAt").asText())).isNotNull();
        JsonNode data = value.get("data");
        assertThat(data.get("requestId").asText()).isEqualTo(id);
        assertThat(data.get("type").asText()).isEqualTo("ECIF_DWR_REVIEW");
        assertThat(data.get("family").asText()).isEqualTo("FUNDING");
        assertThat(data.get("queue").asText()).isEqualTo("FTA");
        assertThat(data.get("customer").get("tenantId").asText()).isEqualTo(tenant);
        assertThat(data.get("customer").get("name").asText()).isEqualTo("Contoso");
        assertThat(data.get("customer").get("segment").asText()).isEqualTo("S500");
        assertThat(data.get("customer").get("placeholderTenant").asBoolean()).isFalse();
        assertThat(data.get("region").asText()).isEqualTo("EMEA");
        assertThat(data.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(data.get("requestor").get("email").asText()).isEqualTo("seller@example.com");
        assertThat(data.get("accountTeam")).hasSize(2);
        assertThat(data.get("workloads").get(0).asText()).isEqualTo("EXCHANGE");
        assertThat(data.get("getModern").asBoolean()).isTrue();
        assertThat(data.get("attachments")).hasSize(3);
        assertThat(data.get("attachments").get(0).get("kind").asText()).isEqualTo("SOW");
        assertThat(data.get("fundingAmountUsd").decimalValue()).isEqualByComparingTo("75000");
        assertThat(Instant.parse(data.get("submittedAt").asText())).isNotNull();
        assertThat(envelope.dataAs(RequestSubmitted.class).requestId()).isEqualTo(id);
    }
}
