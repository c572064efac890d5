package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.kit.security.VerifiedTokens;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Role boundaries with real signed tokens: submitters write, readers, submitters and managers read; a token that
 * verified is kept for its lifetime.
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
