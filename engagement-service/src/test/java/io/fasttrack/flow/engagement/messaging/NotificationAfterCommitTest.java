package io.fasttrack.flow.engagement.messaging;

import org.awaitility.Awaitility;
import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.awaitMails;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.requestorOf;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.engagement.FlakyMailer;
import io.fasttrack.flow.engagement.store.AssignmentNotification;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A notification is recorded with its assignment and mailed only after the commit: once per assignment. */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = {"reader"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class NotificationAfterCommitTest {

    /** Longer than a few sweeps (every second in tests): time enough for a second mail to show, if there were one. */
    private static final Duration SEVERAL_SWEEPS = Duration.ofMillis(3500);

    final EventStreams streams = new EventStreams();

    @Inject
    MockMailbox mailbox;

    @Inject
    FlakyMailer mailer;

    @AfterEach
    void mailServerAnswers() {
        mailer.failNext(0);
    }

    @Test
    void aBadAssignmentAmongFiveInOneBatchIsDeadLetteredAndTheFiveAreMailedOnceEvenWhenDeliveredAgain() {
        String tenantId = unique("tenant");
        List<EventEnvelope<FtaAssigned>> valid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            valid.add(assignment(tenantId, architect(unique("fta"), "tm-1")));
        }
        EventEnvelope<FtaAssigned> nameless = assignment(tenantId, new ArchitectRef(null, "?", null, null, null));
        List<EventEnvelope<FtaAssigned>> batch = new ArrayList<>(valid);
        batch.add(2, nameless);
        // one record batch on one partition (one key): one poll, which fails as a whole and is then applied one
        // event at a time, so the nameless one is dead-lettered alone
        Fixtures.publishTogether(Fixtures.ASSIGNMENTS, batch);

        for (EventEnvelope<FtaAssigned> assignment : valid) {
            awaitEngagement(engagementId(assignment.data().requestId()));
            assertThat(awaitMails(mailbox, requestorOf(assignment.data().requestId()), 1)).hasSize(1);
        }
        streams.awaitRecord(Fixtures.ASSIGNMENTS + ".dlq",
                record -> String.valueOf(EventStreams.value(record)).contains(nameless.eventId().toString()), Fixtures.WAIT);
        assertThat(streams.records(Fixtures.ASSIGNMENTS + ".dlq")).filteredOn(record -> tenantId.equals(record.key()))
                .extracting(EventStreams::value).singleElement().asString().contains(nameless.eventId().toString());
        given().get("/engagements/{id}", engagementId(nameless.data().requestId())).then().statusCode(404);

        // the same five again, then one more on the same partition: once its mail is out, the five were handled
        Fixtures.publishTogether(Fixtures.ASSIGNMENTS, valid);
        EventEnvelope<FtaAssigned> later = assignment(tenantId, architect(unique("fta"), "tm-1"));
        Fixtures.publish(later);
        awaitMails(mailbox, requestorOf(later.data().requestId()), 1);
        for (EventEnvelope<FtaAssigned> assignment : valid) {
            assertThat(mailbox.getMailsSentTo(requestorOf(assignment.data().requestId()))).hasSize(1);
            assertThat(notification(assignment.eventId()).outcome).isEqualTo(AssignmentNotification.Outcome.SENT);
        }
        assertThat(streams.records(Fixtures.ASSIGNMENTS + ".dlq")).filteredOn(record -> tenantId.equals(record.key()))
                .hasSize(1);
    }

    @Test
    void aMailThatFailsAfterTheCommitStaysPendingAndTheSweepSendsItOnce() throws InterruptedException {
        mailer.failNext(1);
        int attemptsBefore = mailer.attempts();
        EventEnvelope<FtaAssigned> assignment = assignment(unique("tenant"), architect(unique("fta"), "tm-1"));
        Fixtures.publish(assignment);

        awaitEngagement(engagementId(assignment.data().requestId()));
        assertThat(awaitMails(mailbox, requestorOf(assignment.data().requestId()), 1)).hasSize(1);
        stillOneMailOverSeveralSweeps(requestorOf(assignment.data().requestId()));
        AssignmentNotification notification = notification(assignment.eventId());
        assertThat(notification.outcome).isEqualTo(AssignmentNotification.Outcome.SENT);
        assertThat(notification.failures).as("the attempt right after the commit failed").isEqualTo(1);
        assertThat(mailer.attempts() - attemptsBefore).as("the failed attempt and the sweep's").isEqualTo(2);
    }

    @Test
    void aNotificationAStopLeftPendingIsSentOnceByTheSweep() throws InterruptedException {
        String address = unique("seller") + "@example.com";
        UUID assignmentEventId = UUID.randomUUID();
        // what a stop between the commit and the send leaves, once the committing sender's lease ran out
        QuarkusTransaction.requiringNew().run(() -> {
            AssignmentNotification pending = new AssignmentNotification();
            pending.assignmentEventId = assignmentEventId;
            pending.engagementId = engagementId(unique("req"));
            pending.architectId = "fta-stopped";
            pending.outcome = AssignmentNotification.Outcome.PENDING;
            pending.recipients = 1;
            pending.decidedAt = Instant.now().minus(Duration.ofMinutes(3));
            pending.mailTo = AssignmentNotification.addresses(List.of(address));
            pending.mailCc = AssignmentNotification.addresses(List.of());
            pending.subject = "FastTrack architect assigned";
            pending.body = "Your architect will contact you shortly.";
            pending.nextAttemptAt = Instant.now().minus(Duration.ofMinutes(1));
            pending.persist();
        });

        assertThat(awaitMails(mailbox, address, 1)).singleElement()
                .satisfies(mail -> assertThat(mail.getText()).isEqualTo("Your architect will contact you shortly."));
        stillOneMailOverSeveralSweeps(address);
        assertThat(notification(assignmentEventId).outcome).isEqualTo(AssignmentNotification.Outcome.SENT);
    }

    private static EventEnvelope<FtaAssigned> assignment(String tenantId, ArchitectRef architect) {
        return assigned(request(unique("req"), tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()), architect,
                null, Instant.now());
    }

    private static AssignmentNotification notification(UUID assignmentEventId) {
        return QuarkusTransaction.requiringNew().call(() -> AssignmentNotification.findById(assignmentEventId));
    }

    /** The mail stays the only one to the address while the sweep runs several times. */
    private void stillOneMailOverSeveralSweeps(String address) {
        Awaitility.await("one mail only").during(SEVERAL_SWEEPS).atMost(SEVERAL_SWEEPS.plusSeconds(5))
                .until(() -> mailbox.getMailsSentTo(address).size() == 1);
    }
}
