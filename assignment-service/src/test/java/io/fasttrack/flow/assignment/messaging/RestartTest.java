package io.fasttrack.flow.assignment.messaging;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.assignment.RosterIsolatedTest;
import io.fasttrack.flow.assignment.store.AssignmentEntity;
import io.fasttrack.flow.assignment.store.AssignmentHistoryEntity;
import io.fasttrack.flow.assignment.store.BalancerClockEntity;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A crash after the broker acknowledged a decision but before the database committed it: the database
 * lacks the decision, the input is delivered again. Restarting (reloading from the database, then
 * re-applying the decision log) must restore the decision once, and the redelivered input must not be
 * decided again. A restart also gets past what it cannot apply: a decision on the log without an architect, an
 * unreadable record (both skipped and dead-lettered), a balancer clock saved far ahead of real time.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RestartTest extends RosterIsolatedTest {

    @Inject
    DecisionGate gate;

    @Inject
    DecisionLog decisionLog;

    @Inject
    Clock clock;

    @Inject
    ProcessedEvents processed;

    @Test
    void aDecisionPublishedButNotCommittedIsRestoredOnceAtRestart() {
        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.DISCOVERY_WORKSHOP, Region.EMEA,
                false, clock.instant());
        EventEnvelope<RequestSubmitted> envelope = Fixtures.envelope(submitted);
        fixtures.streams.publish(topic("requests"), envelope);
        fixtures.awaitAssigned(submitted.requestId());
        UUID decisionId = fixtures.streams.events(topic("assignments")).stream()
                .filter(e -> e.data() instanceof FtaAssigned a && a.requestId().equals(submitted.requestId()))
                .findFirst().orElseThrow().eventId();
        assertThat(Fixtures.load(architectId)).isEqualTo(3);

        // what the database holds if the transaction rolled back after the broker's ack
        QuarkusTransaction.requiringNew().run(() -> {
            AssignmentEntity.deleteById(submitted.requestId());
            AssignmentHistoryEntity.delete("requestId", submitted.requestId());
            Panache.getEntityManager().createNativeQuery("delete from processed_event where event_id in (?1, ?2)")
                    .setParameter(1, decisionId).setParameter(2, envelope.eventId()).executeUpdate();
        });
        gate.load();
        assertThat(Fixtures.load(architectId)).isZero();

        decisionLog.replay();
        assertThat(Fixtures.load(architectId)).isEqualTo(3);
        decisionLog.replay();
        assertThat(Fixtures.load(architectId)).isEqualTo(3);

        fixtures.streams.publish(topic("requests"), envelope);
        Awaitility.await().atMost(Fixtures.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> processed.alreadyApplied(List.of(envelope.eventId())).contains(envelope.eventId())));
        assertThat(Fixtures.load(architectId)).isEqualTo(3);
        assertThat(fixtures.streams.events(topic("assignments"), FtaAssigned.class))
                .filteredOn(a -> a.requestId().equals(submitted.requestId())).hasSize(1);
        given().get("/assignments/" + submitted.requestId()).then().statusCode(200)
                .body("architect.id", org.hamcrest.Matchers.equalTo(architectId));
    }

    @Test
    void aDecisionLogRecordWithoutAnArchitectIsDeadLetteredAndTheServiceStillDecides() {
        RequestSubmitted orphan = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA, false,
                clock.instant());
        FtaAssigned noArchitect = new FtaAssigned(orphan.requestId(), orphan.customer().tenantId(),
                new ArchitectRef(" ", "Nobody", ArchitectRole.FTCHELP, Region.EMEA, null), orphan.snapshot(), 1,
                clock.instant().plus(Duration.ofDays(2)), clock.instant(), "BALANCE", List.of(), null, null, null, null);
        fixtures.streams.publish(topic("assignments"), EventEnvelope.of(clock.instant(), DecisionRecords.SOURCE,
                orphan.requestId(), null, noArchitect));
        String garbageKey = unique("garbage");
        fixtures.streams.publishRaw(topic("assignments"), garbageKey, "{not json");

        // the restart: reload from the database, then re-apply the decision log; neither record stops it
        gate.load();
        decisionLog.replay();
        var dead = fixtures.streams.awaitRecord(topic("assignments") + ".dlq",
                r -> orphan.customer().tenantId().equals(r.key()), Fixtures.PATIENCE);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("names no architect");
        assertThat(EventStreams.header(dead, "dead-letter-topic")).isEqualTo(topic("assignments"));
        var unreadable = fixtures.streams.awaitRecord(topic("assignments") + ".dlq", r -> garbageKey.equals(r.key()),
                Fixtures.PATIENCE);
        assertThat(EventStreams.value(unreadable)).isEqualTo("{not json");
        given().get("/assignments/" + orphan.requestId()).then().statusCode(404);

        // a second restart skips the refused decision as handled: dead-lettered once
        gate.load();
        decisionLog.replay();
        assertThat(fixtures.streams.records(topic("assignments") + ".dlq"))
                .filteredOn(r -> orphan.customer().tenantId().equals(r.key())).hasSize(1);

        String architectId = unique("fta");
        Fixtures.register(architect(architectId, "FTCHELP", "EMEA", 10, List.of()));
        RequestSubmitted next = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA, false,
                clock.instant());
        fixtures.submit(next);
        assertThat(fixtures.awaitAssigned(next.requestId()).architect().id()).isEqualTo(architectId);
    }

    @Test
    void aBalancerClockSavedFarAheadResumesAtRealTimeAfterARestart() {
        Instant year2999 = Instant.parse("2999-01-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> BalancerClockEntity.save(year2999));
        gate.load();

        Fixtures.register(architect(unique("fta"), "FTCHELP", "EMEA", 10, List.of()));
        RequestSubmitted next = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA, false,
                clock.instant());
        fixtures.submit(next);
        assertThat(fixtures.awaitAssigned(next.requestId()).assignedAt()).isEqualTo(next.submittedAt());
        assertThat(QuarkusTransaction.requiringNew().call(BalancerClockEntity::load)).isBefore(year2999);
    }
}
