package io.fasttrack.flow.assignment;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.assignment.messaging.SlaWatch;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class AssignmentFlowTest extends RosterIsolatedTest {

    @Inject
    SlaWatch watch;

    @Inject
    Clock clock;

    @Test
    void requestSubmittedIsAssignedWithItsExplanation() {
        String near = unique("near");
        String far = unique("far");
        Fixtures.register(architect(near, "ALIGNMENT_FTA", "EMEA", 10, List.of("TEAMS")));
        Fixtures.register(architect(far, "ALIGNMENT_FTA", "AMER", 10, List.of("TEAMS")));
        String requestId = unique("req");
        String tenant = unique("tenant");
        RequestSubmitted submitted = request(requestId, tenant, RequestType.DISCOVERY_WORKSHOP, Region.EMEA, false,
                clock.instant(), Workload.TEAMS);
        fixtures.submit(submitted);

        FtaAssigned assigned = fixtures.awaitAssigned(requestId);
        assertThat(assigned.architect().id()).isEqualTo(near);
        assertThat(assigned.decidingRule()).isEqualTo("FIT");
        assertThat(assigned.weight()).isEqualTo(3);
        assertThat(assigned.request().requestId()).isEqualTo(requestId);
        assertThat(assigned.assignedAt()).isEqualTo(submitted.submittedAt());
        assertThat(assigned.slaDeadline()).isAfter(submitted.submittedAt());
        assertThat(assigned.candidates()).filteredOn(c -> c.excludedBecause() == null)
                .extracting(CandidateEvaluation::architectId).containsExactly(near, far);
        assertThat(assigned.candidates()).anyMatch(c -> "AWAY".equals(c.excludedBecause()));

        given().get("/assignments/" + requestId).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("architect.id", equalTo(near))
                .body("decidingRule", equalTo("FIT"))
                .body("candidates[0].architectId", equalTo(near));
        assertThat(Fixtures.load(near)).isEqualTo(3);
        given().get("/assignments/" + unique("unknown")).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theSameRequestDeliveredTwiceIsAssignedOnce() {
        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "FTCHELP", "EMEA", 10, List.of()));
        String tenant = unique("tenant");
        RequestSubmitted submitted = request(unique("req"), tenant, RequestType.LAND_FTC_BENEFIT, Region.EMEA, false, clock.instant());
        var envelope = Fixtures.envelope(submitted);
        fixtures.streams.publish(topic("requests"), envelope);
        fixtures.streams.publish(topic("requests"), envelope);
        // same tenant, so same partition: once this one is decided, both copies before it were handled
        RequestSubmitted marker = request(unique("req"), tenant, RequestType.LAND_FTC_BENEFIT, Region.EMEA, false, clock.instant());
        fixtures.submit(marker);
        fixtures.awaitAssigned(marker.requestId());

        assertThat(fixtures.streams.events(topic("assignments"), FtaAssigned.class))
                .filteredOn(a -> a.requestId().equals(submitted.requestId())).hasSize(1);
        assertThat(Fixtures.load(architectId)).isEqualTo(2);
    }

    @Test
    void aGarbageRecordIsDeadLetteredAndTheNextRequestIsStillAssigned() {
        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "FTCHELP", "APAC", 10, List.of()));
        String garbageKey = unique("garbage");
        fixtures.streams.publishRaw(topic("requests"), garbageKey, "{not json");
        RequestSubmitted good = request(unique("req"), garbageKey, RequestType.SALES_SUPPORT_INQUIRY, Region.APAC, false,
                clock.instant());
        fixtures.submit(good);

        assertThat(fixtures.awaitAssigned(good.requestId()).architect().id()).isEqualTo(architectId);
        var dead = fixtures.streams.awaitRecord(topic("requests") + ".dlq", r -> garbageKey.equals(r.key()), Fixtures.PATIENCE);
        assertThat(EventStreams.value(dead)).isEqualTo("{not json");
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("not JSON");
    }

    @Test
    void recordsPolledTogetherAreAppliedOnceEachAndOnlyTheGarbageIsDeadLettered() {
        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "FTCHELP", "AMER", 10, List.of()));
        String tenant = unique("tenant");
        RequestSubmitted first = request(unique("req"), tenant, RequestType.LAND_FTC_BENEFIT, Region.AMER, false, clock.instant());
        RequestSubmitted second = request(unique("req"), tenant, RequestType.LAND_FTC_BENEFIT, Region.AMER, false, clock.instant());
        var firstEnvelope = Fixtures.envelope(first);
        // one key, one partition, published back to back: the consumer usually gets them in one poll
        fixtures.streams.publish(topic("requests"), firstEnvelope);
        fixtures.streams.publishRaw(topic("requests"), tenant, "{not json");
        fixtures.streams.publish(topic("requests"), firstEnvelope);
        fixtures.submit(second);

        fixtures.awaitAssigned(second.requestId());
        assertThat(fixtures.streams.events(topic("assignments")))
                .filteredOn(e -> e.data() instanceof FtaAssigned a && a.requestId().equals(first.requestId()))
                .extracting(e -> e.eventId()).containsExactly(firstEnvelope.derivedId("FtaAssigned"));
        var dead = fixtures.streams.awaitRecord(topic("requests") + ".dlq", r -> tenant.equals(r.key()), Fixtures.PATIENCE);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("not JSON");
        assertThat(fixtures.streams.records(topic("requests") + ".dlq")).filteredOn(r -> tenant.equals(r.key()))
                .extracting(EventStreams::value).containsExactly("{not json");
        assertThat(Fixtures.load(architectId)).isEqualTo(2);
    }

    @Test
    void aRequestNobodyCanTakeWaitsAndIsAssignedWhenAnEngagementCompletes() {
        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "GET_MODERN_FTA", "EMEA", 2, List.of()));
        String tenant = unique("tenant");
        RequestSubmitted first = request(unique("req"), tenant, RequestType.ECIF_DWR_REVIEW, Region.EMEA, true, clock.instant());
        fixtures.submit(first);
        assertThat(fixtures.awaitAssigned(first.requestId()).architect().id()).isEqualTo(architectId);

        RequestSubmitted later = request(unique("req"), unique("tenant"), RequestType.MIGRATION_EXCEPTION, Region.EMEA, true,
                clock.instant().plusSeconds(5));
        RequestSubmitted earlier = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA, true,
                clock.instant().minusSeconds(5));
        RequestSubmitted earlierFta = request(earlier.requestId(), earlier.customer().tenantId(), RequestType.ECIF_DWR_REVIEW,
                Region.EMEA, true, earlier.submittedAt());
        fixtures.submit(later);
        fixtures.submit(earlierFta);
        RequestQueued queued = fixtures.awaitQueued(later.requestId());
        fixtures.awaitQueued(earlierFta.requestId());
        assertThat(queued.reason()).contains("NO_CAPACITY 1");
        assertThat(queued.role().name()).isEqualTo("GET_MODERN_FTA");
        List<String> queue = given().get("/queue").then().statusCode(200).extract().jsonPath().getList("items.requestId");
        assertThat(queue).containsExactly(earlierFta.requestId(), later.requestId());
        given().get("/assignments/" + later.requestId()).then().statusCode(200).body("status", equalTo("QUEUED"));

        fixtures.complete(first.requestId(), tenant, architectId, clock.instant());
        FtaAssigned dequeued = fixtures.awaitAssigned(earlierFta.requestId());
        assertThat(dequeued.architect().id()).isEqualTo(architectId);
        assertThat(dequeued.slaDeadline()).isEqualTo(
                fixtures.streams.events(topic("assignments"), RequestQueued.class).stream()
                        .filter(q -> q.requestId().equals(earlierFta.requestId())).findFirst().orElseThrow().slaDeadline());
        assertThat(Fixtures.load(architectId)).isEqualTo(2);
        assertThat(given().get("/queue").then().extract().jsonPath().getList("items.requestId"))
                .containsExactly(later.requestId());
        given().get("/assignments/" + first.requestId()).then().body("status", equalTo("COMPLETED"));

        // a capacity increase on the roster takes the next one
        Map<String, Object> bigger = new HashMap<>(architect(architectId, "GET_MODERN_FTA", "EMEA", 4, List.of()));
        bigger.remove("id");
        given().contentType(ContentType.JSON).body(bigger).put("/architects/" + architectId).then().statusCode(200);
        assertThat(fixtures.awaitAssigned(later.requestId()).architect().id()).isEqualTo(architectId);
        assertThat(Fixtures.load(architectId)).isEqualTo(4);
        assertThat(fixtures.streams.events(topic("assignments"), RequestQueued.class))
                .filteredOn(q -> q.requestId().equals(later.requestId())).hasSize(1);
    }

    @Test
    void capacityHoldsWhenManyRequestsArriveAtOnce() {
        List<String> architects = List.of(unique("a"), unique("b"), unique("c"));
        for (String id : architects) {
            Fixtures.register(architect(id, "ALIGNMENT_FTA", "AMER", 10, List.of()));
        }
        List<String> requestIds = new ArrayList<>();
        Instant base = clock.instant();
        for (int i = 0; i < 50; i++) {
            RequestSubmitted submitted = request(unique("burst"), unique("tenant"), RequestType.DISCOVERY_WORKSHOP, Region.AMER,
                    false, base.plusMillis(i));
            requestIds.add(submitted.requestId());
            fixtures.submit(submitted);
        }
        Awaitility.await().atMost(Fixtures.PATIENCE).until(() -> {
            var assignments = fixtures.streams.events(topic("assignments"));
            return assignments.stream().filter(e -> requestIds.contains(e.correlationId())).count() >= 50;
        });
        List<FtaAssigned> assigned = fixtures.streams.events(topic("assignments"), FtaAssigned.class).stream()
                .filter(a -> requestIds.contains(a.requestId())).toList();
        assertThat(assigned).hasSize(9);
        assertThat(assigned).extracting(FtaAssigned::requestId).doesNotHaveDuplicates();
        Map<String, Integer> loads = assigned.stream()
                .collect(Collectors.groupingBy(a -> a.architect().id(), Collectors.summingInt(FtaAssigned::weight)));
        assertThat(loads).containsOnlyKeys(architects).allSatisfy((id, load) -> assertThat(load).isEqualTo(9));
        assertThat(fixtures.streams.events(topic("assignments"), RequestQueued.class))
                .filteredOn(q -> requestIds.contains(q.requestId())).hasSize(41);
        architects.forEach(id -> assertThat(Fixtures.load(id)).isEqualTo(9));
        architects.forEach(Fixtures::assertWithinCapacity);
    }

    @Test
    void aManagerMovesTheWorkAndTheLoadFollows() {
        String from = unique("from");
        String to = unique("to");
        String full = unique("full");
        Fixtures.register(architect(from, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        Fixtures.register(architect(to, "ALIGNMENT_FTA", "APAC", 10, List.of()));
        Fixtures.register(architect(full, "ALIGNMENT_FTA", "APAC", 1, List.of()));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.ECIF_DWR_REVIEW, Region.EMEA, false,
                clock.instant());
        fixtures.submit(submitted);
        assertThat(fixtures.awaitAssigned(submitted.requestId()).architect().id()).isEqualTo(from);

        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", full))
                .post("/assignments/" + submitted.requestId() + "/reassign").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", unique("ghost")))
                .post("/assignments/" + submitted.requestId() + "/reassign").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", to))
                .post("/assignments/" + unique("unknown") + "/reassign").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", to))
                .post("/assignments/" + submitted.requestId() + "/reassign").then().statusCode(200)
                .body("architect.id", equalTo(to)).body("reassignedFrom", equalTo(from)).body("decidingRule", equalTo("MANAGER"));

        FtaAssigned moved = fixtures.streams.await(topic("assignments"), FtaAssigned.class,
                a -> a.requestId().equals(submitted.requestId()) && a.reassignedFrom() != null, 1, Fixtures.PATIENCE).get(0);
        assertThat(moved.architect().id()).isEqualTo(to);
        assertThat(moved.reassignedFrom()).isEqualTo(from);
        assertThat(Fixtures.load(from)).isZero();
        assertThat(Fixtures.load(to)).isEqualTo(2);

        // no body: the balancer chooses among the others (full cannot hold weight 2, so back to from)
        given().post("/assignments/" + submitted.requestId() + "/reassign").then().statusCode(200)
                .body("architect.id", equalTo(from)).body("reassignedFrom", equalTo(to));
        assertThat(Fixtures.load(from)).isEqualTo(2);
        assertThat(Fixtures.load(to)).isZero();
    }

    @Test
    void reassignmentsRacingTheConsumerNeverOverfillAnArchitect() throws Exception {
        List<String> architects = List.of(unique("x"), unique("y"), unique("z"));
        for (String id : architects) {
            Fixtures.register(architect(id, "FTCHELP", "AMER", 3, List.of()));
        }
        RequestSubmitted moving = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.AMER, false,
                clock.instant());
        fixtures.submit(moving);
        fixtures.awaitAssigned(moving.requestId());
        List<String> requestIds = new ArrayList<>(List.of(moving.requestId()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            moves.add(pool.submit(() -> given().post("/assignments/" + moving.requestId() + "/reassign").then().extract().statusCode()));
        }
        for (int i = 0; i < 10; i++) {
            RequestSubmitted submitted = request(unique("race"), unique("tenant"), RequestType.SALES_SUPPORT_INQUIRY, Region.AMER,
                    false, clock.instant());
            requestIds.add(submitted.requestId());
            fixtures.submit(submitted);
        }
        for (var move : moves) {
            assertThat(move.get()).isIn(200, 409);
        }
        pool.shutdown();
        Awaitility.await().atMost(Fixtures.PATIENCE).until(() -> fixtures.streams.events(topic("assignments")).stream()
                .filter(e -> requestIds.contains(e.correlationId())).map(e -> e.data() instanceof FtaAssigned a
                        && a.reassignedFrom() == null ? a.requestId() : e.data() instanceof RequestQueued q ? q.requestId() : null)
                .filter(java.util.Objects::nonNull).distinct().count() == requestIds.size());
        int totalLoad = 0;
        for (String id : architects) {
            Fixtures.assertWithinCapacity(id);
            totalLoad += Fixtures.load(id);
        }
        // 9 units of capacity, 11 requests of weight 1: exactly 9 open, each once
        assertThat(totalLoad).isEqualTo(9);
        Map<String, Long> originals = fixtures.streams.events(topic("assignments"), FtaAssigned.class).stream()
                .filter(a -> requestIds.contains(a.requestId()) && a.reassignedFrom() == null)
                .collect(Collectors.groupingBy(FtaAssigned::requestId, Collectors.counting()));
        assertThat(originals).hasSize(9).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void aRequestStillWaitingAtItsDeadlineIsReportedOnce() {
        String tenant = unique("tenant");
        // Monday 09:00 Berlin: deadline Wednesday 09:00 Berlin; nobody of the role is available
        Instant submittedAt = Instant.parse("2026-11-02T08:00:00Z");
        RequestSubmitted submitted = request(unique("req"), tenant, RequestType.ENGAGE_BEFORE_LICENSE, Region.EMEA, false,
                submittedAt);
        fixtures.submit(submitted);
        RequestQueued queued = fixtures.awaitQueued(submitted.requestId());
        assertThat(queued.slaDeadline()).isEqualTo(Instant.parse("2026-11-04T08:00:00Z"));

        TestClock.CLOCK.set(Instant.parse("2026-11-04T07:59:59Z"));
        watch.checkSla();
        TestClock.CLOCK.set(Instant.parse("2026-11-04T08:00:00Z"));
        watch.checkSla();
        watch.checkSla();
        AssignmentSlaBreached breach = fixtures.streams.await(topic("assignments"), AssignmentSlaBreached.class,
                b -> b.requestId().equals(submitted.requestId()), 1, Fixtures.PATIENCE).get(0);
        assertThat(breach.teamManager()).isEqualTo("ftchelp-team-manager");
        assertThat(breach.detectedAt()).isEqualTo(Instant.parse("2026-11-04T08:00:00Z"));
        assertThat(fixtures.streams.events(topic("assignments"), AssignmentSlaBreached.class))
                .filteredOn(b -> b.requestId().equals(submitted.requestId())).hasSize(1);
        assertThat(Fixtures.allItems("/queue")).filteredOn(item -> submitted.requestId().equals(item.get("requestId")))
                .extracting(item -> item.get("slaBreached")).containsExactly(true);
    }
}
