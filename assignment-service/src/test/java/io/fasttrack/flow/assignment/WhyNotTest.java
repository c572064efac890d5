package io.fasttrack.flow.assignment;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Why not this architect: answered exactly as of the decision, from the history re-decided up to it. */
@QuarkusTest
@TestSecurity(user = "tm-lukas", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class WhyNotTest extends RosterIsolatedTest {

    @Inject
    Clock clock;

    @Test
    void anArchitectWhoLostOnFitIsToldSoWithBothSidesValuesEvenAfterTheRosterChanged() {
        String near = unique("near");
        String far = unique("far");
        Fixtures.register(architect(near, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        Fixtures.register(architect(far, "ALIGNMENT_FTA", "AMER", 10, List.of()));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.ECIF_DWR_REVIEW, Region.EMEA, false,
                clock.instant());
        fixtures.submit(submitted);
        fixtures.awaitAssigned(submitted.requestId());
        // afterwards the far architect moves to the request's region: the answer is still as of the decision
        Map<String, Object> moved = new HashMap<>(architect(far, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        moved.remove("id");
        given().contentType(ContentType.JSON).body(moved).put("/architects/" + far).then().statusCode(200);
        String path = "/assignments/" + submitted.requestId() + "/candidates/";

        Awaitility.await().atMost(Fixtures.PATIENCE).untilAsserted(() -> given().get(path + far).then().statusCode(200)
                .body("requestId", equalTo(submitted.requestId()))
                .body("comparison.verdict", equalTo("LOST"))
                .body("comparison.winnerId", equalTo(near))
                .body("comparison.rankingRule", equalTo("FIT_REGION"))
                .body("comparison.architect.regionMatch", equalTo(false))
                .body("comparison.winner.regionMatch", equalTo(true)));
        given().get(path + near).then().statusCode(200).body("comparison.verdict", equalTo("WINNER"));
        given().get(path + unique("nobody")).then().statusCode(200).body("comparison.verdict", equalTo("UNKNOWN_ARCHITECT"));
        given().get("/assignments/" + unique("unknown") + "/candidates/" + near).then().statusCode(404);
    }

    @Test
    void anArchitectOfAnotherRoleOrAwayIsExcludedWithTheReason() {
        String help = unique("help");
        String fta = unique("fta");
        Fixtures.register(architect(help, "FTCHELP", "EMEA", 10, List.of()));
        Fixtures.register(architect(fta, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA, false,
                clock.instant());
        fixtures.submit(submitted);
        fixtures.awaitAssigned(submitted.requestId());

        given().get("/assignments/" + submitted.requestId() + "/candidates/" + fta).then().statusCode(200)
                .body("comparison.verdict", equalTo("EXCLUDED")).body("comparison.excludedBecause", equalTo("ROLE"));
    }
}
