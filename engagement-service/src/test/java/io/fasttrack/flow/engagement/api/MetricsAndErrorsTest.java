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

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class MetricsAndErrorsTest {

    @Test
    void countersFollowOpeningsCompletionsAndNotifications() {
        double opened = counter("fasttrack_engagement_opened_total");
        double completed = counter("fasttrack_engagement_completed_total");
        double tasks = counter("fasttrack_engagement_tasks_completed_total");
        double mailed = counter("fasttrack_engagement_notifications_total{outcome=\"SENT\"}");

        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, unique("tenant"), RequestType.SALES_SUPPORT_INQUIRY, false, null,
                List.of()), architect(unique("fta"), "tm-1"), null, Instant.now()));
        awaitEngagement(engagementId(requestId));
        given().post("/engagements/{id}/tasks/FTCHELP-1/complete", engagementId(requestId)).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        assertThat(counter("fasttrack_engagement_opened_total")).isGreaterThanOrEqualTo(opened + 1);
        assertThat(counter("fasttrack_engagement_completed_total")).isGreaterThanOrEqualTo(completed + 1);
        assertThat(counter("fasttrack_engagement_tasks_completed_total")).isGreaterThanOrEqualTo(tasks + 1);
        assertThat(counter("fasttrack_engagement_notifications_total{outcome=\"SENT\"}")).isGreaterThanOrEqualTo(mailed + 1);
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        given().get("/engagements/{id}/nothing-here", "eng-x").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().delete("/engagements/{id}", "eng-x").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void theOpenApiContractDescribesTheRequestBodies() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.DibsBody.properties.keySet()",
                        containsInAnyOrder("targetDate", "intent", "businessReason", "successOwner"))
                .body("components.schemas.StatusNoteBody.properties.note.type", equalTo("string"))
                .body("paths.'/engagements/{id}/dibs/{workload}'.put.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/DibsBody"));
    }

    /** The sample value; anything after it (an exemplar naming the trace, a timestamp) is not part of it. */
    private static double counter(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
