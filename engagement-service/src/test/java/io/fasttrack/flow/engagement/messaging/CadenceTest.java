package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementEvents;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Applied;
import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementStale;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.StatusNoteDue;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.kit.time.SettableClock;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status-note cadence as events, read back from the engagements topic; the sweep is run by the test. */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class CadenceTest {

    @Inject
    SettableClock clock;

    @Inject
    CadenceSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachLapseIsToldOnceAndANoteStartsANewOne() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String tenantId = unique("tenant");
        ArchitectRef architect = architect(unique("fta"), unique("tm"));
        String engagementId = open(tenantId, architect, t0);

        clock.set(t0.plus(Duration.ofDays(14)).minusSeconds(1));
        sweep.sweep();
        assertThat(engagementEvents(engagementId, StatusNoteDue.class)).isEmpty();

        Instant day14 = t0.plus(Duration.ofDays(14));
        clock.set(day14);
        // two sweeps at once (two instances, or a scheduled one beside this): the lapse is told once. One may give up
        // waiting for the other's locks (it tells nothing then); what counts is the topic.
        CompletableFuture.allOf(Stream.of(1, 2).map(run -> CompletableFuture.runAsync(sweep::sweep)
                .exceptionally(gaveUp -> null)).toArray(CompletableFuture[]::new)).join();
        assertThat(engagementEvents(engagementId, StatusNoteDue.class)).containsExactly(new StatusNoteDue(engagementId,
                requestIdOf(engagementId), tenantId, architect.id(), architect.teamManager(), t0, day14, day14));
        sweep.sweep();
        assertThat(engagementEvents(engagementId, StatusNoteDue.class)).hasSize(1);
        assertThat(engagementEvents(engagementId, EngagementStale.class)).isEmpty();

        Instant day28 = t0.plus(Duration.ofDays(28));
        clock.set(day28);
        sweep.sweep();
        sweep.sweep();
        assertThat(engagementEvents(engagementId, EngagementStale.class)).containsExactly(new EngagementStale(engagementId,
                requestIdOf(engagementId), tenantId, architect.id(), architect.teamManager(), t0, day28, day28));
        assertThat(engagementEvents(engagementId, StatusNoteDue.class)).hasSize(1);
        // staleness on read agrees with the event
        given().get("/engagements/{id}", engagementId).then().body("stale", equalTo(true));

        given().contentType(ContentType.JSON).body("{\"author\": \"Ana\", \"note\": \"back on track\"}")
                .post("/engagements/{id}/status-notes", engagementId).then().statusCode(201).body("stale", equalTo(false));
        clock.set(day28.plus(Duration.ofDays(14)).minusSeconds(1));
        sweep.sweep();
        assertThat(engagementEvents(engagementId, StatusNoteDue.class)).hasSize(1);
        Instant day42 = day28.plus(Duration.ofDays(14));
        clock.set(day42);
        sweep.sweep();
        sweep.sweep();
        List<StatusNoteDue> due = engagementEvents(engagementId, StatusNoteDue.class);
        assertThat(due).hasSize(2);
        assertThat(due.get(1).lastNoteAt()).isEqualTo(day28);
        assertThat(due.get(1).dueAt()).isEqualTo(day42);
        assertThat(engagementEvents(engagementId, EngagementStale.class)).hasSize(1);
    }

    @Test
    void aLapseToldByAnotherInstanceIsNotToldAgain() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String tenantId = unique("tenant");
        ArchitectRef architect = architect(unique("fta"), unique("tm"));
        String engagementId = open(tenantId, architect, t0);
        Instant day14 = t0.plus(Duration.ofDays(14));
        EventEnvelope<StatusNoteDue> toldElsewhere = EventEnvelope.of(t0, "engagement-service", requestIdOf(engagementId),
                null, new StatusNoteDue(engagementId, requestIdOf(engagementId), tenantId, architect.id(),
                        architect.teamManager(), t0, day14, t0));
        new EventStreams().publish(Fixtures.ENGAGEMENTS, toldElsewhere);
        Applied.await(toldElsewhere.eventId());

        clock.set(day14);
        sweep.sweep();
        assertThat(engagementEvents(engagementId, StatusNoteDue.class)).containsExactly(toldElsewhere.data());
    }

    private static String open(String tenantId, ArchitectRef architect, Instant at) {
        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()),
                architect, null, at));
        awaitEngagement(engagementId(requestId));
        return engagementId(requestId);
    }

    private static String requestIdOf(String engagementId) {
        return engagementId.substring("eng-".length());
    }
}
