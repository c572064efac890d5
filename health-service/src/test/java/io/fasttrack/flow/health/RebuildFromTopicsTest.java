package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.ASSIGNMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Drops everything the database holds about a customer, then replays the customer's records from the usage and
 * assignments topics: the health view comes back identical, category history and event ids included.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RebuildFromTopicsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 1);

    @Inject
    ProjectionEraser eraser;

    @Test
    void replayingTheTopicsIntoAnEmptyProjectionRebuildsItExactly() {
        String tenant = "rebuild-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-02-02T10:00:00Z");
        ArchitectRef architect = new ArchitectRef("fta-" + tenant, "Rita", ArchitectRole.GET_MODERN_FTA, Region.APAC, "tm-" + tenant);
        RequestSnapshot request = new RequestSnapshot("req-" + tenant, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Rebuilt Ltd", Segment.OTHER, false), Region.APAC, "Asia/Tokyo",
                new Contact("Seller", "seller@example.com"), List.of(), List.of(), true, false, null, at);
        new EventStreams().publish(ASSIGNMENTS_TOPIC, EventEnvelope.of(at, "test", "req-" + tenant, null,
                new FtaAssigned("req-" + tenant, tenant, architect, request, 1, at, at, "FIT", List.of(), null, null, null, null)));
        post(List.of(report(tenant, "WINDOWS", 400, 20, DAY), report(tenant, "INTUNE", 600, 30, DAY)));
        post(report(tenant, "WINDOWS", 400, 300, DAY.plusMonths(1)));
        post(report(tenant, "INTUNE", 600, 500, DAY.plusMonths(2)));
        awaitHealth(tenant, DAY.plusMonths(2), "0.8");
        Map<String, Object> before = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/customers/{t}/health", tenant).then().extract().jsonPath().getMap("$"),
                        view -> view.get("owner") != null);
        assertThat((List<?>) before.get("history")).hasSize(3);

        List<ConsumerRecord<String, byte[]>> log = new ArrayList<>(recordsFor(USAGE_TOPIC, tenant));
        List<ConsumerRecord<String, byte[]>> assignments = recordsFor(ASSIGNMENTS_TOPIC, tenant);
        List<UUID> eventIds = new ArrayList<>();
        log.forEach(record -> eventIds.add(EventCodec.decode(record.value()).eventId()));
        assignments.forEach(record -> eventIds.add(EventCodec.decode(record.value()).eventId()));
        eraser.erase(tenant, eventIds);
        given().get("/customers/{t}/health", tenant).then().statusCode(404);

        EventStreams streams = new EventStreams();
        assignments.forEach(record -> streams.publishRaw(ASSIGNMENTS_TOPIC, tenant, EventStreams.value(record)));
        log.forEach(record -> streams.publishRaw(USAGE_TOPIC, tenant, EventStreams.value(record)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(given().get("/customers/{t}/health", tenant).then().statusCode(200).extract().jsonPath().getMap("$"))
                        .isEqualTo(before));
        // the replay republished the same three changes under the same ids: consumers of the health topic dedupe them
        assertThat(recordsFor(HEALTH_TOPIC, tenant).stream().map(record -> EventStreams.header(record, "ce_id")).distinct())
                .hasSize(3);
    }
}
