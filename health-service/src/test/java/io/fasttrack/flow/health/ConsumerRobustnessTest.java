package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.ASSIGNMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Redeliveries, unreadable and invalid records on the input topics, published straight to the broker. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class ConsumerRobustnessTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    private final EventStreams streams = new EventStreams();

    private static EventEnvelope<UsageReported> usage(UUID eventId, String tenant, long active, LocalDate asOf) {
        Instant at = Instant.parse("2026-11-01T08:00:00Z");
        return EventEnvelope.of(eventId, at, "test", null, null,
                new UsageReported(tenant, Workload.SHAREPOINT, 1000, active, asOf, null, at));
    }

    @Test
    void aRedeliveredEventIdChangesNothing() {
        String tenant = "dup-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        streams.publish(USAGE_TOPIC, usage(eventId, tenant, 100, DAY));
        // same event id again, exactly, then with a body that would make the customer HEALTHY if it were applied
        streams.publish(USAGE_TOPIC, usage(eventId, tenant, 100, DAY));
        streams.publish(USAGE_TOPIC, usage(eventId, tenant, 900, DAY.plusDays(1)));
        // a fresh event behind them proves the consumer went past the duplicates
        streams.publish(USAGE_TOPIC, usage(UUID.randomUUID(), tenant, 110, DAY.plusDays(2)));

        JsonPath health = awaitHealth(tenant, DAY.plusDays(2), "0.11");
        assertThat(health.getString("category")).isEqualTo("LOW");
        assertThat(health.getList("history.newCategory")).containsExactly("LOW");
        assertThat(recordsFor(HEALTH_TOPIC, tenant)).hasSize(1);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheReasonAndTheNextRecordIsApplied() {
        String tenant = "dlq-" + UUID.randomUUID();
        // the dead-letter producer of the channel: client id kafka-dead-letter-topic-producer-<consumer client id>
        String deadLetterProducer = "client_id=\"kafka-dead-letter-topic-producer-kafka-consumer-usage-in\"";
        double deadLetters = io.fasttrack.flow.testing.PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer);
        streams.publishRaw(USAGE_TOPIC, tenant, "{ this is not json");
        streams.publishRaw(USAGE_TOPIC, tenant, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"UsageForecasted\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-01T08:00:00Z\",\"source\":\"x\",\"subject\":\"" + tenant + "\",\"data\":{}}");
        streams.publish(USAGE_TOPIC, usage(UUID.randomUUID(), tenant, 700, DAY));

        ConsumerRecord<String, byte[]> garbage = streams.awaitRecord(USAGE_TOPIC + ".dlq",
                record -> tenant.equals(record.key()) && EventStreams.value(record).startsWith("{ this"), Duration.ofSeconds(60));
        assertThat(EventStreams.header(garbage, "dead-letter-reason")).contains("not JSON");
        ConsumerRecord<String, byte[]> unknown = streams.awaitRecord(USAGE_TOPIC + ".dlq",
                record -> tenant.equals(record.key()) && EventStreams.value(record).contains("UsageForecasted"), Duration.ofSeconds(60));
        assertThat(EventStreams.header(unknown, "dead-letter-reason")).contains("unknown event type 'UsageForecasted'");
        // both counted by the dead-letter producer's sends to the topic's .dlq
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                io.fasttrack.flow.testing.PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer)).isEqualTo(deadLetters + 2));

        JsonPath health = awaitHealth(tenant, DAY, "0.7");
        assertThat(health.getString("category")).isEqualTo("HEALTHY");
        // records polled together: only the two unreadable ones are dead-lettered, the good one is applied
        assertThat(recordsFor(USAGE_TOPIC + ".dlq", tenant)).hasSize(2);
    }

    @Test
    void aUsageReportWithImpossibleSeatsIsDeadLetteredWithTheReasonAndTheNextIsApplied() {
        String tenant = "negative-" + UUID.randomUUID();
        UUID impossible = UUID.randomUUID();
        streams.publish(USAGE_TOPIC, usage(impossible, tenant, -5, DAY));
        streams.publish(USAGE_TOPIC, usage(UUID.randomUUID(), tenant, 400, DAY));

        ConsumerRecord<String, byte[]> deadLetter = streams.awaitRecord(USAGE_TOPIC + ".dlq",
                record -> tenant.equals(record.key()), Duration.ofSeconds(60));
        assertThat(EventStreams.header(deadLetter, "dead-letter-reason")).contains(impossible.toString()).contains("active >= 0");
        JsonPath health = awaitHealth(tenant, DAY, "0.4");
        assertThat(health.getString("category")).isEqualTo("GROWING");
        assertThat(health.getList("history.newCategory")).containsExactly("GROWING");
        assertThat(recordsFor(USAGE_TOPIC + ".dlq", tenant)).hasSize(1);
    }

    @Test
    void anAssignmentWithoutAnArchitectIsDeadLetteredAndTheNextOneOwnsTheCustomer() {
        String tenant = "no-architect-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-09-02T10:00:00Z");
        streams.publish(ASSIGNMENTS_TOPIC, assignment(tenant, new ArchitectRef("", "Nobody", ArchitectRole.ALIGNMENT_FTA,
                Region.EMEA, "tm-" + tenant), at.plusSeconds(60)));
        streams.publish(ASSIGNMENTS_TOPIC, assignment(tenant, new ArchitectRef("fta-" + tenant, "Olga", ArchitectRole.ALIGNMENT_FTA,
                Region.EMEA, "tm-" + tenant), at));
        post(report(tenant, "TEAMS", 100, 50, DAY));

        ConsumerRecord<String, byte[]> deadLetter = streams.awaitRecord(ASSIGNMENTS_TOPIC + ".dlq",
                record -> tenant.equals(record.key()), Duration.ofSeconds(60));
        assertThat(EventStreams.header(deadLetter, "dead-letter-reason")).contains("names no architect");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(awaitHealth(tenant, DAY, "0.5").getString("owner.architectId")).isEqualTo("fta-" + tenant));
        assertThat(recordsFor(ASSIGNMENTS_TOPIC + ".dlq", tenant)).hasSize(1);
    }

    private static EventEnvelope<FtaAssigned> assignment(String tenant, ArchitectRef architect, Instant at) {
        String requestId = "req-" + tenant + "-" + at.getEpochSecond();
        RequestSnapshot request = new RequestSnapshot(requestId, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Customer " + tenant, Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Seller", "seller@example.com"), List.of(), List.of(Workload.TEAMS), false, false, null, at);
        return EventEnvelope.of(at, "test", requestId, null,
                new FtaAssigned(requestId, tenant, architect, request, 1, at.plusSeconds(172_800), at, "FIT", List.of(), null, null, null, null));
    }
}
