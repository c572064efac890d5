package io.fasttrack.flow.assignment.api;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class ArchitectResourceTest {

    private final Fixtures fixtures = Fixtures.create();

    @Test
    void registersPublishesAndShowsTheArchitectRightAway() {
        String id = unique("fta");
        given().contentType(ContentType.JSON).body(architect(id, "ALIGNMENT_FTA", "EMEA", 10, List.of("TEAMS", "EXCHANGE")))
                .when().post("/architects")
                .then().statusCode(201)
                .header("Location", endsWith("/architects/" + id))
                .body("load", equalTo(0))
                .body("utilization", equalTo(0.0f));
        given().get("/architects/" + id).then().statusCode(200)
                .body("capacity", equalTo(10))
                .body("skills", containsInAnyOrder("EXCHANGE", "TEAMS"))
                .body("openAssignments.size()", equalTo(0));
        ArchitectRegistered published = fixtures.streams.await(Fixtures.topic("roster"), ArchitectRegistered.class,
                e -> e.architect().id().equals(id), 1, Fixtures.PATIENCE).get(0);
        assertThat(published.architect().capacity()).isEqualTo(10);
    }

    @Test
    void aTakenIdIsAConflict() {
        String id = unique("fta");
        Fixtures.register(architect(id, "FTCHELP", "AMER", 5, List.of()));
        given().contentType(ContentType.JSON).body(architect(id, "FTCHELP", "AMER", 5, List.of()))
                .when().post("/architects")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void updateChangesCapacityAndAvailability() {
        String id = unique("fta");
        Fixtures.register(architect(id, "GET_MODERN_FTA", "APAC", 5, List.of("INTUNE")));
        Map<String, Object> changed = new HashMap<>(architect(id, "GET_MODERN_FTA", "APAC", 8, List.of("INTUNE", "WINDOWS")));
        changed.put("awayFrom", "2000-01-01");
        changed.put("awayTo", "2999-12-31");
        given().contentType(ContentType.JSON).body(changed).when().put("/architects/" + id)
                .then().statusCode(200).body("capacity", equalTo(8)).body("away", equalTo(true));
        fixtures.streams.await(Fixtures.topic("roster"), ArchitectUpdated.class,
                e -> e.architect().id().equals(id) && e.architect().capacity() == 8, 1, Fixtures.PATIENCE);
        given().contentType(ContentType.JSON).body(architect("someone-else", "GET_MODERN_FTA", "APAC", 8, List.of()))
                .when().put("/architects/" + id).then().statusCode(400).body("violations.field", hasItem("id"));
        given().contentType(ContentType.JSON).body(architect(unique("ghost"), "FTCHELP", "APAC", 8, List.of()))
                .when().put("/architects/nobody-" + id).then().statusCode(400);
    }

    @Test
    void everyBadFieldIsReported() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("id", "bad id!");
        bad.put("role", "CHIEF");
        bad.put("region", "MARS");
        bad.put("timeZone", "Mars/Olympus");
        bad.put("capacity", 0);
        bad.put("skills", List.of("TEAMS", "KNITTING"));
        bad.put("awayFrom", "2026-12-10");
        bad.put("awayTo", "2026-12-01");
        bad.put("favouriteColour", "blue");
        given().contentType(ContentType.JSON).body(bad).when().post("/architects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("id", "name", "role", "region", "timeZone", "capacity",
                        "skills[1]", "awayTo", "favouriteColour"));
    }

    @Test
    void malformedJsonAndWrongTypesAreProblems() {
        given().contentType(ContentType.JSON).body("{\"id\": ").when().post("/architects")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"id\":\"x1\",\"name\":\"n\",\"role\":\"FTCHELP\",\"region\":\"EMEA\","
                + "\"timeZone\":\"Europe/Berlin\",\"capacity\":\"ten\",\"skills\":\"TEAMS\"}").when().post("/architects")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("capacity", "skills"));
        given().contentType(ContentType.JSON).body("[1,2]").when().post("/architects").then().statusCode(400);
    }

    @Test
    void unknownArchitectIsANotFoundProblem() {
        given().get("/architects/" + unique("nobody")).then().statusCode(404).contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void listIsPagedWithFairnessPerRole() {
        String role = "FTCHELP";
        for (int i = 0; i < 3; i++) {
            Fixtures.register(architect(unique("help"), role, "EMEA", 4, List.of()));
        }
        var page = given().get("/architects?role=FTCHELP&size=2&page=0").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(2);
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(3);
        assertThat(page.getMap("fairness")).containsOnlyKeys("FTCHELP");
        assertThat(page.getInt("fairness.FTCHELP.architects")).isGreaterThanOrEqualTo(1);
        given().get("/architects?size=0&page=-1").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("page", "size"));
        given().get("/architects?role=CHIEF").then().statusCode(400);
    }
}
