package io.fasttrack.flow.assignment;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queue is served by SLA deadline without starvation (README "Queueing"): a heavy request at the head reserves
 * the architect who can take it first, and lighter requests behind it never take that architect's freed units. In the
 * test profile ENGAGE_BEFORE_LICENSE weighs 3 and LAND_FTC_BENEFIT 1, both for the help queue.
 */
@QuarkusTest
@TestSecurity(user = "tm-lukas", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class QueueingTest extends RosterIsolatedTest {

    @Inject
    Clock clock;

    @Test
    void aHeavyRequestAtTheHeadIsAssignedWhileLightOnesKeepArrivingAndCapacityFreesOneUnitAtATime() {
        Roster roster = fullRoster();
        RequestSubmitted heavy = help(RequestType.ENGAGE_BEFORE_LICENSE);
        fixtures.submit(heavy);
        fixtures.awaitQueued(heavy.requestId());

        List<RequestSubmitted> light = new ArrayList<>();
        for (String onBig : roster.onBig()) {
            fixtures.complete(onBig, roster.tenants().get(onBig), roster.big(), clock.instant());
            RequestSubmitted arriving = help(RequestType.LAND_FTC_BENEFIT);
            light.add(arriving);
            fixtures.submit(arriving);
            if (light.size() < roster.onBig().size()) {
                RequestQueued waits = fixtures.awaitQueued(arriving.requestId());
                assertThat(waits.excludedCounts()).contains(new ExclusionCount("RESERVED", 1));
            }
        }

        FtaAssigned assigned = fixtures.awaitAssigned(heavy.requestId());
        assertThat(assigned.architect().id()).isEqualTo(roster.big());
        assertThat(assigned.assignedAt()).isBefore(assigned.slaDeadline());
        assertThat(Fixtures.load(roster.big())).isEqualTo(3);
        Fixtures.assertWithinCapacity(roster.small());
        assertThat(fixtures.streams.events(topic("assignments"), FtaAssigned.class))
                .filteredOn(a -> light.stream().anyMatch(l -> l.requestId().equals(a.requestId()))
                        && a.architect().id().equals(roster.big()))
                .as("no light request took a unit of the reserved architect").isEmpty();
        given().get("/assignments/" + light.get(0).requestId()).then().body("status", equalTo("QUEUED"))
                .body("excludedCounts.RESERVED", equalTo(1));
    }

    @Test
    void aManagerMayGiveAWaitingRequestTheReservedArchitectAndSaysWhy() {
        Roster roster = fullRoster();
        RequestSubmitted heavy = help(RequestType.ENGAGE_BEFORE_LICENSE);
        fixtures.submit(heavy);
        fixtures.awaitQueued(heavy.requestId());
        fixtures.complete(roster.onBig().get(0), roster.tenants().get(roster.onBig().get(0)), roster.big(), clock.instant());
        RequestSubmitted light = help(RequestType.LAND_FTC_BENEFIT);
        fixtures.submit(light);
        fixtures.awaitQueued(light.requestId());

        given().contentType(ContentType.JSON)
                .body(Map.of("toArchitectId", roster.big(), "reason", "the customer's go-live is on Friday"))
                .post("/assignments/" + light.requestId() + "/reassign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("architect.id", equalTo(roster.big()))
                .body("decidingRule", equalTo("MANAGER")).body("decidedBy", equalTo("tm-lukas"));

        FtaAssigned assigned = fixtures.awaitAssigned(light.requestId());
        assertThat(assigned.decidedBy()).isEqualTo("tm-lukas");
        assertThat(assigned.reason()).isEqualTo("the customer's go-live is on Friday");
        assertThat(Fixtures.load(roster.big())).isEqualTo(3);
        assertThat(Fixtures.allItems("/queue")).extracting(item -> item.get("requestId"))
                .contains(heavy.requestId()).doesNotContain(light.requestId());
        given().contentType(ContentType.JSON).body(Map.of("toArchitectId", roster.big()))
                .post("/assignments/" + heavy.requestId() + "/reassign").then().statusCode(409);
    }

    /** A big help architect (capacity 3) and a small one (capacity 1), both full with light requests. */
    private Roster fullRoster() {
        String big = unique("big");
        String small = unique("small");
        Fixtures.register(architect(big, "FTCHELP", "EMEA", 3, List.of()));
        Fixtures.register(architect(small, "FTCHELP", "EMEA", 1, List.of()));
        List<String> onBig = new ArrayList<>();
        Map<String, String> tenants = new java.util.HashMap<>();
        for (int i = 0; i < 4; i++) {
            RequestSubmitted filling = help(RequestType.LAND_FTC_BENEFIT);
            fixtures.submit(filling);
            tenants.put(filling.requestId(), filling.customer().tenantId());
            if (fixtures.awaitAssigned(filling.requestId()).architect().id().equals(big)) {
                onBig.add(filling.requestId());
            }
        }
        assertThat(onBig).hasSize(3);
        return new Roster(big, small, onBig, tenants);
    }

    private RequestSubmitted help(RequestType type) {
        return request(unique("req"), unique("tenant"), type, Region.EMEA, false, clock.instant());
    }

    private record Roster(String big, String small, List<String> onBig, Map<String, String> tenants) {
    }
}
