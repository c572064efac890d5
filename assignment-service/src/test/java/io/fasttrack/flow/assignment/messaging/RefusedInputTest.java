package io.fasttrack.flow.assignment.messaging;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.assignment.RosterIsolatedTest;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Readable events that can never be applied are dead-lettered alone with the reason, and change nothing: in
 * particular a date far ahead of the clock never becomes the balancer's notion of "now".
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RefusedInputTest extends RosterIsolatedTest {

    private static final Instant YEAR_2999 = Instant.parse("2999-01-01T00:00:00Z");

    @Inject
    Clock clock;

    @Test
    void aRosterEventDated2999IsDeadLetteredAndDecisionsKeepRealTime() {
        String dated2999 = unique("fta-2999");
        fixtures.streams.publish(topic("roster"), EventEnvelope.of(YEAR_2999, "roster-import", null, null,
                new ArchitectRegistered(profile(dated2999, 10))));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("roster", dated2999);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("2999-01-01T00:00:00Z")
                .contains("ahead of this service's clock");
        given().get("/architects/" + dated2999).then().statusCode(404);
        assertTheNextDecisionIsAtRealTime();
    }

    @Test
    void aRequestSubmittedIn2999IsDeadLetteredAndDecisionsKeepRealTime() {
        Fixtures.register(architect(unique("fta"), "FTCHELP", "EMEA", 10, List.of()));
        String tenant = unique("tenant");
        RequestSubmitted from2999 = request(unique("req"), tenant, RequestType.LAND_FTC_BENEFIT, Region.EMEA, false, YEAR_2999);
        // the envelope is dated now: only the request's own date is off, which the consumer's loop cannot see
        fixtures.streams.publish(topic("requests"), EventEnvelope.of(clock.instant(), "intake-service",
                from2999.requestId(), null, from2999));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("requests", tenant);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("submittedAt 2999-01-01T00:00:00Z")
                .contains("ahead of this service's clock");
        given().get("/assignments/" + from2999.requestId()).then().statusCode(404);
        assertTheNextDecisionIsAtRealTime();
    }

    @Test
    void aNegativeCapacityOrAnUnknownArchitectIsDeadLetteredAndTheGoodEventsAroundItApply() {
        String architectId = unique("fta");
        // one key, one partition, in this order: registered, refused, changed, and an update of nobody
        publishRoster(new ArchitectRegistered(profile(architectId, 3)));
        EventEnvelope<ArchitectUpdated> negative = publishRoster(new ArchitectUpdated(profile(architectId, -2)));
        publishRoster(new ArchitectUpdated(profile(architectId, 7)));
        String nobody = unique("nobody");
        EventEnvelope<ArchitectUpdated> unknown = publishRoster(new ArchitectUpdated(profile(nobody, 5)));

        assertThat(EventStreams.header(awaitDeadLetter("roster", nobody), "dead-letter-reason"))
                .contains("not on the roster");
        ConsumerRecord<String, byte[]> refusedCapacity = awaitDeadLetter("roster", architectId);
        assertThat(EventStreams.header(refusedCapacity, "dead-letter-reason")).contains("capacity -2");
        Awaitility.await().atMost(Fixtures.PATIENCE).untilAsserted(() ->
                given().get("/architects/" + architectId).then().statusCode(200)
                        .body("capacity", org.hamcrest.Matchers.equalTo(7)));
        given().get("/architects/" + nobody).then().statusCode(404);
        assertThat(fixtures.streams.events(topic("roster") + ".dlq")).extracting(EventEnvelope::eventId)
                .contains(negative.eventId(), unknown.eventId());
        assertThat(fixtures.streams.records(topic("roster") + ".dlq")).filteredOn(r -> architectId.equals(r.key()))
                .hasSize(1);
    }

    private void assertTheNextDecisionIsAtRealTime() {
        Fixtures.register(architect(unique("fta"), "ALIGNMENT_FTA", "EMEA", 10, List.of()));
        RequestSubmitted next = request(unique("req"), unique("tenant"), RequestType.DISCOVERY_WORKSHOP, Region.EMEA, false,
                clock.instant());
        fixtures.submit(next);

        FtaAssigned assigned = fixtures.awaitAssigned(next.requestId());
        assertThat(assigned.assignedAt()).isEqualTo(next.submittedAt());
        assertThat(assigned.slaDeadline()).isBetween(next.submittedAt(), next.submittedAt().plus(Duration.ofDays(10)));
        String decidedAt = given().get("/assignments/" + next.requestId()).then().statusCode(200)
                .extract().jsonPath().getString("decidedAt");
        assertThat(Instant.parse(decidedAt)).isEqualTo(next.submittedAt());
    }

    private <D extends EventData> EventEnvelope<D> publishRoster(D change) {
        EventEnvelope<D> envelope = EventEnvelope.of(clock.instant(), "roster-import", null, null, change);
        fixtures.streams.publish(topic("roster"), envelope);
        return envelope;
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String topicName, String key) {
        return fixtures.streams.awaitRecord(topic(topicName) + ".dlq", r -> key.equals(r.key()), Fixtures.PATIENCE);
    }

    private static ArchitectProfile profile(String id, int capacity) {
        return new ArchitectProfile(id, "Architect " + id, ArchitectRole.FTCHELP, Region.APAC, "Asia/Tokyo", capacity,
                List.of(), "tm-1", null, null);
    }
}
