package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.ASSIGNMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.REQUESTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.putContract;
import static io.fasttrack.flow.health.HealthApi.putOwner;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.TenantIdentified;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A placeholder tenant with an owner, usage, a FastTrack Manager and a contract is identified as the real tenant
 * (TenantIdentified on the requests topic): the real tenant's health is the placeholder's, what still arrives under
 * the placeholder lands in the real tenant, another identification changes nothing, and a rebuild from the topics
 * gives the same answer.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class TenantFoldTest {

    private static final LocalDate D1 = LocalDate.of(2026, 8, 1);
    private static final Instant T0 = Instant.parse("2026-08-02T09:00:00Z");

    private final EventStreams streams = new EventStreams();

    @Inject
    ProjectionEraser eraser;

    @Test
    void thePlaceholdersRecordsBecomeTheRealTenantsOnceAndAlikeOnRebuild() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String placeholder = "placeholder-" + run;
        String tenant = "tenant-" + run;
        String sentinel = "sentinel-" + run;
        String manager = "ftm-fold-" + run;
        ArchitectRef architect = new ArchitectRef("fta-fold-" + run, "Paula", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, "tm-" + run);
        RequestSnapshot request = new RequestSnapshot("req-" + placeholder, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(placeholder, "Not Yet Known Ltd", Segment.S500, false), Region.EMEA, "Europe/Paris",
                new Contact("Seller", "seller@example.com"), List.of(), List.of(), false, false, null, T0.minusSeconds(600));
        streams.publish(ASSIGNMENTS_TOPIC, EventEnvelope.of(T0, "test", request.requestId(), null, new FtaAssigned(
                request.requestId(), placeholder, architect, request, 1, T0.plusSeconds(86_400), T0, "FIT", List.of(), null, null, null, null)));
        post(List.of(report(placeholder, "TEAMS", 1000, 100, D1), report(placeholder, "TEAMS", 1000, 400, D1.plusDays(10)),
                report(placeholder, "TEAMS", 1000, 700, D1.plusDays(20)), report(sentinel, "TEAMS", 10, 5, D1)));
        putOwner(placeholder, manager);
        putContract(placeholder, LocalDate.of(2027, 2, 1), LocalDate.of(2026, 2, 1));
        Map<String, Object> placeholderView = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> view(placeholder), view -> view != null && view.get("owner") != null && manager.equals(view.get("fastTrackManager"))
                        && "2027-02-01".equals(view.get("renewalDate")) && D1.plusDays(20).toString().equals(view.get("asOf")));
        assertThat((List<?>) placeholderView.get("history")).hasSize(3);
        awaitHealth(sentinel, D1, "0.5");

        EventEnvelope<TenantIdentified> identified = EventEnvelope.of(T0.plusSeconds(3600), "intake-service", null, null,
                new TenantIdentified(placeholder, tenant, "manager-1", T0.plusSeconds(3600)));
        streams.publish(REQUESTS_TOPIC, identified);
        Map<String, Object> folded = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> view(tenant), view -> view != null && view.get("owner") != null);
        Map<String, Object> expected = new HashMap<>(placeholderView);
        expected.put("tenantId", tenant);
        assertThat(folded).isEqualTo(expected);
        // the placeholder's id answers as the real tenant; the renewal is the real tenant's
        assertThat(view(placeholder)).isEqualTo(expected);
        assertThat(given().get("/renewals?within=P3650D&fastTrackManager=" + manager).then().statusCode(200).extract()
                .jsonPath().getList("items.tenantId")).containsExactly(tenant);

        // the same identification delivered again, and another of the same placeholder, change nothing; the sentinel
        // (on the placeholder's partition, after them) tells they were read
        streams.publishRaw(REQUESTS_TOPIC, placeholder, new String(EventCodec.encode(identified), StandardCharsets.UTF_8));
        streams.publish(REQUESTS_TOPIC, EventEnvelope.of(T0.plusSeconds(7200), "intake-service", null, null,
                new TenantIdentified(placeholder, "someone-else-" + run, "manager-2", T0.plusSeconds(7200))));
        streams.publishRaw(REQUESTS_TOPIC, placeholder, new String(EventCodec.encode(EventEnvelope.of(T0.plusSeconds(7300),
                "intake-service", null, null, new TenantIdentified(sentinel, "sentinel-real-" + run, "manager-2", T0.plusSeconds(7300)))),
                StandardCharsets.UTF_8));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> view(sentinel), view -> view != null && ("sentinel-real-" + run).equals(view.get("tenantId")));
        assertThat(view(tenant)).isEqualTo(expected);

        // what still arrives under the placeholder is the real tenant's
        post(report(placeholder, "TEAMS", 1000, 750, D1.plusDays(30)));
        awaitHealth(tenant, D1.plusDays(30), "0.75");
        Map<String, Object> before = view(tenant);
        assertThat(view("someone-else-" + run)).isNull();

        List<ConsumerRecord<String, byte[]>> identifications = recordsFor(REQUESTS_TOPIC, placeholder);
        List<ConsumerRecord<String, byte[]>> assignments = recordsFor(ASSIGNMENTS_TOPIC, placeholder);
        List<ConsumerRecord<String, byte[]>> accounts = recordsFor(HEALTH_TOPIC, placeholder);
        List<ConsumerRecord<String, byte[]>> usage = recordsFor(USAGE_TOPIC, placeholder);
        List<UUID> eventIds = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> records : List.of(identifications, assignments, accounts, usage)) {
            records.forEach(record -> eventIds.add(EventCodec.decode(record.value()).eventId()));
        }
        eraser.erase(placeholder, eventIds);
        eraser.erase(tenant, List.of());
        given().get("/customers/{t}/health", tenant).then().statusCode(404);

        // the rebuild meets the identification first this time
        identifications.forEach(record -> streams.publishRaw(REQUESTS_TOPIC, placeholder, EventStreams.value(record)));
        assignments.forEach(record -> streams.publishRaw(ASSIGNMENTS_TOPIC, placeholder, EventStreams.value(record)));
        accounts.forEach(record -> streams.publishRaw(HEALTH_TOPIC, placeholder, EventStreams.value(record)));
        usage.forEach(record -> streams.publishRaw(USAGE_TOPIC, placeholder, EventStreams.value(record)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(view(tenant)).isEqualTo(before));
    }

    @Test
    void aRealTenantWithHealthOfItsOwnKeepsItsReportsAndIsReassessedOverBoth() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String placeholder = "placeholder-both-" + run;
        String tenant = "tenant-both-" + run;
        post(report(tenant, "TEAMS", 100, 100, D1));                                                      // NEW HEALTHY
        post(List.of(report(placeholder, "TEAMS", 100, 10, D1), report(placeholder, "EXCHANGE", 900, 90, D1))); // NEW LOW
        awaitHealth(tenant, D1, "1");
        awaitHealth(placeholder, D1, "0.1");

        EventEnvelope<TenantIdentified> identified = EventEnvelope.of(T0, "intake-service", null, null,
                new TenantIdentified(placeholder, tenant, "manager-1", T0));
        streams.publish(REQUESTS_TOPIC, identified);
        // the real tenant's own TEAMS report of that date stays; EXCHANGE joins it: 190 of 1000 seats
        var merged = awaitHealth(tenant, D1, "0.19");
        assertThat(merged.getString("category")).isEqualTo("LOW");
        assertThat(merged.getList("workloads.workload")).containsExactly("EXCHANGE", "TEAMS");
        assertThat(merged.getList("workloads.active", Integer.class)).containsExactly(90, 100);
        assertThat(merged.getList("history.direction")).containsExactlyInAnyOrder("NEW", "NEW", "DOWN");

        var moved = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> HealthApi.healthEvents(tenant, HealthCategoryChanged.class),
                changes -> changes.size() == 2).get(1);
        assertThat(moved.direction()).isEqualTo("DOWN");
        assertThat(moved.previousCategory()).isEqualTo("HEALTHY");
        assertThat(moved.newCategory()).isEqualTo("LOW");
        assertThat(moved.utilization()).isEqualByComparingTo("0.19");
        ConsumerRecord<String, byte[]> change = recordsFor(HEALTH_TOPIC, tenant).get(1);
        assertThat(EventStreams.header(change, "ce_id")).isEqualTo(identified.derivedId("HealthCategoryChanged").toString());
        assertThat(EventStreams.header(change, "ce_causationid")).isEqualTo(identified.eventId().toString());
    }

    /** The customer's health answer as a map, null while there is none. */
    private static Map<String, Object> view(String tenant) {
        var response = given().get("/customers/{t}/health", tenant);
        return response.statusCode() == 200 ? response.jsonPath().getMap("$") : null;
    }
}
