package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.fasttrack.flow.intake.SampleEvents.reviewed;
import static io.fasttrack.flow.intake.SampleEvents.slaAtRisk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.store.RequestRecord;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The review outcome the requestor reads on the request, from ReviewDecided events through the real broker. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class ReviewOutcomeTest {

    private static final String ENGAGEMENTS = Topic.ENGAGEMENTS.defaultName();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");

    private final EventStreams streams = new EventStreams();

    @Test
    void theRequestShowsItsLatestReview() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.MIGRATION_EXCEPTION, tenant);
        get(id).statusCode(200).body("review", nullValue());

        streams.publish(ENGAGEMENTS, envelope(id, reviewed(id, tenant, ReviewDecision.CHANGES_REQUESTED,
                List.of("mailbox count unconfirmed"), "Confirm the mailbox count", MONDAY)));
        awaitReview(id, Map.of("decision", "CHANGES_REQUESTED", "risks", List.of("mailbox count unconfirmed"),
                "note", "Confirm the mailbox count", "decidedAt", MONDAY.toString()));

        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        streams.publish(ENGAGEMENTS, envelope(id, reviewed(id, tenant, ReviewDecision.APPROVED,
                List.of("Notes archive migrates last", "coexistence for 6 weeks"), null, tuesday)));
        Map<String, Object> approved = new HashMap<>(Map.of("decision", "APPROVED",
                "risks", List.of("Notes archive migrates last", "coexistence for 6 weeks"), "decidedAt", tuesday.toString()));
        approved.put("note", null);
        awaitReview(id, approved);

        // a review decided before the one shown, read late (as from another partition), changes nothing
        streams.publish(ENGAGEMENTS, envelope(id, reviewed(id, tenant, ReviewDecision.REJECTED, List.of(), "too late",
                MONDAY.plusSeconds(60))));
        streams.publish(Topic.ASSIGNMENTS.defaultName(), envelope(id, slaAtRisk(id, tenant)));
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> get(id).body("slaAtRisk", equalTo(true)));
        get(id).body("review", equalTo(approved));
    }

    @Test
    void aReviewOfAnUnknownRequestIsKeptUnshownLikeAnyStatusOfOne() {
        String tenant = uniqueTenant();
        String id = UUID.randomUUID().toString();
        streams.publish(ENGAGEMENTS, envelope(id, reviewed(id, tenant, ReviewDecision.APPROVED, List.of(), "fine", MONDAY)));

        Awaitility.await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RequestRecord.<RequestRecord>findByIdOptional(id).map(row -> row.reviewDecision).isPresent()));
        get(id).statusCode(404);
        given().queryParam("tenantId", tenant).when().get("/requests").then().statusCode(200).body("total", equalTo(0));
        assertThat(QuarkusTransaction.requiringNew().call(() -> RequestRecord.<RequestRecord>findById(id).isSubmitted()))
                .as("no request until its RequestSubmitted arrives").isFalse();
    }

    private static void awaitReview(String id, Map<String, Object> review) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                get(id).statusCode(200).body("review", equalTo(review)));
    }
}
