package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleEvents.assigned;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** POST /tenants/{placeholderId}/identify through the real broker: the placeholder's requests move to the real tenant. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "manager-mo", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class TenantIdentificationTest {

    private static final String REQUESTS = Topic.REQUESTS.defaultName();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStreams streams = new EventStreams();

    @Test
    void identifyingAPlaceholderMovesItsRequestsAndLaterEventsToTheRealTenant() {
        String requestId = submitWithoutTenant();
        String placeholder = get(requestId).statusCode(200).body("placeholderTenant", equalTo(true)).extract().path("tenantId");
        String tenant = uniqueTenant();

        identify(placeholder, Map.of("tenantId", tenant)).statusCode(200)
                .body(equalTo("{\"placeholderId\":\"" + placeholder + "\",\"tenantId\":\"" + tenant + "\"}"));

        ConsumerRecord<String, byte[]> published = streams.awaitRecord(REQUESTS,
                record -> EventStreams.value(record).contains("\"placeholderId\":\"" + placeholder + "\""), PATIENCE);
        assertThat(published.key()).isEqualTo(placeholder);
        TenantIdentified event = streams.events(REQUESTS, TenantIdentified.class).stream()
                .filter(identified -> identified.placeholderId().equals(placeholder)).findFirst().orElseThrow();
        assertThat(event.tenantId()).isEqualTo(tenant);
        assertThat(event.identifiedBy()).isEqualTo("manager-mo");

        awaitListed(tenant, 1).body("items[0].id", equalTo(requestId)).body("items[0].identifiedFrom", equalTo(placeholder))
                .body("items[0].placeholderTenant", equalTo(false));
        list(placeholder).body("total", equalTo(0));

        // an assignment decided under the placeholder, and a request a submitting system sends under it, land on the tenant
        streams.publish(Topic.ASSIGNMENTS.defaultName(), envelope(requestId,
                assigned(requestId, placeholder, "fta-ana", "Ana", null)));
        Map<String, Object> followUp = SampleRequests.minimal(RequestType.DISCOVERY_WORKSHOP, placeholder);
        String followUpId = IntakeApi.submit(followUp);
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> get(requestId).statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("tenantId", equalTo(tenant)));
        get(followUpId).statusCode(200).body("tenantId", equalTo(tenant)).body("identifiedFrom", equalTo(placeholder));
        awaitListed(tenant, 2);
        list(placeholder).body("total", equalTo(0));
    }

    @Test
    void theSamePairAgainAnswersTheSameAndPublishesNothingAnotherTenantIsAConflict() {
        String requestId = submitWithoutTenant();
        String placeholder = get(requestId).statusCode(200).extract().path("tenantId");
        String tenant = uniqueTenant();
        identify(placeholder, Map.of("tenantId", tenant)).statusCode(200);
        awaitListed(tenant, 1);

        identify(placeholder, Map.of("tenantId", tenant)).statusCode(200)
                .body("placeholderId", equalTo(placeholder)).body("tenantId", equalTo(tenant));
        identify(placeholder, Map.of("tenantId", uniqueTenant())).statusCode(409)
                .body("detail", equalTo("placeholder " + placeholder + " is identified as tenant " + tenant + " already"));

        // the repeat published nothing: the one event on the topic is the first
        List<EventEnvelope<EventData>> identifications = streams.events(REQUESTS).stream()
                .filter(envelope -> envelope.data() instanceof TenantIdentified identified
                        && identified.placeholderId().equals(placeholder)).toList();
        assertThat(identifications).hasSize(1);
    }

    @Test
    void anIdentificationOnTheLogAfterAnotherForTheSamePlaceholderChangesNothing() {
        String requestId = submitWithoutTenant();
        String placeholder = get(requestId).statusCode(200).extract().path("tenantId");
        String first = uniqueTenant();
        String second = uniqueTenant();
        // as two managers racing: both passed the check, both are on the log, in this order
        streams.publish(REQUESTS, envelope(placeholder, new TenantIdentified(placeholder, first, "mo", null)));
        streams.publish(REQUESTS, envelope(placeholder, new TenantIdentified(placeholder, second, "mia", null)));
        String marker = IntakeApi.submit(SampleRequests.minimal(RequestType.DISCOVERY_WORKSHOP, placeholder));

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> get(marker).statusCode(200).body("tenantId", equalTo(first)));
        get(requestId).body("tenantId", equalTo(first));
        list(second).body("total", equalTo(0));
    }

    @Test
    void aPlaceholderNoRequestNamesIsNotFound() {
        String placeholder = "placeholder-" + UUID.randomUUID();
        identify(placeholder, Map.of("tenantId", uniqueTenant())).statusCode(404)
                .body("detail", equalTo("no request names placeholder tenant " + placeholder));
    }

    @Test
    void oneProblemNamesEveryBadField() {
        identify("contoso-001", Map.of("tenantId", "placeholder-" + UUID.randomUUID(), "note", "x", "by", "y")).statusCode(400)
                .body("violations.field", containsInAnyOrder("note", "by", "placeholderId", "tenantId"))
                .body("violations.find { it.field == 'tenantId' }.message", equalTo("must be a real tenant id, not a placeholder"))
                .body("violations.find { it.field == 'placeholderId' }.message",
                        equalTo("must be a placeholder tenant id (placeholder-...)"))
                .body("violations.find { it.field == 'note' }.message", equalTo("unknown field"));
        identify("placeholder-" + UUID.randomUUID(), Map.of("tenantId", "-not a tenant")).statusCode(400)
                .body("violations.field", equalTo(List.of("tenantId")))
                .body("violations[0].message", equalTo("must be 1 to 100 letters, digits or . _ : - starting with a letter or digit"));
        identify("placeholder-" + UUID.randomUUID(), Map.of()).statusCode(400)
                .body("violations", equalTo(List.of(Map.of("field", "tenantId", "message", "is required"))));
    }

    private static String submitWithoutTenant() {
        Map<String, Object> body = SampleRequests.minimal(RequestType.MIGRATION_EXCEPTION, "unused");
        ((Map<?, ?>) body.get("customer")).remove("tenantId");
        return IntakeApi.submit(body);
    }

    static ValidatableResponse identify(String placeholder, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(SampleRequests.json(body))
                .when().post("/tenants/{id}/identify", placeholder).then();
    }

    private static ValidatableResponse list(String tenant) {
        return given().queryParam("tenantId", tenant).when().get("/requests").then().statusCode(200);
    }

    private static ValidatableResponse awaitListed(String tenant, int total) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                list(tenant).body("total", equalTo(total)));
        return list(tenant).body("items.tenantId", equalTo(Collections.nCopies(total, tenant)))
                .body("items[0].review", nullValue());
    }
}
