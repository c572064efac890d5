package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.fasttrack.flow.testing.Access.call;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role boundaries with real signed tokens: architects change only the engagements they hold, managers any;
 * readers, architects and managers read; compliance is for managers.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class AccessTest {

    private static final String NOTE = "{\"author\": \"Architect\", \"note\": \"kick-off held\"}";

    private String holder;
    private String engagementId;

    @BeforeEach
    void openEngagement() {
        holder = unique("fta");
        String requestId = unique("req");
        engagementId = engagementId(requestId);
        Fixtures.publish(assigned(request(requestId, unique("tenant"), RequestType.DISCOVERY_WORKSHOP, false, null,
                List.of(Workload.TEAMS)), architect(holder, "tm-1"), null, Instant.now()));
        String reader = Tokens.forRoles("reader");
        Awaitility.await().atMost(Fixtures.WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> call(reader, "GET", "/engagements/" + engagementId, null).extract().statusCode() == 200);
    }

    private String dibs() {
        return "{\"targetDate\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\", \"intent\": \"roll out\","
                + " \"businessReason\": \"retire PBX\", \"successOwner\": \"CIO office\"}";
    }

    @Test
    void writesNeedAValidTokenAndAnArchitectOrManager() {
        String notes = "/engagements/" + engagementId + "/status-notes";
        String complete = "/engagements/" + engagementId + "/tasks/3298/complete";
        String dibs = "/engagements/" + engagementId + "/dibs/TEAMS";
        Access.refusesUnauthenticated("POST", notes, NOTE);
        Access.refusesUnauthenticated("POST", complete, null);
        Access.refusesUnauthenticated("PUT", dibs, dibs());
        Access.forbids("POST", notes, NOTE, "reader", "submitter");
        Access.forbids("POST", complete, null, "reader", "submitter");
        Access.forbids("PUT", dibs, dibs(), "reader", "submitter");
    }

    @Test
    void anArchitectChangesOnlyTheEngagementsTheyHold() {
        String stranger = Tokens.of(unique("fta"), "architect");
        call(stranger, "POST", "/engagements/" + engagementId + "/status-notes", NOTE)
                .statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        call(stranger, "POST", "/engagements/" + engagementId + "/tasks/3298/complete", null).statusCode(403);
        call(stranger, "PUT", "/engagements/" + engagementId + "/dibs/TEAMS", dibs()).statusCode(403);

        String own = Tokens.of(holder, "architect");
        call(own, "POST", "/engagements/" + engagementId + "/status-notes", NOTE).statusCode(201);
        call(own, "POST", "/engagements/" + engagementId + "/tasks/3298/complete", null).statusCode(200);
        call(own, "PUT", "/engagements/" + engagementId + "/dibs/TEAMS", dibs()).statusCode(200);
    }

    @Test
    void aManagerChangesAnyEngagement() {
        String manager = Tokens.of(unique("tm"), "manager");
        call(manager, "POST", "/engagements/" + engagementId + "/status-notes", NOTE).statusCode(201);
        call(manager, "POST", "/engagements/" + engagementId + "/tasks/3298/complete", null).statusCode(200);
    }

    @Test
    void readersArchitectsAndManagersRead() {
        for (String path : List.of("/engagements", "/engagements/" + engagementId)) {
            Access.refusesUnauthenticated("GET", path, null);
            Access.forbids("GET", path, null, "submitter");
            for (String role : List.of("reader", "architect", "manager")) {
                call(Tokens.forRoles(role), "GET", path, null).statusCode(200);
            }
        }
    }

    @Test
    void complianceIsForManagers() {
        Access.refusesUnauthenticated("GET", "/compliance", null);
        Access.forbids("GET", "/compliance", null, "reader", "architect", "submitter");
        call(Tokens.forRoles("manager"), "GET", "/compliance", null).statusCode(200);
    }
}
