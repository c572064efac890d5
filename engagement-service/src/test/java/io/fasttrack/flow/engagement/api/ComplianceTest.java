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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
 * E1 a1 MIGRATION  [3298]        3298 done day 5, approved  DIBS EXCHANGE (all)   -> done on time, compliant
 * E2 a1 WORKSHOP   [3246,3298]   3298 day 5, 3246 day 40    no DIBS               -> done late
 * E3 a2 FTCHELP    [FTCHELP-1]   nothing                    no workloads, no DIBS -> open, stale (45 days)
 * E4 a2 ECIF 10k   [3298]        3298 day 10, approved      DIBS EXCHANGE, TEAMS  -> done on time, compliant
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
        approve(e1);
        complete(e2, "3298");
        complete(e5, "3298");
        dibs(e1, Workload.EXCHANGE);
        dibs(e5, Workload.TEAMS);
        clock.set(t0.plus(Duration.ofDays(10)));
        complete(e4, "3298");
        approve(e4);
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

    /**
     * Two teams, evaluated on day 40; A1..A3 opened on day 0, B1 on day 11, B2 on day 40 (minutes old); every
     * task is due 30 days after opening:
     * <pre>
     * A1 tmA/a1 MIGRATION [3298]       3298 day 5, note day 30, DIBS EXCHANGE (all)  -> compliant
     * A2 tmA/a1 WORKSHOP  [3246,3298]  3298 day 5, 3246 day 35 (due 30), note day 30 -> done late
     * A3 tmA/a2 MIGRATION [3298]       nothing done (due day 30), note day 30       -> overdue
     * B1 tmB/b1 MIGRATION [3298]       nothing done (due day 41), no note, no workloads, DIBS TEAMS -> stale
     * B2 tmB/b1 MIGRATION [3298]       opened day 40, nothing done yet              -> not yet due: compliant
     * </pre>
     */
    @Test
    void workNotYetDueIsNoViolationAndThePeriodIsOnTheOpeningDate() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String teamA = unique("tmA");
        String teamB = unique("tmB");
        ArchitectRef a1 = architect(unique("a1"), teamA);
        ArchitectRef a2 = architect(unique("a2"), teamA);
        ArchitectRef b1 = architect(unique("b1"), teamB);
        String tenantId = unique("tenant");
        String eA1 = open(tenantId, a1, RequestType.MIGRATION_EXCEPTION, null, List.of(Workload.EXCHANGE), t0);
        String eA2 = open(tenantId, a1, RequestType.DISCOVERY_WORKSHOP, null, List.of(Workload.TEAMS), t0);
        String eA3 = open(tenantId, a2, RequestType.MIGRATION_EXCEPTION, null, List.of(), t0);

        // minutes old: nothing is due yet, so nothing is late
        ValidatableResponse fresh = compliance("teamManager={tm}", teamA);
        assertFigures(fresh, "teams[0].figures", 3, 0, "0", 3, "1", 0, 0, "0", 3, "1");
        assertWork(fresh, "teams[0].figures", 3, 0);
        assertWork(fresh, "teams[0].architects[0].figures", 2, 0);

        clock.set(t0.plus(Duration.ofDays(5)));
        complete(eA1, "3298");
        complete(eA2, "3298");
        dibs(eA1, Workload.EXCHANGE);
        Instant day11 = t0.plus(Duration.ofDays(11));
        clock.set(day11);
        String eB1 = open(tenantId, b1, RequestType.MIGRATION_EXCEPTION, null, List.of(), day11);
        dibs(eB1, Workload.TEAMS);
        clock.set(t0.plus(Duration.ofDays(30)));
        note(eA1);
        note(eA2);
        note(eA3);
        clock.set(t0.plus(Duration.ofDays(35)));
        complete(eA2, "3246");
        Instant day40 = t0.plus(Duration.ofDays(40));
        clock.set(day40);
        String eB2 = open(tenantId, b1, RequestType.MIGRATION_EXCEPTION, null, List.of(), day40);

        ValidatableResponse teamAFigures = compliance("teamManager={tm}", teamA)
                .body("teams.teamManager", contains(teamA))
                .body("teams[0].architects.architectId", contains(a1.id(), a2.id()));
        assertFigures(teamAFigures, "teams[0].figures", 3, 2, "0.6667", 1, "0.3333", 0, 1, "0.3333", 1, "0.3333");
        assertWork(teamAFigures, "teams[0].figures", 0, 1);
        assertFigures(teamAFigures, "teams[0].architects[0].figures", 2, 2, "1", 1, "0.5", 0, 1, "0.5", 1, "0.5");
        assertWork(teamAFigures, "teams[0].architects[0].figures", 0, 0);
        assertFigures(teamAFigures, "teams[0].architects[1].figures", 1, 0, "0", 0, "0", 0, 0, "0", 0, "0");
        assertWork(teamAFigures, "teams[0].architects[1].figures", 0, 1);

        ValidatableResponse teamBFigures = compliance("teamManager={tm}", teamB)
                .body("from", nullValue()).body("to", nullValue())
                .body("teams[0].architects.architectId", contains(b1.id()));
        assertFigures(teamBFigures, "teams[0].figures", 2, 0, "0", 2, "1", 1, 1, "0.5", 1, "0.5");
        assertWork(teamBFigures, "teams[0].figures", 2, 0);

        String openingOfB1 = LocalDate.ofInstant(day11, ZoneOffset.UTC).toString();
        String today = LocalDate.ofInstant(day40, ZoneOffset.UTC).toString();
        // the team: its only engagement in the period is minutes old, and it is compliant
        ValidatableResponse openedToday = compliance("teamManager={tm}&from={from}&to={to}", teamB, today, today)
                .body("from", equalTo(today)).body("to", equalTo(today));
        assertFigures(openedToday, "teams[0].figures", 1, 0, "0", 1, "1", 0, 0, "0", 1, "1");
        assertWork(openedToday, "teams[0].figures", 1, 0);
        ValidatableResponse untilB1 = compliance("teamManager={tm}&to={to}", teamB, openingOfB1)
                .body("to", equalTo(openingOfB1));
        assertFigures(untilB1, "teams[0].figures", 1, 0, "0", 1, "1", 1, 1, "1", 0, "0");
        assertWork(untilB1, "teams[0].figures", 1, 0);
        compliance("teamManager={tm}&from={from}", teamA, today).body("from", equalTo(today)).body("teams", empty());
        given().get("/engagements/{id}", eB2).then().body("stale", equalTo(false));
    }

    @Test
    void aBadPeriodIsAProblemNamingTheField() {
        given().get("/compliance?from=2026-13-01&to=soon").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to"));
        given().get("/compliance?from=2026-03-02&to=2026-03-01").then().statusCode(400)
                .body("violations.field", contains("from"))
                .body("violations[0].message", equalTo("must not be after to (2026-03-01)"));
    }

    private static ValidatableResponse compliance(String query, Object... values) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/compliance?" + query, values).then().statusCode(200);
    }

    /** Engagements with mandatory work open before its due date, and after it. */
    private static void assertWork(ValidatableResponse response, String path, int notYetDue, int overdue) {
        response.body(path + ".withWorkNotYetDue", equalTo(notYetDue))
                .body(path + ".withOverdueWork", equalTo(overdue));
    }

    private static void note(String engagementId) {
        given().contentType(ContentType.JSON).body("{\"author\": \"fta\", \"note\": \"on track\"}")
                .post("/engagements/{id}/status-notes", engagementId).then().statusCode(201);
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

    /** E1 and E4 need a final review decision to complete, as their 3298 does in this portfolio. */
    private static void approve(String engagementId) {
        given().contentType(ContentType.JSON).body("{\"decision\": \"APPROVED\"}")
                .post("/engagements/{id}/review", engagementId).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    private void dibs(String engagementId, Workload workload) {
        String target = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(60).toString();
        given().contentType(ContentType.JSON).body("{\"targetDate\": \"" + target + "\", \"intent\": \"adopt\","
                        + " \"businessReason\": \"value\", \"successOwner\": \"owner\"}")
                .put("/engagements/{id}/dibs/{workload}", engagementId, workload).then().statusCode(200);
    }
}
