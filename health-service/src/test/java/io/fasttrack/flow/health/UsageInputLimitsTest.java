package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What POST /usage refuses before anything is published: overflowing seats, floods of bad fields, bad headers; and Idempotency-Key. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class UsageInputLimitsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @Test
    void seatsAndActiveUsersStopAtOneBillionEachBadFieldNamedAndNothingPublished() {
        String tenant = "seats-" + UUID.randomUUID();
        List<Object> body = List.of(
                report(tenant, "TEAMS", Long.MAX_VALUE, 10, DAY),
                report(tenant, "EXCHANGE", 1_000_000_000L, 1_000_000_001L, DAY),
                report(tenant, "INTUNE", -1, -1, DAY));

        JsonPath problem = given().contentType(ContentType.JSON).body(body).when().post("/usage")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().jsonPath();

        assertThat(problem.getList("violations")).isEqualTo(List.of(
                Map.of("field", "[0].licensed", "message", "must be a whole number from 1 to 1000000000"),
                Map.of("field", "[1].active", "message", "must be a whole number from 0 to 1000000000"),
                Map.of("field", "[2].licensed", "message", "must be a whole number from 1 to 1000000000"),
                Map.of("field", "[2].active", "message", "must be a whole number from 0 to 1000000000")));
        assertThat(problem.getString("omittedViolations")).isNull();
        assertThat(recordsFor(USAGE_TOPIC, tenant)).isEmpty();

        given().contentType(ContentType.JSON).body(report(tenant, "TEAMS", 1_000_000_000L, 1_000_000_000L, DAY))
                .when().post("/usage").then().statusCode(202).body("accepted", equalTo(1));
        assertThat(recordsFor(USAGE_TOPIC, tenant)).hasSize(1);
    }

    @Test
    void aFloodOfUnknownFieldsListsAHundredCountsTheRestAndAnswersSmall() {
        StringBuilder flood = new StringBuilder("{");
        for (int i = 0; i < 400_000; i++) {
            flood.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
        }
        flood.append('}');

        Response answer = given().contentType(ContentType.JSON).body(flood.toString()).when().post("/usage")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().response();

        JsonPath problem = answer.jsonPath();
        assertThat(problem.getList("violations")).hasSize(100);
        assertThat(problem.getString("violations[0].field")).isEqualTo("f0");
        assertThat(problem.getString("violations[99].field")).isEqualTo("f99");
        assertThat(problem.getString("violations[99].message")).isEqualTo("unknown field");
        // 400,000 unknown fields and the 5 required ones missing
        assertThat(problem.getInt("omittedViolations")).isEqualTo(400_005 - 100);
        assertThat(problem.getString("detail")).isEqualTo("400005 problem(s) in the call; no usage report was accepted");
        assertThat(answer.asByteArray().length).isLessThan(8_000);
    }

    @Test
    void aRequestIdOfOtherCharactersOrOver128IsRefusedNamingTheHeader() {
        String tenant = "request-id-" + UUID.randomUUID();
        Object body = report(tenant, "TEAMS", 100, 50, DAY);
        for (String bad : List.of("has space", "x".repeat(129), "semi;colon")) {
            given().contentType(ContentType.JSON).header("X-Request-Id", bad).body(body).when().post("/usage")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("violations.field", equalTo(List.of("X-Request-Id")))
                    .body("violations[0].message", equalTo("must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'"));
        }
        assertThat(recordsFor(USAGE_TOPIC, tenant)).isEmpty();

        String longest = "req:" + "a.b_c-".repeat(20) + "x".repeat(4);
        assertThat(longest).hasSize(128);
        given().contentType(ContentType.JSON).header("X-Request-Id", longest).body(body).when().post("/usage")
                .then().statusCode(202).body("requestId", equalTo(longest));
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAndPublishOnceAnotherBodyIsAConflict() {
        String tenant = "idempotent-" + UUID.randomUUID();
        String key = "usage-" + UUID.randomUUID();
        List<Object> body = List.of(report(tenant, "TEAMS", 1000, 400, DAY), report(tenant, "EXCHANGE", 500, 100, DAY));

        Map<String, Object> first = post(body, key, "first-call").statusCode(202).extract().jsonPath().getMap("$");
        assertThat(first).isEqualTo(Map.of("accepted", 2, "requestId", "first-call"));
        // the same reports, fields in another order: the same body
        List<Object> reordered = body.stream().map(item -> (Object) new java.util.TreeMap<>((Map<?, ?>) item)).toList();
        Map<String, Object> again = post(reordered, key, "second-call").statusCode(202).extract().jsonPath().getMap("$");
        assertThat(again).isEqualTo(first);

        Map<String, Object> changed = new HashMap<>(report(tenant, "TEAMS", 1000, 401, DAY));
        post(List.of(changed, body.get(1)), key, null).statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("this Idempotency-Key was already used with a different body"));

        List<UsageReported> published = recordsFor(USAGE_TOPIC, tenant).stream()
                .map(record -> EventCodec.decode(record.value()).dataAs(UsageReported.class)).toList();
        assertThat(published).extracting(UsageReported::workload).containsExactly(Workload.TEAMS, Workload.EXCHANGE);
        assertThat(recordsFor(USAGE_TOPIC, tenant)).extracting(record -> EventCodec.decode(record.value()).correlationId())
                .containsOnly("first-call");
    }

    private static io.restassured.response.ValidatableResponse post(Object body, String key, String requestId) {
        var request = given().contentType(ContentType.JSON).header("Idempotency-Key", key);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.body(body).when().post("/usage").then();
    }
}
