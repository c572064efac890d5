package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class UsageIntakeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Inject
    TestClock clock;

    @Test
    void aSingleReportBecomesAUsageReportedEventKeyedByTenant() {
        String tenant = "single-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(report(tenant, "TEAMS", 5000, 1800, LocalDate.of(2026, 11, 1)));
        body.put("renewalDate", "2027-06-30");
        double acceptedBefore = HealthApi.counter("fasttrack_health_usage_reports_total", "outcome=\"accepted\"");
        given().contentType(ContentType.JSON).header("X-Request-Id", "req-" + tenant).body(body)
                .when().post("/usage")
                .then().statusCode(202).body("accepted", equalTo(1)).body("requestId", equalTo("req-" + tenant));

        List<ConsumerRecord<String, byte[]>> records = recordsFor(USAGE_TOPIC, tenant);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(EventStreams.header(record, EventHeaders.TYPE)).isEqualTo("UsageReported");
        assertThat(EventStreams.header(record, EventHeaders.CORRELATION_ID)).isEqualTo("req-" + tenant);
        UsageReported event = EventCodec.decode(record.value()).dataAs(UsageReported.class);
        assertThat(event).isEqualTo(new UsageReported(tenant, Workload.TEAMS, 5000, 1800, LocalDate.of(2026, 11, 1),
                LocalDate.of(2027, 6, 30), event.reportedAt()));
        assertThat(event.reportedAt()).isAfterOrEqualTo(TestClock.START);
        assertThat(HealthApi.counter("fasttrack_health_usage_reports_total", "outcome=\"accepted\"") - acceptedBefore).isEqualTo(1.0);
    }

    @Test
    void everyBadItemIsNamedWithItsIndexAndNothingIsPublished() {
        String tenant = "invalid-" + UUID.randomUUID();
        List<Object> body = new ArrayList<>();
        body.add(report(tenant, "TEAMS", 100, 50, TODAY));                                   // [0] good
        body.add(report(tenant, "TEAMS", 100, 150, TODAY));                                  // [1] active > licensed
        body.add(report(tenant, "FAX", 0, -1, TODAY.plusDays(1)));                           // [2] four problems
        body.add(Map.of("tenantId", " ", "workload", "TEAMS", "licensed", "100", "active", 1.5,
                "asOf", "01/11/2026", "renewalDate", "soon", "seats", 3));                      // [3] six problems
        body.add(Map.of("workload", "TEAMS"));                                               // [4] missing fields
        body.add("not a report");                                                            // [5]
        double refusedBefore = HealthApi.counter("fasttrack_health_usage_reports_total", "outcome=\"refused\"");

        JsonPath problem = given().contentType(ContentType.JSON).body(body).when().post("/usage")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400)).body("instance", equalTo("/usage"))
                .extract().jsonPath();
        List<String> fields = problem.getList("violations.field");
        assertThat(fields).containsExactlyInAnyOrder(
                "[1].active",
                "[2].workload", "[2].licensed", "[2].active", "[2].asOf",
                "[3].seats", "[3].tenantId", "[3].licensed", "[3].active", "[3].asOf", "[3].renewalDate",
                "[4].tenantId", "[4].licensed", "[4].active", "[4].asOf",
                "[5]");
        assertThat(problem.getString("violations.find { it.field == '[1].active' }.message")).contains("must not exceed licensed (100)");
        assertThat(problem.getString("violations.find { it.field == '[2].asOf' }.message")).contains("future");
        assertThat(problem.getString("violations.find { it.field == '[2].workload' }.message")).contains("COPILOT");
        assertThat(recordsFor(USAGE_TOPIC, tenant)).isEmpty();
        assertThat(HealthApi.counter("fasttrack_health_usage_reports_total", "outcome=\"refused\"") - refusedBefore).isEqualTo(6.0);
    }

    @Test
    void aTenantIdTakesTheLimitOfATenantIdInEveryService() {
        String tooLong = "t".repeat(129);
        given().contentType(ContentType.JSON).body(report(tooLong, "TEAMS", 10, 5, TODAY)).when().post("/usage")
                .then().statusCode(400).body("violations.find { it.field == 'tenantId' }.message",
                        equalTo("must be at most 128 characters"));
        String longest = "t".repeat(128 - 37) + "-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(report(longest, "TEAMS", 10, 5, TODAY)).when().post("/usage")
                .then().statusCode(202);
        assertThat(recordsFor(USAGE_TOPIC, tooLong)).isEmpty();
    }

    @Test
    void theFutureIsJudgedByTheInjectedClock() {
        String tenant = "clock-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(report(tenant, "TEAMS", 10, 5, TODAY.plusDays(1)))
                .when().post("/usage").then().statusCode(400).body("violations.field", hasItem("asOf"));
        clock.set(TestClock.START.plusSeconds(86_400));
        try {
            given().contentType(ContentType.JSON).body(report(tenant, "TEAMS", 10, 5, TODAY.plusDays(1)))
                    .when().post("/usage").then().statusCode(202);
        } finally {
            clock.set(TestClock.START);
        }
    }

    @Test
    void malformedOrShapelessBodiesAreProblemsNotErrors() {
        given().contentType(ContentType.JSON).body("{\"tenantId\": ").when().post("/usage")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("violations[0].message", startsWith("malformed JSON"));
        given().contentType(ContentType.JSON).body("42").when().post("/usage")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("violations[0].field", equalTo("$"));
        given().contentType(ContentType.JSON).body("[]").when().post("/usage")
                .then().statusCode(400).body("violations[0].message", containsString("at least one"));
        given().contentType(ContentType.JSON).when().post("/usage")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]";
        given().contentType(ContentType.JSON).body(tooMany).when().post("/usage")
                .then().statusCode(400).body("violations[0].message", containsString("at most 10000"));
    }

    @Test
    void unknownCustomersAndPathsAreProblems() {
        given().when().get("/customers/{tenantId}/health", "nobody-" + UUID.randomUUID())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("detail", containsString("no usage"));
        given().when().get("/nowhere").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.TEXT).body("tenantId=x").when().post("/usage")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }
}
