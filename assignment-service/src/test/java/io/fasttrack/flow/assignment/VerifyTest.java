package io.fasttrack.flow.assignment;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proof of the balancer (README "Verify"): on a generated history of more than 10,000 requests with roster changes,
 * leave and completions between them, re-deciding every recorded decision from the log gives the same decisions.
 */
@QuarkusTest
@TestSecurity(user = "tm-lukas", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class VerifyTest extends RosterIsolatedTest {

    private static final int ROUNDS = 10;
    private static final int REQUESTS_PER_ROUND = 1_050;
    private static final RequestType[] TYPES = RequestType.values();
    private static final Region[] REGIONS = {Region.EMEA, Region.AMER, Region.APAC};
    private static final Workload[] WORKLOADS = Workload.values();

    @Inject
    Clock clock;

    /** The generated history leaves thousands of requests waiting: none of them may reach a later test's architects. */
    @AfterEach
    void absorbWhatWaits() {
        Fixtures.isolateRoster();
    }

    @Test
    void reDecidingAGeneratedHistoryOfTenThousandRequestsFindsEveryRecordedDecision() {
        Instant start = clock.instant();
        Random random = new Random(20261201);
        List<Map<String, Object>> roster = new ArrayList<>();
        for (String role : Fixtures.BALANCED_ROLES) {
            for (int i = 0; i < 8; i++) {
                Map<String, Object> architect = new HashMap<>(architect(unique("verify"), role,
                        REGIONS[random.nextInt(REGIONS.length)].name(), 3 + random.nextInt(6), skills(random)));
                Fixtures.register(architect);
                roster.add(architect);
            }
        }
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            tenants.add(unique("verify-tenant"));
        }
        Map<String, String> tenantOf = new HashMap<>();
        Set<String> completed = new HashSet<>();
        String awayId = null;
        for (int round = 0; round < ROUNDS; round++) {
            Set<String> requestIds = new HashSet<>();
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                String tenant = tenants.get(random.nextInt(tenants.size()));
                RequestSubmitted submitted = request(unique("verify-req"), tenant, TYPES[random.nextInt(TYPES.length)],
                        REGIONS[random.nextInt(REGIONS.length)], random.nextBoolean(), clock.instant(), workloads(random));
                tenantOf.put(submitted.requestId(), tenant);
                requestIds.add(submitted.requestId());
                fixtures.submit(submitted);
            }
            List<FtaAssigned> assigned = awaitDecisions(requestIds);
            for (FtaAssigned decision : assigned) {
                if (random.nextInt(10) < 6 && completed.add(decision.requestId())) {
                    fixtures.complete(decision.requestId(), tenantOf.get(decision.requestId()), decision.architect().id(),
                            clock.instant());
                }
            }
            Map<String, Object> changed = new HashMap<>(roster.get(random.nextInt(roster.size())));
            String id = (String) changed.remove("id");
            changed.put("capacity", Math.max(Fixtures.load(id), 2 + random.nextInt(8)));
            given().contentType(ContentType.JSON).body(changed).put("/architects/" + id).then().statusCode(200);
            if (awayId != null) {
                String returning = awayId;
                Map<String, Object> back = new HashMap<>(roster.stream().filter(a -> a.get("id").equals(returning))
                        .findFirst().orElseThrow());
                back.remove("id");
                back.put("capacity", Math.max(Fixtures.load(returning), (Integer) back.get("capacity")));
                given().contentType(ContentType.JSON).body(back).put("/architects/" + returning).then().statusCode(200);
            }
            Map<String, Object> leaving = new HashMap<>(roster.get(random.nextInt(roster.size())));
            awayId = (String) leaving.remove("id");
            leaving.put("capacity", Math.max(Fixtures.load(awayId), (Integer) leaving.get("capacity")));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            leaving.put("awayFrom", today.minusDays(1).toString());
            leaving.put("awayTo", today.plusDays(3).toString());
            given().contentType(ContentType.JSON).body(leaving).put("/architects/" + awayId).then().statusCode(200);
        }

        Awaitility.await("the verification finds every recorded decision").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("from", start.toString()))
                            .post("/assignments/verify").then().statusCode(200).extract().jsonPath();
                    assertThat(answer.getList("mismatches")).isEmpty();
                    assertThat(answer.getLong("mismatchCount")).isZero();
                    assertThat(answer.getLong("decisions")).isGreaterThanOrEqualTo((long) ROUNDS * REQUESTS_PER_ROUND);
                    assertThat(answer.getLong("matching")).isEqualTo(answer.getLong("decisions"));
                });

        // what if: the same window decided again without overrides is the record, decision for decision
        Map<String, Object> window = Map.of("from", start.toString(), "to", clock.instant().plusSeconds(60).toString());
        long started = System.nanoTime();
        JsonPath asRecorded = given().contentType(ContentType.JSON).body(window).post("/simulations").then()
                .statusCode(200).extract().jsonPath();
        System.out.printf("simulation of %d decisions without overrides: %d ms%n", asRecorded.getLong("decisions"),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(asRecorded.getLong("decisions")).isGreaterThanOrEqualTo((long) ROUNDS * REQUESTS_PER_ROUND);
        assertThat(asRecorded.getLong("differingCount")).isZero();
        assertThat(asRecorded.getList("differing")).isEmpty();
        assertThat(asRecorded.getMap("simulated")).isEqualTo(asRecorded.getMap("recorded"));

        // a lighter workshop decides otherwise, and never beyond anyone's capacity
        Map<String, Object> lighterWorkshop = new HashMap<>(window);
        lighterWorkshop.put("overrides", Map.of("weights", Map.of("DISCOVERY_WORKSHOP", 2)));
        JsonPath lighter = given().contentType(ContentType.JSON).body(lighterWorkshop).post("/simulations").then()
                .statusCode(200).extract().jsonPath();
        assertThat(lighter.getLong("differingCount")).isPositive();
        assertThat(lighter.getInt("simulated.overCapacity")).isZero();
        assertThat(lighter.getMap("recorded")).isEqualTo(asRecorded.getMap("recorded"));
    }

    @Test
    void aSimulationIsBoundedAndNamesEveryBadField() {
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-01-01T00:00:00Z", "to", "2027-06-01T00:00:00Z",
                "overrides", Map.of("weights", Map.of("DISCOVERY_WORKSHOP", 0, "COFFEE", 1), "colour", "blue",
                        "capacity", Map.of("fta-ana", "ten"), "away", Map.of("fta-bo", Map.of("from", "2026-02-10")),
                        "holidays", Map.of("MARS", List.of()), "continuityLookback", "a while")))
                .post("/simulations").then().statusCode(400)
                .body("violations.field", hasItems("to", "overrides.weights.DISCOVERY_WORKSHOP", "overrides.weights.COFFEE",
                        "overrides.colour", "overrides.capacity.fta-ana", "overrides.away.fta-bo",
                        "overrides.holidays.MARS", "overrides.continuityLookback"));
        given().contentType(ContentType.JSON).body(Map.of("to", "2026-01-01T00:00:00Z")).post("/simulations").then()
                .statusCode(400).body("violations.field", hasItem("from"));
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z",
                "overrides", Map.of("addedArchitects", List.of(Map.of("id", "new-one", "role", "WIZARD")))))
                .post("/simulations").then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("overrides.addedArchitects[0].")));
    }

    @Test
    void aRecordedDecisionThatNoJournalledStepDecidesIsAMismatch() {
        Instant longAgo = Instant.parse("2020-01-06T09:00:00Z");
        RequestSubmitted ghost = request(unique("ghost"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA, false,
                longAgo);
        String nobody = unique("nobody");
        fixtures.streams.publish(topic("assignments"), EventEnvelope.of(longAgo, "assignment-service", ghost.requestId(), null,
                new FtaAssigned(ghost.requestId(), ghost.customer().tenantId(),
                        new ArchitectRef(nobody, "Nobody", ArchitectRole.FTCHELP, Region.EMEA, "tm-1"), ghost.snapshot(), 1,
                        longAgo.plus(Duration.ofDays(2)), longAgo, "BALANCE", List.of(), null, List.of(), null, null)));

        Awaitility.await().atMost(Fixtures.PATIENCE).untilAsserted(() -> given().contentType(ContentType.JSON)
                .body(Map.of("from", "2020-01-06T00:00:00Z", "to", "2020-01-07T00:00:00Z"))
                .post("/assignments/verify").then().statusCode(200)
                .body("decisions", equalTo(1)).body("matching", equalTo(0)).body("mismatchCount", equalTo(1))
                .body("mismatches[0].requestId", equalTo(ghost.requestId()))
                .body("mismatches[0].recorded.architectId", equalTo(nobody)));
        given().contentType(ContentType.JSON).body(Map.of("from", "tomorrow")).post("/assignments/verify").then()
                .statusCode(400).body("violations.field", hasItem("from"));
    }

    private List<FtaAssigned> awaitDecisions(Set<String> requestIds) {
        List<FtaAssigned> assigned = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assigned.clear();
            Set<String> decided = new HashSet<>();
            for (EventEnvelope<EventData> event : fixtures.streams.events(topic("assignments"))) {
                if (event.data() instanceof FtaAssigned a && requestIds.contains(a.requestId()) && a.reassignedFrom() == null) {
                    decided.add(a.requestId());
                    assigned.add(a);
                } else if (event.data() instanceof RequestQueued q && requestIds.contains(q.requestId())) {
                    decided.add(q.requestId());
                }
            }
            return decided.size() == requestIds.size();
        });
        return assigned;
    }

    private static List<String> skills(Random random) {
        List<String> skills = new ArrayList<>();
        for (Workload workload : WORKLOADS) {
            if (random.nextInt(4) == 0) {
                skills.add(workload.name());
            }
        }
        return skills;
    }

    private static Workload[] workloads(Random random) {
        List<Workload> workloads = new ArrayList<>();
        for (Workload workload : WORKLOADS) {
            if (random.nextInt(6) == 0) {
                workloads.add(workload);
            }
        }
        return workloads.toArray(Workload[]::new);
    }
}
