package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.ReviewDecided;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Reviews and escalations this instance never wrote (another instance's, or history in a rebuild) build the same
 * projection as its own writes: in order, each event id once, the first final decision standing.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class ReviewAndEscalationHistoryTest {

    @Test
    void reviewsAndEscalationsAreBuiltFromTheEngagementsTopic() {
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = engagementId(requestId);
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FtopTask firstContact = new FtopTask("3298", "Pre-Sales: First Account Team contact made", true);
        EventEnvelope<ReviewDecided> approved = envelope(requestId, new ReviewDecided(engagementId, requestId, tenantId,
                ana.id(), RequestType.MIGRATION_EXCEPTION, ReviewDecision.APPROVED, List.of("archives", "quota"),
                "two waves", ana.id(), opened.plusSeconds(30)));
        EventEnvelope<EscalationResolved> resolved = envelope(requestId, new EscalationResolved(engagementId, "ESC-1",
                requestId, tenantId, EscalationSeverity.HIGH, "consent granted", "tm-boss", opened.plusSeconds(50)));
        List<EventEnvelope<?>> history = List.of(
                envelope(requestId, new EngagementOpened(engagementId, requestId, tenantId, ana,
                        RequestType.MIGRATION_EXCEPTION, RequestQueue.FTA, List.of(firstContact), opened)),
                envelope(requestId, new EscalationRaised(engagementId, "ESC-1", requestId, tenantId, ana.id(),
                        EscalationSeverity.HIGH, "no consent", "Customer IT", ana.id(), opened.plusSeconds(5))),
                envelope(requestId, new TaskCompleted(engagementId, requestId, tenantId, ana.id(), firstContact, "Ana",
                        opened.plusSeconds(10))),
                envelope(requestId, new ReviewDecided(engagementId, requestId, tenantId, ana.id(),
                        RequestType.MIGRATION_EXCEPTION, ReviewDecision.CHANGES_REQUESTED, List.of(), "rollback plan?",
                        ana.id(), opened.plusSeconds(20))),
                approved,
                approved,
                envelope(requestId, new EngagementCompleted(engagementId, requestId, tenantId, ana.id(),
                        opened.plusSeconds(30))),
                envelope(requestId, new EscalationRaised(engagementId, "ESC-2", requestId, tenantId, ana.id(),
                        EscalationSeverity.LOW, "invoice address", null, "tm-boss", opened.plusSeconds(40))),
                resolved,
                resolved,
                // a decision after the final one (another instance at the same time) is kept but changes nothing
                envelope(requestId, new ReviewDecided(engagementId, requestId, tenantId, ana.id(),
                        RequestType.MIGRATION_EXCEPTION, ReviewDecision.REJECTED, List.of(), null, "tm-boss",
                        opened.plusSeconds(60))));
        EventStreams streams = new EventStreams();
        history.forEach(event -> streams.publish(Fixtures.ENGAGEMENTS, event));

        Awaitility.await().atMost(Fixtures.WAIT).until(() -> given().get("/engagements/{id}", engagementId)
                .then().extract().<List<String>>path("reviews.decision"), decisions -> decisions != null
                        && decisions.size() == 3);
        // one key, one partition: the last review applied means every event before it was too
        given().get("/engagements/{id}", engagementId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("reviewRequired", equalTo(true))
                .body("reviews.decision", contains("CHANGES_REQUESTED", "APPROVED", "REJECTED"))
                .body("reviews[1].risks", contains("archives", "quota"))
                .body("reviews[1].decidedAt", equalTo(opened.plusSeconds(30).toString()))
                .body("escalations.escalationId", contains("ESC-1", "ESC-2"))
                .body("escalations.status", contains("RESOLVED", "OPEN"))
                .body("escalations[0].resolution", equalTo("consent granted"))
                .body("escalations[0].resolvedBy", equalTo("tm-boss"))
                .body("escalations[1].owner", equalTo(null));
        given().get("/engagements?tenantId={t}&escalated=true", tenantId).then().statusCode(200)
                .body("items.id", contains(engagementId))
                .body("items[0].openEscalations", equalTo(1));

        // decided in history: a review now is a conflict
        given().contentType(ContentType.JSON).body("{\"decision\": \"APPROVED\"}")
                .post("/engagements/{id}/review", engagementId)
                .then().statusCode(409).body("detail", containsString("the review is decided already"));
        given().contentType(ContentType.JSON).body("{\"resolution\": \"again\"}")
                .post("/engagements/{id}/escalations/ESC-1/resolve", engagementId)
                .then().statusCode(409);

        // escalation ids belong to their engagement: another engagement's ESC-1 is another escalation
        String otherRequestId = unique("req");
        String other = engagementId(otherRequestId);
        streams.publish(Fixtures.ENGAGEMENTS, envelope(otherRequestId, new EngagementOpened(other, otherRequestId,
                tenantId, ana, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA, List.of(firstContact), opened)));
        streams.publish(Fixtures.ENGAGEMENTS, envelope(otherRequestId, new EscalationRaised(other, "ESC-1",
                otherRequestId, tenantId, ana.id(), EscalationSeverity.MEDIUM, "no workshop date", "CSU", ana.id(),
                opened.plusSeconds(70))));
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> given().get("/engagements/{id}", other).then().extract()
                .<List<String>>path("escalations.status"), statuses -> List.of("OPEN").equals(statuses));
        given().get("/engagements/{id}/escalations/ESC-1", engagementId).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("severity", equalTo("HIGH"));
        given().get("/engagements/{id}/escalations/ESC-1", other).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("severity", equalTo("MEDIUM"));
    }

    private static <D extends EventData> EventEnvelope<D> envelope(String requestId, D data) {
        return EventEnvelope.of(Instant.now(), "engagement-service", requestId, null, data);
    }
}
