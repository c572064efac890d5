package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
    void reviewsAndEscalationsAreWrittenByTheirArchitectOrAManagerAndReadByAll() {
        String reviewed = openMigrationException(unique("req"), unique("tenant"));
        String review = "/engagements/" + reviewed + "/review";
        String escalations = "/engagements/" + reviewed + "/escalations";
        String changes = "{\"decision\": \"CHANGES_REQUESTED\"}";
        String escalation = "{\"severity\": \"CRITICAL\", \"blocker\": \"no admin\", \"owner\": \"IT\"}";
        String resolution = "{\"resolution\": \"admin found\"}";
        String own = Tokens.of(holder, "architect");
        String escalationId = call(own, "POST", escalations, escalation).statusCode(201).extract().path("escalationId");
        String one = escalations + "/" + escalationId;
        String resolve = one + "/resolve";

        for (String[] write : List.of(new String[] {review, changes}, new String[] {escalations, escalation},
                new String[] {resolve, resolution})) {
            Access.refusesUnauthenticated("POST", write[0], write[1]);
            Access.forbids("POST", write[0], write[1], "reader", "submitter");
            call(Tokens.of(unique("fta"), "architect"), "POST", write[0], write[1])
                    .statusCode(403).contentType(startsWith("application/problem+json"));
        }
        Access.refusesUnauthenticated("GET", one, null);
        Access.forbids("GET", one, null, "submitter");
        for (String role : List.of("reader", "architect", "manager")) {
            call(Tokens.forRoles(role), "GET", one, null).statusCode(200).body("escalationId", equalTo(escalationId));
        }

        call(own, "POST", review, changes).statusCode(200);
        call(own, "POST", resolve, resolution).statusCode(200);
        String manager = Tokens.of(unique("tm"), "manager");
        call(manager, "POST", review, changes).statusCode(200);
        String managersEscalation = call(manager, "POST", escalations, escalation).statusCode(201).extract()
                .path("escalationId");
        call(manager, "POST", escalations + "/" + managersEscalation + "/resolve", resolution).statusCode(200);
    }

    /** Engagement answers name no requestor and no account team, whoever reads them: the engagement has none. */
    @Test
    void aReaderSeesNoPersonalDataInAnyEngagementAnswer() {
        String requestId = unique("req");
        String tenantId = unique("tenant");
        String reviewed = openMigrationException(requestId, tenantId);
        String reader = Tokens.forRoles("reader");
        String own = Tokens.of(holder, "architect");
        call(own, "POST", "/engagements/" + reviewed + "/review",
                "{\"decision\": \"CHANGES_REQUESTED\", \"risks\": [\"archive size\"], \"note\": \"split\"}")
                .statusCode(200);
        String escalationId = call(own, "POST", "/engagements/" + reviewed + "/escalations",
                "{\"severity\": \"HIGH\", \"blocker\": \"no admin\", \"owner\": \"IT\"}").statusCode(201)
                .extract().path("escalationId");

        List<String> personal = List.of(Fixtures.requestorOf(requestId), Fixtures.atuOf(requestId),
                "csu-" + requestId + "@example.com", "Requestor");
        for (String path : List.of("/engagements/" + reviewed, "/engagements?tenantId=" + tenantId,
                "/engagements?tenantId=" + tenantId + "&escalated=true",
                "/engagements/" + reviewed + "/escalations/" + escalationId)) {
            String body = call(reader, "GET", path, null).statusCode(200).extract().asString();
            assertThat(body).contains(reviewed);
            personal.forEach(data -> assertThat(body).doesNotContain(data));
        }
        call(reader, "GET", "/engagements/" + reviewed, null)
                .body("reviews[0].risks", contains("archive size"))
                .body("escalations[0].escalationId", equalTo(escalationId));
    }

    /** A migration exception (it takes reviews) held by {@link #holder}. */
    private String openMigrationException(String requestId, String tenantId) {
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.MIGRATION_EXCEPTION, false, null,
                List.of(Workload.EXCHANGE)), architect(holder, "tm-1"), null, Instant.now()));
        String reader = Tokens.forRoles("reader");
        Awaitility.await().atMost(Fixtures.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> call(reader, "GET",
                "/engagements/" + engagementId(requestId), null).extract().statusCode() == 200);
        return engagementId(requestId);
    }

    @Test
    void complianceIsForManagers() {
        Access.refusesUnauthenticated("GET", "/compliance", null);
        Access.forbids("GET", "/compliance", null, "reader", "architect", "submitter");
        call(Tokens.forRoles("manager"), "GET", "/compliance", null).statusCode(200);
        Access.forbids("GET", "/compliance?from=2026-01-01&to=2026-12-31", null, "reader", "architect", "submitter");
        call(Tokens.forRoles("manager"), "GET", "/compliance?from=2026-01-01&to=2026-12-31", null).statusCode(200);
    }
}
