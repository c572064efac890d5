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
import io.fasttrack.flow.assignment.store.ProcessedEventEntity;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A crash after the broker acknowledged a decision but before the database committed it: the database
 * lacks the decision, the input is delivered again. Restarting (reloading from the database, then
 * re-applying the decision log) must restore the decision once, and the redelivered input must not be
 * decided again.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RestartTest extends RosterIsolatedTest {

    @Inject
    AssignmentEngine engine;

    @Inject
    DecisionLog decisionLog;

    @Inject
    Clock clock;

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
            ProcessedEventEntity.deleteById(decisionId);
            ProcessedEventEntity.deleteById(envelope.eventId());
        });
        engine.load();
        assertThat(Fixtures.load(architectId)).isZero();

        decisionLog.replay();
        assertThat(Fixtures.load(architectId)).isEqualTo(3);
        decisionLog.replay();
        assertThat(Fixtures.load(architectId)).isEqualTo(3);

        fixtures.streams.publish(topic("requests"), envelope);
        Awaitility.await().atMost(Fixtures.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEventEntity.findById(envelope.eventId()) != null));
        assertThat(Fixtures.load(architectId)).isEqualTo(3);
        assertThat(fixtures.streams.events(topic("assignments"), FtaAssigned.class))
                .filteredOn(a -> a.requestId().equals(submitted.requestId())).hasSize(1);
        given().get("/assignments/" + submitted.requestId()).then().statusCode(200)
                .body("architect.id", org.hamcrest.Matchers.equalTo(architectId));
    }
}
