package io.fasttrack.flow.assignment;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fasttrack.flow.assignment.messaging.SlaWatch;
import io.fasttrack.flow.events.AssignmentSlaAtRisk;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ExclusionCount;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a team manager relies on: capacity a roster change cannot break, decisions that say who made them and why,
 * SLA warnings and breaches addressed by role and region, lists that refuse a page beyond their end. (What a reader
 * may see is in AccessTest, with real tokens.)
 */
@QuarkusTest
@TestSecurity(user = "tm-lukas", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class ManagersTrustTest extends RosterIsolatedTest {

    @Inject
    SlaWatch watch;

    @Inject
    Clock clock;

    @Test
    void aCapacityBelowTheLoadIsAConflictNamingTheLoadAndTheWorkToMove() {
        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "ALIGNMENT_FTA", "EMEA", 5, List.of()));
        RequestSubmitted review = request(unique("req"), unique("tenant"), RequestType.ECIF_DWR_REVIEW, Region.EMEA, false,
                clock.instant());
        fixtures.submit(review);
        fixtures.awaitAssigned(review.requestId());
        Map<String, Object> smaller = new HashMap<>(architect(architectId, "ALIGNMENT_FTA", "EMEA", 1, List.of()));
        smaller.remove("id");

        given().contentType(ContentType.JSON).body(smaller).put("/architects/" + architectId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("load 2"))
                .body("detail", containsString(review.requestId() + " (weight 2)"))
                .body("violations.field", hasItem("capacity"));
        assertThat(Fixtures.load(architectId)).isEqualTo(2);
        given().get("/architects/" + architectId).then().body("capacity", equalTo(5));

        smaller.put("capacity", 2);
        given().contentType(ContentType.JSON).body(smaller).put("/architects/" + architectId).then().statusCode(200)
                .body("capacity", equalTo(2)).body("load", equalTo(2));
    }

    @Test
    void aReturningCustomerGetsTheArchitectOfTheirLastEngagement() {
        String first = unique("first");
        String other = unique("other");
        Fixtures.register(architect(first, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        Fixtures.register(architect(other, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        String tenant = unique("tenant");
        RequestSubmitted workshop = request(unique("req"), tenant, RequestType.DISCOVERY_WORKSHOP, Region.EMEA, false,
                clock.instant());
        fixtures.submit(workshop);
        String architectId = fixtures.awaitAssigned(workshop.requestId()).architect().id();
        fixtures.complete(workshop.requestId(), tenant, architectId, clock.instant());
        // the first architect gets busier than the other, so balance alone would pick the other one
        RequestSubmitted someoneElse = request(unique("req"), unique("tenant"), RequestType.ECIF_DWR_REVIEW, Region.EMEA, false,
                clock.instant());
        fixtures.submit(someoneElse);
        FtaAssigned busy = fixtures.awaitAssigned(someoneElse.requestId());
        if (!busy.architect().id().equals(architectId)) {
            given().contentType(ContentType.JSON).body(Map.of("toArchitectId", architectId))
                    .post("/assignments/" + someoneElse.requestId() + "/reassign").then().statusCode(200);
        }
        assertThat(Fixtures.load(architectId)).isEqualTo(2);

        RequestSubmitted returning = request(unique("req"), tenant, RequestType.ECIF_DWR_REVIEW, Region.EMEA, false,
                clock.instant());
        fixtures.submit(returning);

        FtaAssigned again = fixtures.awaitAssigned(returning.requestId());
        assertThat(again.architect().id()).isEqualTo(architectId);
        assertThat(again.decidingRule()).isEqualTo("CONTINUITY");
    }

    @Test
    void aManagersMoveRecordsWhoDecidedAndWhy() {
        String from = unique("from");
        String to = unique("to");
        Fixtures.register(architect(from, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        Fixtures.register(architect(to, "ALIGNMENT_FTA", "APAC", 10, List.of()));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.ECIF_DWR_REVIEW, Region.EMEA, false,
                clock.instant());
        fixtures.submit(submitted);
        FtaAssigned first = fixtures.awaitAssigned(submitted.requestId());
        assertThat(first.decidedBy()).isNull();
        assertThat(first.excludedCounts()).extracting(ExclusionCount::reason).contains("AWAY", "ROLE");

        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", to, "reason", "Raj knows the customer"))
                .post("/assignments/" + submitted.requestId() + "/reassign").then().statusCode(200)
                .body("decidedBy", equalTo("tm-lukas")).body("reason", equalTo("Raj knows the customer"));

        FtaAssigned moved = fixtures.streams.await(topic("assignments"), FtaAssigned.class,
                a -> a.requestId().equals(submitted.requestId()) && a.reassignedFrom() != null, 1, Fixtures.PATIENCE).get(0);
        assertThat(moved.decidedBy()).isEqualTo("tm-lukas");
        assertThat(moved.reason()).isEqualTo("Raj knows the customer");
        given().get("/assignments/" + submitted.requestId()).then().statusCode(200)
                .body("decidedBy", equalTo("tm-lukas")).body("reason", equalTo("Raj knows the customer"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(1001)))
                .post("/assignments/" + submitted.requestId() + "/reassign").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
    }

    @Test
    void aWaitingRequestMayBeAssignedByAManagerOnlyWhereItFits() {
        String small = unique("small");
        Fixtures.register(architect(small, "GET_MODERN_FTA", "EMEA", 1, List.of()));
        RequestSubmitted review = request(unique("req"), unique("tenant"), RequestType.ECIF_DWR_REVIEW, Region.EMEA, true,
                clock.instant());
        fixtures.submit(review);
        RequestQueued queued = fixtures.awaitQueued(review.requestId());
        assertThat(queued.excludedCounts()).contains(new ExclusionCount("NO_CAPACITY", 1));

        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", small))
                .post("/assignments/" + review.requestId() + "/reassign").then().statusCode(409)
                .body("detail", containsString("NO_CAPACITY"));
        given().post("/assignments/" + review.requestId() + "/reassign").then().statusCode(409)
                .body("detail", containsString("nobody can take"));
        given().get("/assignments/" + review.requestId()).then().body("status", equalTo("QUEUED"))
                .body("excludedCounts.NO_CAPACITY", equalTo(1));
    }

    @Test
    void aPageBeyondTheLastRowIsABadRequestOnEveryList() {
        for (String list : List.of("/queue", "/architects")) {
            given().get(list + "?page=2147483647&size=100").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("page"));
        }
    }

    @Test
    void aWaitingRequestIsWarnedAboutOnceThenReportedToTheTeamManagerOfItsRoleAndRegion() {
        // Monday 09:00 Berlin; APAC keeps Tuesday 3 November as a holiday: deadline Thursday 09:00 Berlin, and 75 % of the
        // 48 business hours (Monday 15, Wednesday 24, Thursday 9) pass on Wednesday at 21:00 Berlin
        Instant submittedAt = Instant.parse("2026-11-02T08:00:00Z");
        RequestSubmitted apac = request(unique("req"), unique("tenant"), RequestType.ENGAGE_BEFORE_LICENSE, Region.APAC, false,
                submittedAt);
        RequestSubmitted emea = request(unique("req"), unique("tenant"), RequestType.ENGAGE_BEFORE_LICENSE, Region.EMEA, false,
                submittedAt);
        fixtures.submit(apac);
        fixtures.submit(emea);
        assertThat(fixtures.awaitQueued(apac.requestId()).slaDeadline()).isEqualTo(Instant.parse("2026-11-05T08:00:00Z"));
        assertThat(fixtures.awaitQueued(emea.requestId()).slaDeadline()).isEqualTo(Instant.parse("2026-11-04T08:00:00Z"));

        TestClock.CLOCK.set(Instant.parse("2026-11-04T19:59:59Z"));
        watch.checkSla();
        assertThat(queueItem(apac.requestId()).get("atRisk")).isEqualTo(false);
        TestClock.CLOCK.set(Instant.parse("2026-11-04T20:00:00Z"));
        watch.checkSla();
        watch.checkSla();

        AssignmentSlaAtRisk warning = fixtures.streams.await(topic("assignments"), AssignmentSlaAtRisk.class,
                w -> w.requestId().equals(apac.requestId()), 1, Fixtures.PATIENCE).get(0);
        assertThat(warning.teamManager()).isEqualTo("tm-ftchelp-apac");
        assertThat(warning.region()).isEqualTo(Region.APAC);
        assertThat(warning.elapsedShare()).isEqualByComparingTo(new BigDecimal("0.75"));
        assertThat(warning.businessHoursLeft()).isEqualByComparingTo(new BigDecimal("12"));
        Map<String, Object> item = queueItem(apac.requestId());
        assertThat(item.get("atRisk")).isEqualTo(true);
        assertThat(item.get("slaDeadline")).isEqualTo("2026-11-05T08:00:00Z");
        assertThat(new BigDecimal(item.get("businessHoursLeft").toString())).isEqualByComparingTo(new BigDecimal("12"));

        TestClock.CLOCK.set(Instant.parse("2026-11-05T08:00:00Z"));
        watch.checkSla();
        AssignmentSlaBreached apacBreach = fixtures.streams.await(topic("assignments"), AssignmentSlaBreached.class,
                b -> b.requestId().equals(apac.requestId()), 1, Fixtures.PATIENCE).get(0);
        assertThat(apacBreach.teamManager()).isEqualTo("tm-ftchelp-apac");
        assertThat(apacBreach.region()).isEqualTo(Region.APAC);
        AssignmentSlaBreached emeaBreach = fixtures.streams.await(topic("assignments"), AssignmentSlaBreached.class,
                b -> b.requestId().equals(emea.requestId()), 1, Fixtures.PATIENCE).get(0);
        assertThat(emeaBreach.teamManager()).isEqualTo("ftchelp-team-manager");
        assertThat(fixtures.streams.events(topic("assignments"), AssignmentSlaAtRisk.class))
                .filteredOn(w -> w.requestId().equals(apac.requestId())).hasSize(1);
        assertThat(new BigDecimal(queueItem(apac.requestId()).get("businessHoursLeft").toString())).isZero();
    }

    private static Map<String, Object> queueItem(String requestId) {
        return Fixtures.allItems("/queue").stream().filter(item -> requestId.equals(item.get("requestId"))).findFirst()
                .orElseThrow();
    }
}
