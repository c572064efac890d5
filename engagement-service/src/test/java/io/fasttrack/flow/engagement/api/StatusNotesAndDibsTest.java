package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class StatusNotesAndDibsTest {

    String tenantId;
    String engagementId;

    @BeforeEach
    void openEngagement() {
        tenantId = unique("tenant");
        String requestId = unique("req");
        engagementId = engagementId(requestId);
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.DISCOVERY_WORKSHOP, false, null,
                List.of(Workload.TEAMS, Workload.EXCHANGE)), architect(unique("fta"), "tm-1"), null, Instant.now()));
        awaitEngagement(engagementId);
    }

    @Test
    void aStatusNoteIsRecordedAndPublished() {
        given().contentType(ContentType.JSON).body("{\"author\": \"Ana\", \"note\": \"pilot running\"}")
                .post("/engagements/{id}/status-notes", engagementId)
                .then().statusCode(201)
                .body("statusNotes.note", equalTo(List.of("pilot running")))
                .body("lastStatusNoteAt", notNullValue());

        List<StatusNoteAdded> notes = Fixtures.engagementEvents(engagementId, StatusNoteAdded.class);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).author()).isEqualTo("Ana");
        assertThat(notes.get(0).note()).isEqualTo("pilot running");
        assertThat(notes.get(0).tenantId()).isEqualTo(tenantId);
    }

    @Test
    void aStatusNoteNeedsAuthorAndNote() {
        given().contentType(ContentType.JSON).body("{\"author\": \" \"}")
                .post("/engagements/{id}/status-notes", engagementId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("author", "note"));
        given().contentType(ContentType.JSON).body("{\"author\": \"Ana\", \"note\": \"x\"}")
                .post("/engagements/{id}/status-notes", "eng-" + unique("nobody"))
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Fixtures.engagementEvents(engagementId, StatusNoteAdded.class)).isEmpty();
    }

    @Test
    void dibsAreRecordedPerWorkloadAndPublishedOnce() {
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();
        String body = "{\"targetDate\": \"" + future + "\", \"intent\": \"roll out Teams Phone\","
                + " \"businessReason\": \"retire PBX\", \"successOwner\": \"CIO office\"}";
        given().contentType(ContentType.JSON).body(body).put("/engagements/{id}/dibs/TEAMS", engagementId)
                .then().statusCode(200)
                .body("dibs.workload", equalTo(List.of("TEAMS")))
                .body("dibs[0].targetDate", equalTo(future))
                .body("dibs[0].successOwner", equalTo("CIO office"));
        given().contentType(ContentType.JSON).body(body).put("/engagements/{id}/dibs/TEAMS", engagementId)
                .then().statusCode(200);

        List<DibsRecorded> recorded = Fixtures.engagementEvents(engagementId, DibsRecorded.class);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).workload()).isEqualTo(Workload.TEAMS);
        assertThat(recorded.get(0).targetDate()).isEqualTo(LocalDate.parse(future));
        assertThat(recorded.get(0).businessReason()).isEqualTo("retire PBX");
    }

    @Test
    void badDibsNameEveryBadField() {
        given().contentType(ContentType.JSON).body("{\"targetDate\": \"soon\", \"intent\": 3, \"colour\": \"red\"}")
                .put("/engagements/{id}/dibs/{workload}", engagementId, "FAX")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("colour", "workload", "targetDate", "intent",
                        "businessReason", "successOwner"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().contentType(ContentType.JSON).body("{\"targetDate\": \"" + today + "\", \"intent\": \"i\","
                        + " \"businessReason\": \"b\", \"successOwner\": \"s\"}")
                .put("/engagements/{id}/dibs/TEAMS", engagementId)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("targetDate")))
                .body("violations[0].message", equalTo("must be in the future"));

        given().contentType(ContentType.JSON).body("[1, 2]").put("/engagements/{id}/dibs/TEAMS", engagementId)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Fixtures.engagementEvents(engagementId, DibsRecorded.class)).isEmpty();
    }

    @Test
    void listParametersAreChecked() {
        given().get("/engagements?stale=maybe&page=-1&size=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("stale", "page", "size"));
        given().get("/engagements?tenantId={t}", tenantId).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(engagementId));
    }
}
