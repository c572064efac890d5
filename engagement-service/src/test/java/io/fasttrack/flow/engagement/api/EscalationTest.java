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
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Escalations raised and resolved through the broker, with the architect's own token. */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class EscalationTest {

    private static final String READER = Tokens.forRoles("reader");

    private static final String RAISE = "{\"severity\": \"HIGH\", \"blocker\": \"tenant admin consent missing\","
            + " \"owner\": \"Customer IT lead\"}";

    @Test
    void anEscalationIsRaisedAndResolvedOnceWithItsEvents() {
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = open(requestId, tenantId, ana, RequestType.DISCOVERY_WORKSHOP);
        String token = Tokens.of(ana.id(), "architect");

        ExtractableResponse<Response> raisedAnswer = call(token, "POST", "/engagements/" + engagementId + "/escalations",
                RAISE).statusCode(201)
                .body("escalationId", matchesPattern("ESC-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .body("engagementId", equalTo(engagementId))
                .body("severity", equalTo("HIGH"))
                .body("status", equalTo("OPEN"))
                .body("blocker", equalTo("tenant admin consent missing"))
                .body("owner", equalTo("Customer IT lead"))
                .body("raisedBy", equalTo(ana.id()))
                .body("resolution", nullValue())
                .extract();
        String escalationId = raisedAnswer.path("escalationId");
        assertThat(raisedAnswer.header("Location")).endsWith("/engagements/" + engagementId + "/escalations/" + escalationId);

        List<ConsumerRecord<String, byte[]>> raisedRecords = records(engagementId, "EscalationRaised");
        assertThat(raisedRecords).hasSize(1);
        assertThat(raisedRecords.get(0).key()).isEqualTo(tenantId);
        EventEnvelope<?> raisedEnvelope = EventCodec.decode(raisedRecords.get(0).value());
        EscalationRaised raised = raisedEnvelope.dataAs(EscalationRaised.class);
        assertThat(raised).isEqualTo(new EscalationRaised(engagementId, escalationId, requestId, tenantId, ana.id(),
                EscalationSeverity.HIGH, "tenant admin consent missing", "Customer IT lead", ana.id(), raised.raisedAt()));
        assertThat(raisedEnvelope.correlationId()).isEqualTo(requestId);

        call(READER, "GET", "/engagements/" + engagementId + "/escalations/" + escalationId, null).statusCode(200)
                .body("escalationId", equalTo(escalationId)).body("status", equalTo("OPEN"));
        call(READER, "GET", "/engagements?tenantId=" + tenantId + "&escalated=true", null).statusCode(200)
                .body("items.id", contains(engagementId)).body("items[0].openEscalations", equalTo(1));
        call(READER, "GET", "/engagements?tenantId=" + tenantId + "&escalated=false", null).statusCode(200)
                .body("items", empty());

        call(token, "POST", "/engagements/" + engagementId + "/escalations/" + escalationId + "/resolve",
                "{\"resolution\": \" consent granted by the global admin \"}").statusCode(200)
                .body("escalationId", equalTo(escalationId))
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("consent granted by the global admin"))
                .body("resolvedBy", equalTo(ana.id()));
        List<ConsumerRecord<String, byte[]>> resolvedRecords = records(engagementId, "EscalationResolved");
        assertThat(resolvedRecords).hasSize(1);
        assertThat(resolvedRecords.get(0).key()).isEqualTo(tenantId);
        EscalationResolved resolved = EventCodec.decode(resolvedRecords.get(0).value()).dataAs(EscalationResolved.class);
        assertThat(resolved).isEqualTo(new EscalationResolved(engagementId, escalationId, requestId, tenantId,
                EscalationSeverity.HIGH, "consent granted by the global admin", ana.id(), resolved.resolvedAt()));

        awaitEngagement(engagementId, READER)
                .body("escalations.escalationId", contains(escalationId))
                .body("escalations[0].status", equalTo("RESOLVED"))
                .body("escalations[0].owner", equalTo("Customer IT lead"));
        call(READER, "GET", "/engagements?tenantId=" + tenantId + "&escalated=true", null).statusCode(200)
                .body("items", empty());
        call(READER, "GET", "/engagements?tenantId=" + tenantId + "&escalated=false", null).statusCode(200)
                .body("items[0].openEscalations", equalTo(0));

        // resolved once: again is a conflict; an unknown escalation is not found; nothing more is published
        call(token, "POST", "/engagements/" + engagementId + "/escalations/" + escalationId + "/resolve",
                "{\"resolution\": \"again\"}").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("escalation " + escalationId + " is resolved already"));
        call(token, "POST", "/engagements/" + engagementId + "/escalations/ESC-nothing/resolve",
                "{\"resolution\": \"x\"}").statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("engagement " + engagementId + " has no escalation ESC-nothing"));
        call(READER, "GET", "/engagements/" + engagementId + "/escalations/ESC-nothing", null).statusCode(404);
        assertThat(records(engagementId, "EscalationResolved")).hasSize(1);
    }

    @Test
    void aCompletedEngagementTakesNoNewEscalationButItsOpenOnesAreResolved() {
        ArchitectRef ben = architect(unique("fta-ben"), "tm-1");
        String engagementId = open(unique("req"), unique("tenant"), ben, RequestType.SALES_SUPPORT_INQUIRY);
        String token = Tokens.of(ben.id(), "architect");
        String escalationId = call(token, "POST", "/engagements/" + engagementId + "/escalations",
                "{\"severity\": \"LOW\", \"blocker\": \"waiting for licence counts\", \"owner\": \"CSU\"}")
                .statusCode(201).extract().path("escalationId");
        call(token, "POST", "/engagements/" + engagementId + "/tasks/FTCHELP-1/complete", null).statusCode(200)
                .body("status", equalTo("COMPLETED"));

        call(token, "POST", "/engagements/" + engagementId + "/escalations", RAISE).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("engagement " + engagementId + " is completed: nothing left to escalate"));
        call(token, "POST", "/engagements/" + engagementId + "/escalations/" + escalationId + "/resolve",
                "{\"resolution\": \"counts arrived\"}").statusCode(200).body("status", equalTo("RESOLVED"));
        assertThat(records(engagementId, "EscalationRaised")).hasSize(1);
        call(token, "POST", "/engagements/eng-" + unique("nobody") + "/escalations", RAISE).statusCode(404);
    }

    @Test
    void badEscalationsNameEveryBadFieldAndPublishNothing() {
        ArchitectRef cy = architect(unique("fta-cy"), "tm-1");
        String engagementId = open(unique("req"), unique("tenant"), cy, RequestType.MIGRATION_EXCEPTION);
        String token = Tokens.of(cy.id(), "architect");
        String raise = "/engagements/" + engagementId + "/escalations";

        call(token, "POST", raise, "{\"severity\": \"URGENT\", \"blocker\": \" \", \"owner\": \"" + "o".repeat(201)
                + "\", \"due\": \"tomorrow\"}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("due", "severity", "blocker", "owner"))
                .body("violations.message", contains("unknown field", "must be one of [LOW, MEDIUM, HIGH, CRITICAL]",
                        "must not be blank", "must be at most 200 characters"));
        call(token, "POST", raise, "{\"blocker\": \"" + "b".repeat(1001) + "\"}").statusCode(400)
                .body("violations.field", contains("severity", "blocker", "owner"))
                .body("violations.message", contains("is required; one of [LOW, MEDIUM, HIGH, CRITICAL]",
                        "must be at most 1000 characters", "is required"));
        assertThat(records(engagementId, "EscalationRaised")).isEmpty();

        String escalationId = call(token, "POST", raise, RAISE).statusCode(201).extract().path("escalationId");
        String resolve = raise + "/" + escalationId + "/resolve";
        call(token, "POST", resolve, "{\"note\": \"done\"}").statusCode(400)
                .body("violations.field", contains("note", "resolution"));
        call(token, "POST", resolve, "{\"resolution\": \"" + "r".repeat(4001) + "\"}").statusCode(400)
                .body("violations.field", contains("resolution"))
                .body("violations.message", contains("must be at most 4000 characters"));
        call(token, "POST", resolve, null).statusCode(400).body("violations.field", contains("$"));
        assertThat(records(engagementId, "EscalationResolved")).isEmpty();
        awaitEngagement(engagementId, READER).body("escalations.status", contains("OPEN"));
    }

    private static String open(String requestId, String tenantId, ArchitectRef architect, RequestType type) {
        Fixtures.publish(assigned(request(requestId, tenantId, type, false, null, List.of()), architect, null,
                Instant.now()));
        String engagementId = engagementId(requestId);
        awaitEngagement(engagementId, READER);
        return engagementId;
    }

    private static List<ConsumerRecord<String, byte[]>> records(String engagementId, String type) {
        return Fixtures.engagementRecords(engagementId).stream()
                .filter(record -> type.equals(EventStreams.header(record, EventHeaders.TYPE))).toList();
    }
}
