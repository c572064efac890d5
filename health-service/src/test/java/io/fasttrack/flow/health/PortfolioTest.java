package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.ASSIGNMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.ENGAGEMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
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
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
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
 * A small portfolio: architect A (EMEA, S500) owns c1, c2, c3 and c6 (c6 without usage), architect B (AMER, S1500)
 * owns c4, both under one team manager; c5 has usage but no owner. c1 and c4 have one FastTrack Manager. Moves are counted for as-of dates in [MAR, APR].
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class PortfolioTest {

    private static final LocalDate DEC = LocalDate.of(2025, 12, 1);
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR = LocalDate.of(2026, 4, 1);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final EventStreams streams = new EventStreams();

    @Test
    void countsPerCategoryAndMovesPerGroup() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String teamManager = "tm-" + run;
        ArchitectRef a = new ArchitectRef("fta-a-" + run, "Ana " + run, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, teamManager);
        ArchitectRef b = new ArchitectRef("fta-b-" + run, "Ben " + run, ArchitectRole.GET_MODERN_FTA, Region.AMER, teamManager);
        String fastTrackManager = "ftm-" + run;
        String c1 = "c1-" + run, c2 = "c2-" + run, c3 = "c3-" + run, c4 = "c4-" + run, c5 = "c5-" + run, c6 = "c6-" + run;

        assign(c1, a, Region.EMEA, Segment.S500, T0);
        assign(c2, a, Region.EMEA, Segment.S500, T0);
        assign(c3, b, Region.EMEA, Segment.S500, T0);
        assign(c3, a, Region.EMEA, Segment.S500, T0.plusSeconds(3600)); // reassigned: the later assignment owns
        assign(c4, b, Region.AMER, Segment.S1500, T0);
        assign(c6, a, Region.EMEA, Segment.S500, T0);
        streams.publish(ENGAGEMENTS_TOPIC, EventEnvelope.of(T0, "test", null, null,
                new EngagementCompleted("eng-" + c2, "req-" + c2 + "-" + T0.getEpochSecond(), c2, a.id(), T0.plusSeconds(86_400))));
        // a known event type this service does not use is acknowledged and ignored
        streams.publish(ASSIGNMENTS_TOPIC, EventEnvelope.of(T0, "test", null, null, new RequestQueued("req-q-" + run, c5,
                RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, 1, T0, T0, "nobody free", List.of(), null)));

        HealthApi.putOwner(c1, fastTrackManager);
        HealthApi.putOwner(c4, fastTrackManager);
        post(List.of(
                report(c1, "TEAMS", 100, 70, DEC),   // NEW HEALTHY
                report(c1, "TEAMS", 100, 20, JAN),   // DOWN LOW, before the window
                report(c1, "TEAMS", 100, 45, APR),   // UP GROWING
                report(c2, "TEAMS", 100, 70, JAN),   // NEW HEALTHY
                report(c2, "TEAMS", 100, 10, APR),   // DOWN LOW
                report(c3, "TEAMS", 100, 1, JAN),    // NEW NO_USAGE
                report(c4, "TEAMS", 100, 40, JAN),   // NEW GROWING
                report(c4, "TEAMS", 100, 80, MAR),   // UP HEALTHY, on the window's first day
                report(c5, "TEAMS", 100, 50, JAN))); // NEW GROWING, unassigned

        String window = "&from=" + MAR + "&to=" + APR + "&teamManager=" + teamManager;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath byArchitect = portfolio("groupBy=architect" + window);
            assertThat(byArchitect.getInt("total")).isEqualTo(2);
            assertGroup(byArchitect, a.id(), a.name(), 4, Map.of("NO_USAGE", 1, "LOW", 1, "GROWING", 1, "HEALTHY", 0), 1, 1, 1);
            assertGroup(byArchitect, b.id(), b.name(), 1, Map.of("NO_USAGE", 0, "LOW", 0, "GROWING", 0, "HEALTHY", 1), 0, 1, 0);
        });

        // the FastTrack Manager is the account's, whoever the architects are: c1 (A's) and c4 (B's); the rest unassigned
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath byFastTrackManager = portfolio("groupBy=fastTrackManager" + window);
            assertThat(byFastTrackManager.getList("items.key")).containsExactly(fastTrackManager, "unassigned");
            assertGroup(byFastTrackManager, fastTrackManager, fastTrackManager, 2,
                    Map.of("NO_USAGE", 0, "LOW", 0, "GROWING", 1, "HEALTHY", 1), 0, 2, 0);
            assertGroup(byFastTrackManager, "unassigned", "unassigned", 3,
                    Map.of("NO_USAGE", 1, "LOW", 1, "GROWING", 0, "HEALTHY", 0), 1, 0, 1);
        });

        JsonPath byTeamManager = portfolio("groupBy=teamManager" + window);
        assertThat(byTeamManager.getInt("total")).isEqualTo(1);
        // the groups are a page like every list: {items, total, page, size}, 20 by default
        assertThat(byTeamManager.getInt("page")).isZero();
        assertThat(byTeamManager.getInt("size")).isEqualTo(20);
        assertGroup(byTeamManager, teamManager, teamManager, 5, Map.of("NO_USAGE", 1, "LOW", 1, "GROWING", 1, "HEALTHY", 1), 1, 2, 1);

        JsonPath byRegion = portfolio("groupBy=region" + window);
        assertGroup(byRegion, "EMEA", "EMEA", 4, Map.of("NO_USAGE", 1, "LOW", 1, "GROWING", 1, "HEALTHY", 0), 1, 1, 1);
        assertGroup(byRegion, "AMER", "AMER", 1, Map.of("NO_USAGE", 0, "LOW", 0, "GROWING", 0, "HEALTHY", 1), 0, 1, 0);

        JsonPath bySegment = portfolio("groupBy=segment" + window);
        assertGroup(bySegment, "S1500", "S1500", 1, Map.of("NO_USAGE", 0, "LOW", 0, "GROWING", 0, "HEALTHY", 1), 0, 1, 0);

        // without a window every move counts: c1 fell in January too
        JsonPath allTime = portfolio("groupBy=architect&teamManager=" + teamManager);
        assertGroup(allTime, a.id(), a.name(), 4, Map.of("NO_USAGE", 1, "LOW", 1, "GROWING", 1, "HEALTHY", 0), 1, 1, 2);

        // customers without an owner land in "unassigned", listed last
        JsonPath everyone = portfolio("groupBy=architect&size=200");
        List<String> keys = everyone.getList("items.key");
        assertThat(keys.get(keys.size() - 1)).isEqualTo("unassigned");
        assertThat(everyone.getInt("items.find { it.key == 'unassigned' }.categories.GROWING")).isGreaterThanOrEqualTo(1);

        // the completed engagement is history; the customer stays with its owner
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath c2Health = HealthApi.health(c2);
            assertThat(c2Health.getString("owner.architectId")).isEqualTo(a.id());
            assertThat(c2Health.getString("engagements[0].engagementId")).isEqualTo("eng-" + c2);
            assertThat(c2Health.getString("engagements[0].completedAt")).isEqualTo("2026-01-06T09:00:00Z");
        });
        assertThat(HealthApi.health(c3).getString("owner.architectId")).isEqualTo(a.id());
    }

    @Test
    void anInvalidQueryListsTheAllowedValues() {
        given().when().get("/portfolio?groupBy=planet&from=yesterday&size=0")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.find { it.field == 'groupBy' }.message",
                        equalTo("must be one of [fastTrackManager, architect, teamManager, region, segment]"))
                .body("violations.find { it.field == 'from' }.message", containsString("date"))
                .body("violations.find { it.field == 'size' }.message", containsString("from 1 to 200"));
        given().when().get("/portfolio?groupBy=region&from=2026-05-01&to=2026-04-01")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
    }

    private JsonPath portfolio(String query) {
        return given().when().get("/portfolio?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static void assertGroup(JsonPath view, String key, String name, int customers, Map<String, Integer> categories,
            int withoutUsage, int movesUp, int movesDown) {
        Map<String, Object> group = view.getMap("items.find { it.key == '" + key + "' }");
        assertThat(group).as("group %s", key).isNotNull();
        assertThat(group.get("name")).isEqualTo(name);
        assertThat(group.get("customers")).as("customers of %s", key).isEqualTo(customers);
        assertThat(group.get("categories")).as("categories of %s", key).isEqualTo(categories);
        assertThat(group.get("withoutUsage")).as("without usage in %s", key).isEqualTo(withoutUsage);
        assertThat(group.get("movesUp")).as("moves up in %s", key).isEqualTo(movesUp);
        assertThat(group.get("movesDown")).as("moves down in %s", key).isEqualTo(movesDown);
    }

    private void assign(String tenant, ArchitectRef architect, Region region, Segment segment, Instant at) {
        String requestId = "req-" + tenant + "-" + at.getEpochSecond();
        RequestSnapshot request = new RequestSnapshot(requestId, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Customer " + tenant, segment, false), region, "Europe/Berlin",
                new Contact("Seller", "seller@example.com"), List.of("atu@example.com"), List.of(Workload.TEAMS),
                false, false, null, at.minusSeconds(3600));
        streams.publish(ASSIGNMENTS_TOPIC, EventEnvelope.of(at, "test", requestId, null,
                new FtaAssigned(requestId, tenant, architect, request, 3, at.plusSeconds(172_800), at, "BALANCE", List.of(), null, null, null, null)));
    }
}
