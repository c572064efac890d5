package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.intake.IntakeApi.post;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleRequests.minimal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker does not answer the producer (in this profile its address is a closed port): a 503, and nothing is
 * on the topic or in the projection; the key is kept for the retry.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
@TestProfile(IsolatedIntakeProfile.class)
class BrokerUnavailableTest {

    @Test
    void anUnacknowledgedRequestIsA503WithRetryAfterAndNothingIsKept() {
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();

        post(minimal(RequestType.DISCOVERY_WORKSHOP, tenant), key).statusCode(503)
                .contentType(Problem.MEDIA_TYPE).header("Retry-After", "7").body("status", equalTo(503))
                .body("detail", containsString("may have been recorded"));

        given().queryParam("tenantId", tenant).when().get("/requests").then().statusCode(200).body("total", equalTo(0));
        // the failed attempt left the key for the retry: it is published again at once instead of being told the key is taken
        post(minimal(RequestType.DISCOVERY_WORKSHOP, tenant), key).statusCode(503);
        assertThat(new EventStreams().records(Topic.REQUESTS.defaultName())).noneMatch(r -> tenant.equals(r.key()));
    }
}
