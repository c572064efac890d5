package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.kit.time.SettableClock;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class StalenessTest {

    @Inject
    SettableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anEngagementWithoutStatusNoteIsStaleAfterTwentyEightDaysNotTwentySeven() {
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(opened);
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = engagementId(requestId);
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()),
                architect(unique("fta"), "tm-1"), null, opened));
        awaitEngagement(engagementId).body("stale", equalTo(false));

        clock.set(opened.plus(Duration.ofDays(27)));
        given().get("/engagements/{id}", engagementId).then().body("stale", equalTo(false));
        given().get("/engagements?tenantId={t}&stale=true", tenantId).then().statusCode(200).body("items", empty());
        given().get("/engagements?tenantId={t}&stale=false", tenantId).then().body("items.id", contains(engagementId));

        clock.set(opened.plus(Duration.ofDays(28)));
        given().get("/engagements/{id}", engagementId).then().body("stale", equalTo(true));
        given().get("/engagements?tenantId={t}&stale=true", tenantId).then().body("items.id", contains(engagementId))
                .body("items[0].stale", equalTo(true));
        given().get("/engagements?tenantId={t}&stale=false", tenantId).then().body("items", empty());
    }

    @Test
    void aStatusNoteRestartsTheCount() {
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(opened);
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = engagementId(requestId);
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()),
                architect(unique("fta"), "tm-1"), null, opened));
        awaitEngagement(engagementId);

        clock.set(opened.plus(Duration.ofDays(20)));
        given().contentType(ContentType.JSON).body("{\"author\": \"Ana\", \"note\": \"on track\"}")
                .post("/engagements/{id}/status-notes", engagementId).then().statusCode(201);

        clock.set(opened.plus(Duration.ofDays(47)));
        given().get("/engagements/{id}", engagementId).then().body("stale", equalTo(false));
        clock.set(opened.plus(Duration.ofDays(48)));
        given().get("/engagements/{id}", engagementId).then().body("stale", equalTo(true));
        given().get("/engagements?tenantId={t}&stale=true", tenantId).then().body("items.id", contains(engagementId));
    }
}
