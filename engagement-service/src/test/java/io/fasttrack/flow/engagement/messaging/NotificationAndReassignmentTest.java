package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.atuOf;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.requestorOf;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class NotificationAndReassignmentTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void oneNotificationPerAssignmentEvenWhenFtaAssignedArrivesTwice() {
        String tenantId = unique("tenant");
        String requestId = unique("req");
        RequestSnapshot request = request(requestId, tenantId, RequestType.DISCOVERY_WORKSHOP, false, null,
                List.of(Workload.TEAMS));
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        EventEnvelope<FtaAssigned> assignment = assigned(request, ana, null, Instant.now());

        Fixtures.publish(assignment);
        Fixtures.publish(assignment);
        // the same assignment again under another event id (e.g. a re-sent decision)
        Fixtures.publish(assigned(request, ana, null, Instant.now()));
        // a later assignment on the same key is processed after the duplicates: once it is visible, they were handled
        String laterRequest = unique("req");
        Fixtures.publish(assigned(request(laterRequest, tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()),
                ana, null, Instant.now()));
        awaitEngagement(engagementId(laterRequest));

        awaitEngagement(engagementId(requestId)).body("assignments.architectId", contains(ana.id()));
        // the mails go out once their batches committed; the later request's mail came after the duplicates'
        Fixtures.awaitMails(mailbox, requestorOf(laterRequest), 1);
        List<Mail> toRequestor = Fixtures.awaitMails(mailbox, requestorOf(requestId), 1);
        assertThat(toRequestor).hasSize(1);
        Mail mail = toRequestor.get(0);
        assertThat(mail.getTo()).containsExactly(requestorOf(requestId));
        assertThat(mail.getCc()).containsExactly(atuOf(requestId), "csu-" + requestId + "@example.com");
        assertThat(mail.getText()).contains(ana.name(), requestId, "3246", "3298");
        assertThat(mailbox.getMailsSentTo(atuOf(requestId))).hasSize(1);
        assertThat(Fixtures.engagementEvents(engagementId(requestId), io.fasttrack.flow.events.EngagementOpened.class))
                .hasSize(1);
    }

    @Test
    void aReassignmentMovesTheEngagementKeepsItsHistoryAndNotifiesAgain() {
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = engagementId(requestId);
        RequestSnapshot request = request(requestId, tenantId, RequestType.DISCOVERY_WORKSHOP, false, null,
                List.of(Workload.TEAMS));
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        ArchitectRef ben = architect(unique("fta-ben"), "tm-2");
        Fixtures.publish(assigned(request, ana, null, Instant.now()));
        awaitEngagement(engagementId);
        given().contentType(ContentType.JSON).body("{\"completedBy\": \"ana\"}")
                .post("/engagements/{id}/tasks/3298/complete", engagementId).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"author\": \"ana\", \"note\": \"kick-off held\"}")
                .post("/engagements/{id}/status-notes", engagementId).then().statusCode(201);

        EventEnvelope<FtaAssigned> reassignment = assigned(request, ben, ana.id(), Instant.now());
        Fixtures.publish(reassignment);
        Fixtures.publish(reassignment);
        String laterRequest = unique("req");
        Fixtures.publish(assigned(request(laterRequest, tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()),
                architect(unique("fta-cy"), "tm-2"), null, Instant.now()));
        awaitEngagement(engagementId(laterRequest));

        Awaitility.await().atMost(Fixtures.WAIT).until(() -> ben.id().equals(
                given().get("/engagements/{id}", engagementId).then().extract().path("architectId")));
        awaitEngagement(engagementId)
                .body("teamManager", equalTo("tm-2"))
                .body("tasks.find { it.taskId == '3298' }.status", equalTo("DONE"))
                .body("tasks.find { it.taskId == '3298' }.completedBy", equalTo("ana"))
                .body("statusNotes.note", contains("kick-off held"))
                .body("assignments.architectId", contains(ana.id(), ben.id()))
                .body("assignments[1].reassignedFrom", equalTo(ana.id()));
        given().get("/engagements?architectId={a}", ben.id()).then().statusCode(200).body("items.id", contains(engagementId));
        given().get("/engagements?architectId={a}", ana.id()).then().statusCode(200).body("total", equalTo(0));

        List<EngagementReassigned> moves = Awaitility.await().atMost(Fixtures.WAIT)
                .until(() -> Fixtures.engagementEvents(engagementId, EngagementReassigned.class), found -> !found.isEmpty());
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).fromArchitectId()).isEqualTo(ana.id());
        assertThat(moves.get(0).toArchitect()).isEqualTo(ben);

        Fixtures.awaitMails(mailbox, requestorOf(laterRequest), 1);
        List<Mail> toRequestor = Fixtures.awaitMails(mailbox, requestorOf(requestId), 2);
        assertThat(toRequestor).hasSize(2);
        assertThat(toRequestor.get(1).getText()).contains("reassigned", ben.name());
    }

    @Test
    void anAssignmentOlderThanTheNotificationWindowOpensTheEngagementWithoutMail() {
        String requestId = unique("req");
        RequestSnapshot request = request(requestId, unique("tenant"), RequestType.MIGRATION_EXCEPTION, false, null,
                List.of());
        // as when the log is replayed into an empty database: the requestor heard about it long ago
        Fixtures.publish(assigned(request, architect(unique("fta"), "tm-1"), null,
                Instant.now().minus(java.time.Duration.ofDays(8))));

        awaitEngagement(engagementId(requestId)).body("tasks.taskId", contains("3298"));
        assertThat(mailbox.getMailsSentTo(requestorOf(requestId))).isEmpty();
        assertThat(mailbox.getMailsSentTo(atuOf(requestId))).isEmpty();
    }
}
