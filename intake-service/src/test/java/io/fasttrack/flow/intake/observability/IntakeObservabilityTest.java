package io.fasttrack.flow.intake.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What an operator sees of intake: the request counters, dead letters, consumer lag, and the trace through Kafka. */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class IntakeObservabilityTest {

    private static final String REQUESTS = Topic.REQUESTS.defaultName();
    private final EventStreams streams = new EventStreams();

    @Test
    void countsAcceptedAndRefusedRequestsByType() {
        double accepted = PrometheusScrape.value("fasttrack_intake_requests_accepted_total", "type=\"DISCOVERY_WORKSHOP\"");
        double refused = PrometheusScrape.value("fasttrack_intake_requests_refused_total", "type=\"DISCOVERY_WORKSHOP\"");
        double refusedUnknown = PrometheusScrape.value("fasttrack_intake_requests_refused_total", "type=\"UNKNOWN\"");

        post(SampleRequests.minimal(RequestType.DISCOVERY_WORKSHOP, tenant())).then().statusCode(202);
        post("{\"type\": \"DISCOVERY_WORKSHOP\"}").then().statusCode(400);
        post("{\"type\": \"NO_SUCH_TYPE\"}").then().statusCode(400);

        assertThat(PrometheusScrape.value("fasttrack_intake_requests_accepted_total", "type=\"DISCOVERY_WORKSHOP\"")).isEqualTo(accepted + 1);
        assertThat(PrometheusScrape.value("fasttrack_intake_requests_refused_total", "type=\"DISCOVERY_WORKSHOP\"")).isEqualTo(refused + 1);
        assertThat(PrometheusScrape.value("fasttrack_intake_requests_refused_total", "type=\"UNKNOWN\"")).isEqualTo(refusedUnknown + 1);
    }

    @Test
    void countsADeadLetterAsASendOfTheDeadLetterProducer() {
        // the dead-letter producer of the channel: client id kafka-dead-letter-topic-producer-<consumer client id>
        String deadLetterProducer = "client_id=\"kafka-dead-letter-topic-producer-kafka-consumer-events-in\"";
        double before = PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer);
        String key = "garbage-" + UUID.randomUUID();

        streams.publishRaw(REQUESTS, key, "{not an event");

        streams.awaitRecord(REQUESTS + ".dlq", record -> key.equals(record.key()), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer)).isEqualTo(before + 1));
    }

    @Test
    void exposesTheConsumerLagOfEveryInputChannel() {
        // the per-consumer maximum is there from the start, one series per channel (client id kafka-consumer-<channel>);
        // the per-partition kafka_consumer_fetch_manager_records_lag{topic,partition} follows at the binder's next refresh
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String channel : new String[] {"events-in"}) {
                assertThat(PrometheusScrape.present("kafka_consumer_fetch_manager_records_lag_max",
                        "client_id=\"kafka-consumer-" + channel + "\"")).as(channel).isTrue();
            }
        });
    }

    @Test
    void theRequestSubmittedRecordCarriesTheCallersTraceInItsHeaders() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpan = HexFormat.of().formatHex(randomBytes(8));

        String id = given().header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
                .contentType("application/json").body(SampleRequests.minimal(RequestType.DISCOVERY_WORKSHOP, tenant()))
                .when().post("/requests").then().statusCode(202).extract().path("id");

        ConsumerRecord<String, byte[]> record = streams.awaitRecord(REQUESTS,
                r -> id.equals(EventStreams.header(r, "ce_subject")) || EventStreams.value(r).contains(id), Duration.ofSeconds(10));
        String traceparent = EventStreams.header(record, "traceparent");
        assertThat(traceparent).as("traceparent header of the RequestSubmitted record").isNotNull();
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).as("trace id").isEqualTo(traceId);
        assertThat(parts[2]).as("the producer's own span, a child of the caller's").isNotEqualTo(parentSpan);
    }

    private static io.restassured.response.Response post(Object body) {
        return given().contentType("application/json").body(body).when().post("/requests");
    }

    private static String tenant() {
        return "obs-" + UUID.randomUUID();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (bytes[0] == 0);
        return bytes;
    }
}
