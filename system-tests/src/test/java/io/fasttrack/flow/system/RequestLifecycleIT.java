package io.fasttrack.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One request followed through the four running services over HTTP only: submitted, assigned with an
 * SLA deadline, engagement opened with its FTOP tasks, tasks completed, engagement completed, capacity
 * freed, and the request that was waiting for that capacity assigned. Get Modern architects are used
 * only by this test, so no other test's roster takes its requests.
 */
class RequestLifecycleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Api api = new Api(LocalStack.running());

    @Test
    void aRequestGoesFromSubmissionToCompletionAndItsFreedCapacityServesTheNextInLine() {
        String architectId = Api.unique("gm-lifecycle");
        api.registerArchitect(architectId, "GET_MODERN_FTA", "EMEA", 3).then().statusCode(201);
        Awaitility.await().atMost(PATIENCE).until(() -> api.architect(architectId).statusCode() == 200);

        String first = api.submit(Api.discoveryWorkshop(Api.unique("lifecycle-a"), true))
                .then().statusCode(202).body("status", equalTo("SUBMITTED")).extract().path("id");

        JsonPath assigned = awaitStatus(first, "IN_PROGRESS");
        assertThat(assigned.getString("architectId")).isEqualTo(architectId);
        assertThat(assigned.getString("slaDeadline")).isNotNull();
        String engagementId = assigned.getString("engagementId");
        api.assignment(first).then().statusCode(200).body("architect.id", equalTo(architectId))
                .body("decidingRule", notNullValue());

        // the architect is now full (weight 3 of capacity 3): the next request waits
        String second = api.submit(Api.discoveryWorkshop(Api.unique("lifecycle-b"), true))
                .then().statusCode(202).extract().path("id");
        awaitStatus(second, "QUEUED");

        JsonPath engagement = api.engagement(engagementId).then().statusCode(200).extract().jsonPath();
        List<String> mandatory = engagement.getList("tasks.findAll { it.mandatory }.taskId");
        assertThat(mandatory).containsExactlyInAnyOrder("3298", "3246");
        for (String task : mandatory) {
            api.completeTask(engagementId, task).then().statusCode(200);
        }

        Awaitility.await().atMost(PATIENCE)
                .until(() -> "COMPLETED".equals(api.engagement(engagementId).path("status")));
        awaitStatus(first, "COMPLETED");

        JsonPath next = awaitStatus(second, "IN_PROGRESS");
        assertThat(next.getString("architectId")).isEqualTo(architectId);
        api.architect(architectId).then().statusCode(200).body("load", equalTo(3)).body("capacity", equalTo(3));
    }

    private JsonPath awaitStatus(String requestId, String status) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.request(requestId).then().statusCode(200).extract().jsonPath(),
                        request -> status.equals(request.getString("status")));
    }
}
