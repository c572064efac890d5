package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.ASSIGNMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.healthEvents;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.putOwner;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.CustomerOwnerAssigned;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A real FastTrack Manager: a manager assigns one (CustomerOwnerAssigned on the health topic, read back into the
 * account), the portfolio groups by it, and only FTA-queue assignments move the customer's architect.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class CustomerOwnerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    private static final Instant T0 = Instant.parse("2026-10-02T09:00:00Z");

    private final EventStreams streams = new EventStreams();

    @Test
    void aManagerAssignsTheFastTrackManagerTheOwnerBeforeIsNamedAndThePortfolioGroupsByIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "ftm-" + run;
        String unassigned = "ftm-none-" + run;
        String anna = "anna-" + run;
        String ben = "ben-" + run;
        post(List.of(report(tenant, "TEAMS", 100, 70, DAY), report(unassigned, "TEAMS", 100, 10, DAY)));

        JsonPath first = putOwner(tenant, anna);
        assertThat(first.getString("tenantId")).isEqualTo(tenant);
        assertThat(first.getString("fastTrackManager")).isEqualTo(anna);
        assertThat(first.getString("previousFastTrackManager")).isNull();
        assertThat(first.getString("assignedBy")).isEqualTo("test-caller");
        awaitGroup(anna, 1);
        assertThat(HealthApi.health(tenant).getString("fastTrackManager")).isEqualTo(anna);

        JsonPath second = putOwner(tenant, ben);
        assertThat(second.getString("previousFastTrackManager")).isEqualTo(anna);
        Map<String, Object> benGroup = awaitGroup(ben, 1);
        assertThat(benGroup.get("name")).isEqualTo(ben);
        assertThat(benGroup.get("categories")).isEqualTo(Map.of("NO_USAGE", 0, "LOW", 0, "GROWING", 0, "HEALTHY", 1));
        JsonPath portfolio = portfolio();
        assertThat(portfolio.getList("items.key")).doesNotContain(anna);
        // a customer without a FastTrack Manager is in the unassigned group, listed last, whatever its architect
        List<String> keys = portfolio.getList("items.key");
        assertThat(keys.get(keys.size() - 1)).isEqualTo("unassigned");

        List<CustomerOwnerAssigned> events = healthEvents(tenant, CustomerOwnerAssigned.class);
        assertThat(events).extracting(CustomerOwnerAssigned::fastTrackManager).containsExactly(anna, ben);
        assertThat(events).extracting(CustomerOwnerAssigned::previousFastTrackManager).containsExactly(null, anna);
        assertThat(events).extracting(CustomerOwnerAssigned::assignedBy).containsExactly("test-caller", "test-caller");
        assertThat(events.get(1).assignedAt()).isEqualTo(Instant.parse(second.getString("assignedAt")));
        assertThat(healthEvents(unassigned, CustomerOwnerAssigned.class)).isEmpty();
    }

    @Test
    void aBadOwnerIsRefusedNamingEachFieldAndNothingIsPublished() {
        String tenant = "ftm-bad-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("fastTrackManager", "  ", "colour", "blue"))
                .when().put("/customers/{t}/owner", tenant)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.size()", equalTo(2))
                .body("violations.find { it.field == 'fastTrackManager' }.message", equalTo("must not be blank"))
                .body("violations.find { it.field == 'colour' }.message", equalTo("unknown field"));
        given().contentType(ContentType.JSON).body(Map.of("fastTrackManager", "x".repeat(201)))
                .when().put("/customers/{t}/owner", tenant)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("fastTrackManager"))
                .body("violations[0].message", equalTo("must be at most 200 characters"));
        given().contentType(ContentType.JSON).body("{}").when().put("/customers/{t}/owner", tenant)
                .then().statusCode(400).body("violations[0].message", equalTo("is required"));
        given().contentType(ContentType.JSON).body(Map.of("fastTrackManager", "y".repeat(200)))
                .when().put("/customers/{t}/owner", tenant).then().statusCode(200);
        // the accepted one was acknowledged before its answer; the refused ones never reached the topic
        assertThat(recordsFor(HEALTH_TOPIC, tenant)).hasSize(1);
    }

    @Test
    void onlyAnFtaQueueAssignmentMovesTheCustomersArchitectNeverAnFtcHelpAnswer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "queue-" + run;
        ArchitectRef fta = architect("fta-" + run, "Fiona");
        ArchitectRef helpDesk = architect("ftc-" + run, "Hugo");
        ArchitectRef nextFta = architect("fta2-" + run, "Gina");
        post(report(tenant, "TEAMS", 100, 40, DAY));
        assign(tenant, "req-1-" + run, fta, RequestQueue.FTA, T0);
        awaitEngagements(tenant, 1);
        assign(tenant, "req-2-" + run, helpDesk, RequestQueue.FTCHELP, T0.plusSeconds(3600));
        JsonPath answered = awaitEngagements(tenant, 2);
        assertThat(answered.getString("owner.architectId")).isEqualTo(fta.id());
        assertThat(answered.getString("owner.requestId")).isEqualTo("req-1-" + run);
        assertThat(answered.getList("engagements.architectId")).containsExactly(fta.id(), helpDesk.id());

        assign(tenant, "req-3-" + run, nextFta, RequestQueue.FTA, T0.plusSeconds(7200));
        JsonPath reassigned = awaitEngagements(tenant, 3);
        assertThat(reassigned.getString("owner.architectId")).isEqualTo(nextFta.id());
        assertThat(reassigned.getString("owner.architectName")).isEqualTo("Gina");
        assertThat(reassigned.getString("owner.assignedAt")).isEqualTo(T0.plusSeconds(7200).toString());
    }

    private static ArchitectRef architect(String id, String name) {
        return new ArchitectRef(id, name, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, "tm-" + id);
    }

    private void assign(String tenant, String requestId, ArchitectRef architect, RequestQueue queue, Instant at) {
        RequestSnapshot request = new RequestSnapshot(requestId, RequestType.DISCOVERY_WORKSHOP, queue,
                new Customer(tenant, "Customer " + tenant, Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Seller", "seller@example.com"), List.of(), List.of(), false, false, null, at.minusSeconds(600));
        streams.publish(ASSIGNMENTS_TOPIC, EventEnvelope.of(at, "test", requestId, null,
                new FtaAssigned(requestId, tenant, architect, request, 1, at.plusSeconds(86_400), at, "FIT", List.of(), null, null, null, null)));
    }

    private static JsonPath awaitEngagements(String tenant, int count) {
        // 404 until the report is applied: the usage and the assignments arrive on different topics, in any order
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> HealthApi.health(tenant), health -> health.getList("engagements").size() == count);
    }

    private static JsonPath portfolio() {
        return given().when().get("/portfolio?groupBy=fastTrackManager&size=200").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> awaitGroup(String key, int customers) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> portfolio().<String, Object>getMap("items.find { it.key == '" + key + "' }"),
                        group -> group != null && group.get("customers").equals(customers));
    }
}
