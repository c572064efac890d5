package io.fasttrack.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.system.LocalStack.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What FastTrack Managers measure, across the four running services over HTTP only (issue 17): a migration
 * exception is not done until it is reviewed, and the requestor reads the outcome on the request; compliance is
 * counted; a customer's FastTrack Manager lists its renewals and filters its alerts, where a HIGH escalation is one
 * until it is resolved;
 * a placeholder tenant identified as a real one is that tenant in intake, engagement and health alike.
 */
class ManagersIT {

    /**
     * Generous: this class runs right after the outage tests, while the stack still works off what they left (in CI
     * the first engagement opened some 90 s after its request was submitted).
     */
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Api api = new Api(LocalStack.running());

    /**
     * Migration exceptions from Asia-Pacific, where no other system test sends Alignment work, so the figures of their
     * region are this class's own.
     */
    private static String migrationException(String tenantId) {
        return Api.migrationException(tenantId).replace("\"region\": \"AMER\", \"timeZone\": \"America/New_York\"",
                "\"region\": \"APAC\", \"timeZone\": \"Asia/Singapore\"");
    }

    /**
     * Room for this class's requests and for the backlog the outage tests leave: their Alignment requests wait for
     * capacity, and the queue serves them first (earliest deadline), whichever region an architect with room is in.
     * In CI some 230 of them took the first three architects of capacity 50 whole, and this class's waited behind.
     */
    @BeforeEach
    void anAlignmentArchitectInAsiaPacificHasRoom() {
        String architectId = Api.unique("al-managers");
        api.registerArchitect(architectId, "ALIGNMENT_FTA", "APAC", 1000).then().statusCode(201);
        Awaitility.await().atMost(PATIENCE).until(() -> api.architect(architectId).statusCode() == 200);
    }

    @Test
    void aMigrationExceptionIsDoneOnlyOnceReviewedAndTheRequestorReadsTheOutcome() {
        String requestId = submit(migrationException(Api.unique("managers-review")));
        JsonPath request = awaitStatus(requestId, "IN_PROGRESS");
        String engagementId = request.getString("engagementId");

        JsonPath engagement = api.engagement(engagementId).then().statusCode(200)
                .body("reviewRequired", equalTo(true)).extract().jsonPath();
        List<String> tasks = engagement.getList("tasks.findAll { it.mandatory }.taskId");
        int mandatoryTasks = tasks.size();
        for (String task : tasks) {
            api.completeTask(engagementId, task).then().statusCode(200);
        }
        // every mandatory task is done, yet the review is not: the engagement stays open, the request in progress
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(PATIENCE)
                .until(() -> "OPEN".equals(api.engagement(engagementId).path("status"))
                        && "IN_PROGRESS".equals(api.requestStatus(requestId)));

        api.at(Service.ENGAGEMENT).body("""
                {"decision": "APPROVED", "risks": ["public folders over 100 GB"], "note": "Staged cut-over"}
                """).post("/engagements/{id}/review", engagementId).then().statusCode(200);

        JsonPath done = awaitStatus(requestId, "COMPLETED");
        api.engagement(engagementId).then().body("status", equalTo("COMPLETED"))
                .body("reviews.decision", equalTo(List.of("APPROVED")));
        assertThat(done.getString("review.decision")).isEqualTo("APPROVED");
        assertThat(done.getList("review.risks")).containsExactly("public folders over 100 GB");
        assertThat(done.getString("review.note")).isEqualTo("Staged cut-over");

        // compliance is counted in the database (H2 or PostgreSQL): this engagement is done, every task on time
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath compliance = api.at(Service.ENGAGEMENT).queryParam("teamManager", "tm-system-tests")
                .queryParam("from", today).queryParam("to", today).get("/compliance")
                .then().statusCode(200).extract().jsonPath();
        assertThat(compliance.getList("teams.teamManager")).containsExactly("tm-system-tests");
        assertThat(compliance.getInt("teams[0].figures.engagements")).isPositive();
        assertThat(compliance.getInt("teams[0].figures.mandatoryTasksDone")).isGreaterThanOrEqualTo(mandatoryTasks);
    }

    @Test
    void aHighEscalationIsARiskAlertOfTheCustomersFastTrackManagerUntilItIsResolved() {
        String tenantId = Api.unique("managers-escalation");
        String fastTrackManager = Api.unique("fm-managers");
        api.at(Service.HEALTH).body("{\"fastTrackManager\": \"" + fastTrackManager + "\"}")
                .put("/customers/{tenantId}/owner", tenantId).then().statusCode(200);
        String renewal = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        api.at(Service.HEALTH).body("{\"renewalDate\": \"" + renewal + "\"}")
                .put("/customers/{tenantId}/contract", tenantId).then().statusCode(200);
        Awaitility.await().atMost(PATIENCE).until(() -> api.at(Service.HEALTH).queryParam("within", "P90D")
                .queryParam("fastTrackManager", fastTrackManager).get("/renewals").then().statusCode(200).extract()
                .jsonPath().getList("items.renewalDate"), dates -> dates.equals(List.of(renewal)));
        String engagementId = awaitStatus(submit(migrationException(tenantId)), "IN_PROGRESS").getString("engagementId");

        String escalationId = api.at(Service.ENGAGEMENT).body("""
                {"severity": "HIGH", "blocker": "Conditional access blocks the pilot", "owner": "csam"}
                """).post("/engagements/{id}/escalations", engagementId).then().statusCode(201)
                .extract().path("escalationId");

        JsonPath alerts = Awaitility.await().atMost(PATIENCE).until(() -> alertsOf(fastTrackManager),
                page -> page.getList("items").size() == 1);
        assertThat(alerts.getString("items[0].tenantId")).isEqualTo(tenantId);
        assertThat(alerts.getString("items[0].kind")).isEqualTo("ESCALATION");
        assertThat(alerts.getString("items[0].concern")).isEqualTo(escalationId);
        assertThat(alerts.getString("items[0].fastTrackManager")).isEqualTo(fastTrackManager);

        api.at(Service.ENGAGEMENT).body("{\"resolution\": \"Policy exception granted\"}")
                .post("/engagements/{id}/escalations/{escalationId}/resolve", engagementId, escalationId)
                .then().statusCode(200);
        Awaitility.await().atMost(PATIENCE).until(() -> alertsOf(fastTrackManager).getList("items").isEmpty());
    }

    @Test
    void anIdentifiedPlaceholderIsTheRealTenantInIntakeEngagementAndHealth() {
        String withoutTenant = migrationException("unused").replace("\"tenantId\": \"unused\", ", "");
        String requestId = submit(withoutTenant);
        JsonPath request = awaitStatus(requestId, "IN_PROGRESS");
        String placeholder = request.getString("tenantId");
        assertThat(placeholder).startsWith("placeholder-");
        String engagementId = request.getString("engagementId");
        api.at(Service.HEALTH).body("""
                {"tenantId": "%s", "workload": "EXCHANGE", "licensed": 1000, "active": 500, "asOf": "%s"}
                """.formatted(placeholder, LocalDate.now(ZoneOffset.UTC).minusDays(1))).post("/usage").then().statusCode(202);
        Awaitility.await().atMost(PATIENCE).until(() -> health(placeholder).statusCode() == 200);

        String tenantId = Api.unique("managers-identified");
        api.at(Service.INTAKE).body("{\"tenantId\": \"" + tenantId + "\"}")
                .post("/tenants/{placeholderId}/identify", placeholder).then().statusCode(200);

        Awaitility.await().atMost(PATIENCE).until(() -> api.at(Service.INTAKE).queryParam("tenantId", tenantId)
                .get("/requests").then().statusCode(200).extract().jsonPath().getList("items.id"),
                ids -> ids.equals(List.of(requestId)));
        Awaitility.await().atMost(PATIENCE).until(() -> tenantId.equals(api.engagement(engagementId).path("tenantId")));
        Awaitility.await().atMost(PATIENCE).until(() -> health(tenantId).statusCode() == 200);
        health(tenantId).then().body("workloads[0].workload", equalTo("EXCHANGE"))
                .body("workloads[0].active", equalTo(500));
    }

    private Response health(String tenantId) {
        return api.at(Service.HEALTH).get("/customers/{tenantId}/health", tenantId);
    }

    private JsonPath alertsOf(String fastTrackManager) {
        return api.at(Service.HEALTH).queryParam("fastTrackManager", fastTrackManager).get("/alerts")
                .then().statusCode(200).extract().jsonPath();
    }

    private String submit(String body) {
        return api.submit(body).then().statusCode(202).extract().path("id");
    }

    private JsonPath awaitStatus(String requestId, String status) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.request(requestId).then().statusCode(200).extract().jsonPath(),
                        request -> status.equals(request.getString("status")));
    }
}
