package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Applied;
import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A placeholder tenant identified as a real one (TenantIdentified on the requests topic) takes its engagements along. */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class TenantFoldTest {

    private static final String REQUESTS = Topic.REQUESTS.defaultName();

    @Test
    void thePlaceholdersEngagementsMoveToTheRealTenantOnce() {
        String placeholder = unique("placeholder");
        String tenantId = unique("tenant");
        ArchitectRef architect = architect(unique("fta"), unique("tm"));
        String before = open(placeholder, architect);
        given().get("/engagements?tenantId={t}", placeholder).then().body("items.id", contains(before));

        EventEnvelope<TenantIdentified> identified = identification(placeholder, tenantId);
        new EventStreams().publish(REQUESTS, identified);
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> tenantId.equals(
                given().get("/engagements/{id}", before).then().extract().path("tenantId")));
        given().get("/engagements?tenantId={t}", placeholder).then().body("items", empty());

        // assigned for the placeholder after it was identified: opens for the real tenant
        String after = open(placeholder, architect);
        given().get("/engagements/{id}", after).then().body("tenantId", equalTo(tenantId));
        given().get("/engagements?tenantId={t}", tenantId).then().body("items.id", containsInAnyOrder(before, after));

        // its events stay keyed by the tenant it opened for, on the partition of its history
        given().contentType(ContentType.JSON).body("{\"author\": \"Ana\", \"note\": \"identified\"}")
                .post("/engagements/{id}/status-notes", before).then().statusCode(201);
        StatusNoteAdded note = Fixtures.engagementEvents(before, StatusNoteAdded.class).get(0);
        assertThat(note.tenantId()).isEqualTo(placeholder);

        // the same event again, the same identification again, and another tenant for it: nothing changes
        new EventStreams().publish(REQUESTS, identified);
        EventEnvelope<TenantIdentified> again = identification(placeholder, tenantId);
        new EventStreams().publish(REQUESTS, again);
        EventEnvelope<TenantIdentified> contradicting = identification(placeholder, unique("other"));
        new EventStreams().publish(REQUESTS, contradicting);
        Applied.await(again.eventId());
        Applied.await(contradicting.eventId());
        given().get("/engagements?tenantId={t}", tenantId).then().body("items.id", containsInAnyOrder(before, after))
                .body("items.tenantId", contains(tenantId, tenantId));
        given().get("/engagements?tenantId={t}", contradicting.data().tenantId()).then().body("items", empty());
    }

    private static EventEnvelope<TenantIdentified> identification(String placeholder, String tenantId) {
        Instant at = Instant.now().minus(Duration.ofSeconds(1));
        return EventEnvelope.of(at, "intake-service", null, null, new TenantIdentified(placeholder, tenantId, "manager", at));
    }

    private static String open(String tenantId, ArchitectRef architect) {
        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.DISCOVERY_WORKSHOP, false, null, List.of()),
                architect, null, Instant.now()));
        awaitEngagement(engagementId(requestId));
        return engagementId(requestId);
    }
}
