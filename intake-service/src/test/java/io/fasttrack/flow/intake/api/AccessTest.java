package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.testing.Access.call;
import static org.hamcrest.Matchers.notNullValue;

import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Role boundaries with real signed tokens: submitters write, readers, submitters and managers read. */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class AccessTest {

    private static String request() {
        return SampleRequests.json(SampleRequests.minimal(RequestType.DISCOVERY_WORKSHOP, IntakeApi.uniqueTenant()));
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
