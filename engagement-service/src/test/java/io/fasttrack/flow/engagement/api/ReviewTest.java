package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.ReviewDecided;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Reviews of migration exceptions and ECIF/DWR fund requests, through the broker, with the architect's own token:
 * such an engagement completes once its mandatory tasks are done and a final decision is recorded, whichever
 * comes last, exactly once.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class ReviewTest {

    private static final String READER = Tokens.forRoles("reader");

    private static final String APPROVED = "{\"decision\": \"APPROVED\", \"risks\": [\" mailbox size over quota \","
            + " \"Notes archives\"], \"note\": \"migrate in two waves\"}";

    @Test
    void aMigrationExceptionCompletesOnlyOnceApprovedAfterAllItsTasks() {
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        String tenantId = unique("tenant");
        String engagementId = open(tenantId, ana, RequestType.MIGRATION_EXCEPTION, null);
        String token = Tokens.of(ana.id(), "architect");

        call(token, "POST", "/engagements/" + engagementId + "/tasks/3298/complete", null).statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("reviewRequired", equalTo(true))
                .body("tasks.status", contains("DONE"));
        // the command commits only after the broker acknowledged its events: what it published is on the topic now
        assertThat(records(engagementId, "EngagementCompleted")).isEmpty();

        call(token, "POST", "/engagements/" + engagementId + "/review", APPROVED).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("reviews.decision", contains("APPROVED"))
                .body("reviews[0].risks", contains("mailbox size over quota", "Notes archives"))
                .body("reviews[0].note", equalTo("migrate in two waves"))
                .body("reviews[0].decidedBy", equalTo(ana.id()));

        List<ConsumerRecord<String, byte[]>> reviews = records(engagementId, "ReviewDecided");
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).key()).isEqualTo(tenantId);
        EventEnvelope<?> reviewEnvelope = EventCodec.decode(reviews.get(0).value());
        ReviewDecided review = reviewEnvelope.dataAs(ReviewDecided.class);
        assertThat(review).isEqualTo(new ReviewDecided(engagementId, requestIdOf(engagementId), tenantId, ana.id(),
                RequestType.MIGRATION_EXCEPTION, ReviewDecision.APPROVED,
                List.of("mailbox size over quota", "Notes archives"), "migrate in two waves", ana.id(),
                review.decidedAt()));
        assertThat(reviewEnvelope.correlationId()).isEqualTo(requestIdOf(engagementId));
        String shownDecidedAt = call(READER, "GET", "/engagements/" + engagementId, null)
                .statusCode(200).extract().path("reviews[0].decidedAt");
        // the database keeps microseconds
        assertThat(Instant.parse(shownDecidedAt)).isEqualTo(review.decidedAt().truncatedTo(ChronoUnit.MICROS));

        List<ConsumerRecord<String, byte[]>> completions = records(engagementId, "EngagementCompleted");
        assertThat(completions).hasSize(1);
        EventEnvelope<?> completion = EventCodec.decode(completions.get(0).value());
        assertThat(completion.causationId()).isEqualTo(reviewEnvelope.eventId().toString());
        assertThat(completion.dataAs(EngagementCompleted.class)).isEqualTo(new EngagementCompleted(engagementId,
                requestIdOf(engagementId), tenantId, ana.id(), review.decidedAt()));

        // the review is decided: another one is a conflict, and nothing more is published
        call(token, "POST", "/engagements/" + engagementId + "/review", "{\"decision\": \"REJECTED\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("the review is decided already"));
        assertThat(records(engagementId, "ReviewDecided")).hasSize(1);
        assertThat(records(engagementId, "EngagementCompleted")).hasSize(1);
    }

    @Test
    void anEcifReviewUnder50000CompletesWithWhicheverComesLast() {
        ArchitectRef ben = architect(unique("fta-ben"), "tm-1");
        String engagementId = open(unique("tenant"), ben, RequestType.ECIF_DWR_REVIEW, "20000");
        String token = Tokens.of(ben.id(), "architect");
        awaitEngagement(engagementId, READER).body("tasks.taskId", contains("3298")).body("reviewRequired", equalTo(true));

        // the decision first: the task is still open
        call(token, "POST", "/engagements/" + engagementId + "/review", "{\"decision\": \"REJECTED\"}").statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("reviews.decision", contains("REJECTED"))
                .body("reviews[0].risks", empty())
                .body("reviews[0].note", nullValue());
        assertThat(records(engagementId, "EngagementCompleted")).isEmpty();

        // then the last task completes it
        call(token, "POST", "/engagements/" + engagementId + "/tasks/3298/complete", null).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        List<ConsumerRecord<String, byte[]>> completions = records(engagementId, "EngagementCompleted");
        assertThat(completions).hasSize(1);
        EventEnvelope<?> taskCompleted = EventCodec.decode(records(engagementId, "TaskCompleted").get(0).value());
        assertThat(EventCodec.decode(completions.get(0).value()).causationId())
                .isEqualTo(taskCompleted.eventId().toString());
        assertThat(EventCodec.decode(records(engagementId, "ReviewDecided").get(0).value())
                .dataAs(ReviewDecided.class).requestType()).isEqualTo(RequestType.ECIF_DWR_REVIEW);
    }

    @Test
    void changesRequestedKeepsTheEngagementOpenForAnotherReview() {
        ArchitectRef cy = architect(unique("fta-cy"), "tm-1");
        String engagementId = open(unique("tenant"), cy, RequestType.MIGRATION_EXCEPTION, null);
        String token = Tokens.of(cy.id(), "architect");
        call(token, "POST", "/engagements/" + engagementId + "/tasks/3298/complete", null).statusCode(200);

        call(token, "POST", "/engagements/" + engagementId + "/review",
                "{\"decision\": \"CHANGES_REQUESTED\", \"risks\": [\"no rollback plan\"]}").statusCode(200)
                .body("status", equalTo("OPEN"));
        assertThat(records(engagementId, "EngagementCompleted")).isEmpty();

        // a manager may decide too; decidedBy is whoever's token it was
        String manager = unique("tm");
        call(Tokens.of(manager, "manager"), "POST", "/engagements/" + engagementId + "/review", APPROVED)
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("reviews.decision", contains("CHANGES_REQUESTED", "APPROVED"))
                .body("reviews.decidedBy", contains(cy.id(), manager))
                .body("reviews[0].risks", contains("no rollback plan"));
        assertThat(records(engagementId, "ReviewDecided")).extracting(record -> EventCodec.decode(record.value())
                .dataAs(ReviewDecided.class).decision())
                .containsExactly(ReviewDecision.CHANGES_REQUESTED, ReviewDecision.APPROVED);
        assertThat(records(engagementId, "EngagementCompleted")).hasSize(1);
    }

    @Test
    void aDiscoveryWorkshopTakesNoReview() {
        ArchitectRef dan = architect(unique("fta-dan"), "tm-1");
        String engagementId = open(unique("tenant"), dan, RequestType.DISCOVERY_WORKSHOP, null);
        awaitEngagement(engagementId, READER).body("reviewRequired", equalTo(false)).body("reviews", empty());

        call(Tokens.of(dan.id(), "architect"), "POST", "/engagements/" + engagementId + "/review", APPROVED)
                .statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", equalTo("engagement " + engagementId + ": a DISCOVERY_WORKSHOP engagement takes no"
                        + " review; reviews are for [ECIF_DWR_REVIEW, MIGRATION_EXCEPTION]"));
        assertThat(records(engagementId, "ReviewDecided")).isEmpty();
        call(Tokens.of(unique("tm"), "manager"), "POST", "/engagements/" + engagementId + "/review", APPROVED)
                .statusCode(409);
        call(Tokens.of(unique("tm"), "manager"), "POST", "/engagements/eng-" + unique("nobody") + "/review", APPROVED)
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadReviewNamesEveryBadFieldAndPublishesNothing() {
        ArchitectRef eve = architect(unique("fta-eve"), "tm-1");
        String engagementId = open(unique("tenant"), eve, RequestType.MIGRATION_EXCEPTION, null);
        String path = "/engagements/" + engagementId + "/review";
        String token = Tokens.of(eve.id(), "architect");

        String bad = "{\"decision\": \"MAYBE\", \"risks\": [\"  \", 7, \"" + "r".repeat(501) + "\", \"" + "r".repeat(500)
                + "\"], \"note\": \"" + "n".repeat(4001) + "\", \"colour\": \"red\"}";
        call(token, "POST", path, bad).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains("colour", "decision", "risks[0]", "risks[1]", "risks[2]", "note"))
                .body("violations.message", contains("unknown field",
                        "must be one of [APPROVED, REJECTED, CHANGES_REQUESTED]", "must not be blank", "must be a string",
                        "must be at most 500 characters", "must be at most 4000 characters"));

        String tooMany = "{\"decision\": \"APPROVED\", \"risks\": " + Collections.nCopies(21, "\"risk\"") + "}";
        call(token, "POST", path, tooMany).statusCode(400)
                .body("violations.field", contains("risks"))
                .body("violations.message", contains("must contain at most 20 items"));
        call(token, "POST", path, "{\"risks\": \"one\", \"note\": 3}").statusCode(400)
                .body("violations.field", contains("decision", "risks", "note"))
                .body("violations.message", contains("is required; one of [APPROVED, REJECTED, CHANGES_REQUESTED]",
                        "must be an array of strings", "must be a string"));
        call(token, "POST", path, null).statusCode(400).body("violations.field", contains("$"));

        assertThat(records(engagementId, "ReviewDecided")).isEmpty();
        awaitEngagement(engagementId, READER).body("reviews", empty()).body("status", equalTo("OPEN"));

        // twenty risks of 500 characters each are within bounds
        String widest = "{\"decision\": \"CHANGES_REQUESTED\", \"risks\": "
                + Collections.nCopies(20, "\"" + "r".repeat(500) + "\"") + ", \"note\": \"" + "n".repeat(4000) + "\"}";
        call(token, "POST", path, widest).statusCode(200).body("reviews[0].risks.size()", equalTo(20));
    }

    private static String open(String tenantId, ArchitectRef architect, RequestType type, String fundingUsd) {
        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, tenantId, type, false, fundingUsd, List.of(Workload.EXCHANGE)),
                architect, null, Instant.now()));
        String engagementId = engagementId(requestId);
        awaitEngagement(engagementId, READER);
        return engagementId;
    }

    private static String requestIdOf(String engagementId) {
        return engagementId.substring("eng-".length());
    }

    private static List<ConsumerRecord<String, byte[]>> records(String engagementId, String type) {
        return Fixtures.engagementRecords(engagementId).stream()
                .filter(record -> type.equals(EventStreams.header(record, EventHeaders.TYPE))).toList();
    }
}
