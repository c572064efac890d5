package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.time.SettableClock;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hand-made portfolio of five engagements of one team, evaluated 45 days after opening:
 * <pre>
 * E1 a1 MIGRATION  [3298]        3298 done day 5            DIBS EXCHANGE (all)   -> done on time, compliant
 * E2 a1 WORKSHOP   [3246,3298]   3298 day 5, 3246 day 40    no DIBS               -> done late
 * E3 a2 FTCHELP    [FTCHELP-1]   nothing                    no workloads, no DIBS -> open, stale (45 days)
 * E4 a2 ECIF 10k   [3298]        3298 done day 10           DIBS EXCHANGE, TEAMS  -> done on time, compliant
 * E5 a3->a2 WORKSHOP [3246,3298] 3298 day 5, note day 30    DIBS TEAMS (all)      -> open, not stale
 * </pre>
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class ComplianceTest {

    @Inject
    SettableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void figuresOfAHandMadePortfolio() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String team = unique("tm");
        String otherTeam = unique("tm");
        ArchitectRef a1 = architect(unique("a1"), team);
        ArchitectRef a2 = architect(unique("a2"), team);
        ArchitectRef a3 = architect(unique("a3"), otherTeam);
        String tenantId = unique("tenant");
        String e1 = open(tenantId, a1, RequestType.MIGRATION_EXCEPTION, null, List.of(Workload.EXCHANGE), t0);
        String e2 = open(tenantId, a1, RequestType.DISCOVERY_WORKSHOP, null, List.of(Workload.TEAMS), t0);
        String e3 = open(tenantId, a2, RequestType.SALES_SUPPORT_INQUIRY, null, List.of(), t0);
        String e4 = open(tenantId, a2, RequestType.ECIF_DWR_REVIEW, "10000", List.of(Workload.EXCHANGE, Workload.TEAMS), t0);
        var e5Request = request(unique("req"), tenantId, RequestType.DISCOVERY_WORKSHOP, false, null, List.of(Workload.TEAMS));
        Fixtures.publish(assigned(e5Request, a3, null, t0));
        String e5 = engagementId(e5Request.requestId());
        awaitEngagement(e5);
        Fixtures.publish(assigned(e5Request, a2, a3.id(), t0));
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> a2.id().equals(
                given().get("/engagements/{id}", e5).then().extract().path("architectId")));

        clock.set(t0.plus(Duration.ofDays(5)));
        complete(e1, "3298");
        complete(e2, "3298");
        complete(e5, "3298");
        dibs(e1, Workload.EXCHANGE);
        dibs(e5, Workload.TEAMS);
        clock.set(t0.plus(Duration.ofDays(10)));
        complete(e4, "3298");
        dibs(e4, Workload.EXCHANGE);
        dibs(e4, Workload.TEAMS);
        clock.set(t0.plus(Duration.ofDays(30)));
        given().contentType(ContentType.JSON).body("{\"author\": \"a2\", \"note\": \"workshop planned\"}")
                .post("/engagements/{id}/status-notes", e5).then().statusCode(201);
        clock.set(t0.plus(Duration.ofDays(40)));
        complete(e2, "3246");

        clock.set(t0.plus(Duration.ofDays(45)));
        ValidatableResponse response = given()
                .config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/compliance?teamManager={tm}", team).then().statusCode(200)
                .body("teams.teamManager", contains(team))
                .body("teams[0].architects.architectId", contains(a1.id(), a2.id()));
        assertFigures(response, "teams[0].figures", 5, 3, "0.6", 2, "0.4", 1, 3, "0.6", 2, "0.4");
        assertFigures(response, "teams[0].architects[0].figures", 2, 2, "1", 1, "0.5", 0, 1, "0.5", 1, "0.5");
        assertFigures(response, "teams[0].architects[1].figures", 3, 1, "0.3333", 1, "0.3333", 1, 2, "0.6667", 1, "0.3333");

        // E5 moved to a2's team: the team it came from has nothing left
        given().get("/compliance?teamManager={tm}", otherTeam).then().statusCode(200).body("teams", empty());
        given().get("/engagements/{id}", e3).then().body("stale", equalTo(true));
    }

    private static void assertFigures(ValidatableResponse response, String path, int engagements, int done,
            String doneShare, int onTime, String onTimeShare, int stale, int dibs, String dibsShare, int compliant,
            String compliance) {
        response.body(path + ".engagements", equalTo(engagements))
                .body(path + ".mandatoryTasksDone", equalTo(done))
                .body(path + ".mandatoryTasksDoneShare", comparesEqualTo(new BigDecimal(doneShare)))
                .body(path + ".mandatoryTasksDoneOnTime", equalTo(onTime))
                .body(path + ".mandatoryTasksDoneOnTimeShare", comparesEqualTo(new BigDecimal(onTimeShare)))
                .body(path + ".stale", equalTo(stale))
                .body(path + ".dibsDocumented", equalTo(dibs))
                .body(path + ".dibsDocumentedShare", comparesEqualTo(new BigDecimal(dibsShare)))
                .body(path + ".compliant", equalTo(compliant))
                .body(path + ".playbookCompliance", comparesEqualTo(new BigDecimal(compliance)));
    }

    private static String open(String tenantId, ArchitectRef architect, RequestType type, String fundingUsd,
            List<Workload> workloads, Instant at) {
        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, tenantId, type, false, fundingUsd, workloads), architect, null, at));
        awaitEngagement(engagementId(requestId));
        return engagementId(requestId);
    }

    private static void complete(String engagementId, String taskId) {
        given().post("/engagements/{id}/tasks/{task}/complete", engagementId, taskId).then().statusCode(200);
    }

    private void dibs(String engagementId, Workload workload) {
        String target = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(60).toString();
        given().contentType(ContentType.JSON).body("{\"targetDate\": \"" + target + "\", \"intent\": \"adopt\","
                        + " \"businessReason\": \"value\", \"successOwner\": \"owner\"}")
                .put("/engagements/{id}/dibs/{workload}", engagementId, workload).then().statusCode(200);
    }
}
