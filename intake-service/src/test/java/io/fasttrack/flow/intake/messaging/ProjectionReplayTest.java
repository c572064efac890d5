package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.SampleEvents.SLA;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.BREACHED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.COMPLETED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.IDENTIFIED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.PLACEHOLDER;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.REVIEWED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.REVIEWED_AT;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.QUEUED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.ASSIGNED_AT;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.REASSIGNED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.STALLED_ASSIGNED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.STALLED_SUBMITTED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.STALL_CLEARED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.SUBMITTED_ONLY;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Drops the projection and replays the topics: the history of {@link IsolatedIntakeProfile} (garbage records, a
 * duplicate delivery, a reassignment, every status) is on the topics before the application starts on an
 * empty database under a fresh consumer group.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
@TestProfile(IsolatedIntakeProfile.class)
class ProjectionReplayTest {

    @Test
    void replayingTheTopicsIntoAnEmptyDatabaseRebuildsEveryRequest() {
        awaitRequest(SUBMITTED_ONLY, "SUBMITTED", null);
        awaitRequest(QUEUED, "QUEUED", null);
        get(QUEUED).body("slaDeadline", equalTo(SLA.toString()));
        awaitRequest(REASSIGNED, "ASSIGNED", "fta-bo");
        get(REASSIGNED).body("architectName", equalTo("Bo"));
        awaitRequest(COMPLETED, "COMPLETED", "fta-cy");
        get(COMPLETED).body("engagementId", equalTo("eng-" + COMPLETED)).body("slaBreached", equalTo(false));
        awaitRequest(BREACHED, "QUEUED", null);
        get(BREACHED).body("slaBreached", equalTo(true)).body("tenantId", equalTo(tenant(BREACHED)))
                .body("type", equalTo("DISCOVERY_WORKSHOP"));
    }

    @Test
    void replayingTheTopicsFoldsTheIdentifiedPlaceholderAndShowsTheLatestReview() {
        awaitRequest(IDENTIFIED, "ASSIGNED", "fta-bo");
        get(IDENTIFIED).body("tenantId", equalTo(tenant(IDENTIFIED))).body("identifiedFrom", equalTo(PLACEHOLDER))
                .body("placeholderTenant", equalTo(false));
        given().queryParam("tenantId", tenant(IDENTIFIED)).when().get("/requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(IDENTIFIED));
        for (String nobody : new String[] {PLACEHOLDER, "someone-else"}) {
            given().queryParam("tenantId", nobody).when().get("/requests").then().statusCode(200).body("total", equalTo(0));
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(REVIEWED).statusCode(200).body("review.decision", equalTo("APPROVED")));
        get(REVIEWED).body("review.risks", equalTo(List.of("coexistence for 6 weeks")))
                .body("review.note", equalTo("Approved with coexistence"))
                .body("review.decidedAt", equalTo(REVIEWED_AT.plusSeconds(3600).toString()));
    }

    @Test
    void replayingTheTopicsRebuildsTheStallsALiveIntakeShowed() {
        awaitRequest(STALLED_SUBMITTED, "SUBMITTED", null);
        String submittedAt = get(STALLED_SUBMITTED).extract().path("submittedAt");
        get(STALLED_SUBMITTED).body("stalled", equalTo(true)).body("stalledStep", equalTo("SUBMITTED"))
                .body("stalledSince", equalTo(submittedAt));
        // the topics are read side by side: its stall may have been applied before its assignment
        awaitRequest(STALLED_ASSIGNED, "ASSIGNED", "fta-di");
        get(STALLED_ASSIGNED).body("stalled", equalTo(true)).body("stalledStep", equalTo("ASSIGNED"))
                .body("stalledSince", equalTo(ASSIGNED_AT.toString()));
        awaitRequest(STALL_CLEARED, "IN_PROGRESS", "fta-di");
        get(STALL_CLEARED).body("stalled", equalTo(false)).body("stalledStep", nullValue()).body("stalledSince", nullValue());

        for (String tenant : new String[] {tenant(STALLED_SUBMITTED), tenant(STALLED_ASSIGNED), tenant(STALL_CLEARED)}) {
            int expected = tenant.equals(tenant(STALL_CLEARED)) ? 0 : 1;
            given().queryParam("tenantId", tenant).queryParam("stalled", "true").when().get("/requests").then()
                    .statusCode(200).body("total", equalTo(expected));
        }
        // the replay takes in every stall on the topics, those of other test classes too: the gauge counts as the list
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            int listed = given().queryParam("stalled", "true").when().get("/requests").then().statusCode(200)
                    .extract().path("total");
            assertThat(PrometheusScrape.value("fasttrack_intake_requests_stalled")).isEqualTo(listed).isGreaterThanOrEqualTo(2);
        });
    }

    private static void awaitRequest(String id, String status, String architectId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(id).statusCode(200).body("status", equalTo(status))
                        .body("architectId", architectId == null ? nullValue() : equalTo(architectId)));
    }
}
