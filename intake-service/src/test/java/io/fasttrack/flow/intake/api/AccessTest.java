package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.SampleEvents;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.kit.security.VerifiedTokens;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Role boundaries with real signed tokens: submitters write, managers identify placeholder tenants, readers, submitters
 * and managers read, and no answer carries the requestor's or the account team's personal data; a token that verified
 * is kept for its lifetime.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class AccessTest {

    private static String request() {
        return SampleRequests.json(SampleRequests.minimal(RequestType.DISCOVERY_WORKSHOP, IntakeApi.uniqueTenant()));
    }

    @Inject
    JWTCallerPrincipalFactory tokenVerifier;

    @Test
    void aTokenIsVerifiedOnceForItsLifetime() {
        assertThat(ClientProxy.unwrap(tokenVerifier)).isInstanceOf(VerifiedTokens.class);
        VerifiedTokens verified = (VerifiedTokens) ClientProxy.unwrap(tokenVerifier);
        String token = Tokens.of("repeat-caller-" + IntakeApi.uniqueTenant(), "reader");
        int heldBefore = verified.held();

        call(token, "GET", "/requests", null).statusCode(200);
        call(token, "GET", "/requests", null).statusCode(200);

        assertThat(verified.held()).as("the token kept once, for both calls").isEqualTo(heldBefore + 1);
        call(Tokens.signedByStranger(), "GET", "/requests", null).statusCode(401);
        assertThat(verified.held()).as("a token that does not verify is not kept").isEqualTo(heldBefore + 1);
    }

    @Test
    void submittingNeedsAValidToken() {
        Access.refusesUnauthenticated("POST", "/requests", request());
    }

    @Test
    void onlySubmittersSubmit() {
        Access.forbids("POST", "/requests", request(), "reader", "architect", "manager");
        call(Tokens.forRoles("submitter"), "POST", "/requests", request()).statusCode(202).header("Location", notNullValue());
    }

    @Test
    void onlyManagersIdentifyPlaceholders() {
        String path = "/tenants/placeholder-" + UUID.randomUUID() + "/identify";
        String body = "{\"tenantId\": \"contoso-001\"}";
        Access.refusesUnauthenticated("POST", path, body);
        Access.forbids("POST", path, body, "reader", "submitter", "architect");
        call(Tokens.forRoles("manager"), "POST", path, body).statusCode(404);
    }

    @Test
    void aReaderSeesNoPersonalDataOnAnIdentifiedAndReviewedRequest() {
        Map<String, Object> submission = SampleRequests.minimal(RequestType.MIGRATION_EXCEPTION, "unused");
        ((Map<?, ?>) submission.get("customer")).remove("tenantId");
        String id = call(Tokens.forRoles("submitter"), "POST", "/requests", SampleRequests.json(submission))
                .statusCode(202).extract().path("id");
        String reader = Tokens.forRoles("reader");
        String placeholder = call(reader, "GET", "/requests/" + id, null).statusCode(200).extract().path("tenantId");
        String tenant = IntakeApi.uniqueTenant();
        call(Tokens.forRoles("manager"), "POST", "/tenants/" + placeholder + "/identify", "{\"tenantId\": \"" + tenant + "\"}")
                .statusCode(200).body("placeholderId", equalTo(placeholder)).body("tenantId", equalTo(tenant));
        new EventStreams().publish(Topic.ENGAGEMENTS.defaultName(), SampleEvents.envelope(id, SampleEvents.reviewed(id, tenant,
                ReviewDecision.APPROVED, List.of("coexistence"), "Approved", Instant.parse("2026-11-30T10:00:00Z"))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> call(reader, "GET", "/requests/" + id, null)
                .statusCode(200).body("tenantId", equalTo(tenant)).body("review.decision", equalTo("APPROVED")));
        for (String answer : new String[] {call(reader, "GET", "/requests/" + id, null).extract().asString(),
                call(reader, "GET", "/requests?tenantId=" + tenant, null).extract().asString()}) {
            assertThat(answer).contains("\"review\":{").doesNotContain("Requesting Seller", "seller@example.com",
                    "atu@example.com", "csu@example.com", "requestor", "accountTeam", "identifiedBy");
        }
    }

    @Test
    void readersSubmittersAndManagersRead() {
        Access.refusesUnauthenticated("GET", "/requests", null);
        Access.refusesUnauthenticated("GET", "/requests/any", null);
        Access.forbids("GET", "/requests", null, "architect");
        Access.forbids("GET", "/requests/any", null, "architect");
        for (String role : new String[] {"reader", "submitter", "manager"}) {
            call(Tokens.forRoles(role), "GET", "/requests", null).statusCode(200);
            call(Tokens.forRoles(role), "GET", "/requests/no-such-request", null).statusCode(404);
        }
    }
}
