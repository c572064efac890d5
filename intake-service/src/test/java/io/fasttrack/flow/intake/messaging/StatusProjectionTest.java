package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.store.RequestRecord;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The request-status projection fed by real assignment and engagement events through the broker. */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class StatusProjectionTest {

    private static final String ASSIGNMENTS = Topic.ASSIGNMENTS.defaultName();
    private static final String ENGAGEMENTS = Topic.ENGAGEMENTS.defaultName();
    private static final Instant SLA = Instant.parse("2026-11-26T16:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStreams streams = new EventStreams();

    @Test
    void statusFollowsQueuedAssignedInProgressCompletedFromPublishedEvents() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.DISCOVERY_WORKSHOP, tenant);

        streams.publish(ASSIGNMENTS, envelope(id, queued(id, tenant)));
        awaitStatus(id, "QUEUED").body("slaDeadline", equalTo(SLA.toString()));

        streams.publish(ASSIGNMENTS, envelope(id, assigned(id, tenant, "fta-ana", "Ana Architect", null)));
        awaitStatus(id, "ASSIGNED").body("architectId", equalTo("fta-ana")).body("architectName", equalTo("Ana Architect"))
                .body("slaDeadline", equalTo(SLA.toString()));

        String engagementId = "eng-" + UUID.randomUUID();
        streams.publish(ENGAGEMENTS, envelope(id, new EngagementOpened(engagementId, id, tenant, architect("fta-ana", "Ana Architect"),
                RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA, List.of(), Instant.now())));
        awaitStatus(id, "IN_PROGRESS").body("engagementId", equalTo(engagementId));

        streams.publish(ENGAGEMENTS, envelope(id, new EngagementCompleted(engagementId, id, tenant, "fta-ana", Instant.now())));
        awaitStatus(id, "COMPLETED").body("architectId", equalTo("fta-ana")).body("slaBreached", equalTo(false));
    }

    @Test
    void aReassignmentChangesTheArchitectButNotTheStatus() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.ECIF_DWR_REVIEW, tenant);
        streams.publish(ASSIGNMENTS, envelope(id, assigned(id, tenant, "fta-ana", "Ana", null)));
        streams.publish(ENGAGEMENTS, envelope(id, new EngagementOpened("eng-" + id, id, tenant, architect("fta-ana", "Ana"),
                RequestType.ECIF_DWR_REVIEW, RequestQueue.FTA, List.of(), Instant.now())));
        awaitStatus(id, "IN_PROGRESS");

        streams.publish(ASSIGNMENTS, envelope(id, assigned(id, tenant, "fta-bo", "Bo", "fta-ana")));

        awaitField(id, "architectId", "fta-bo").body("status", equalTo("IN_PROGRESS")).body("architectName", equalTo("Bo"));
    }

    @Test
    void aDuplicateDeliveryOfAStatusEventChangesNothing() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.MIGRATION_EXCEPTION, tenant);
        EventEnvelope<FtaAssigned> toAna = envelope(id, assigned(id, tenant, "fta-ana", "Ana", null));
        EventEnvelope<FtaAssigned> toBo = envelope(id, assigned(id, tenant, "fta-bo", "Bo", "fta-ana"));

        streams.publish(ASSIGNMENTS, toAna);
        streams.publish(ASSIGNMENTS, toBo);
        streams.publish(ASSIGNMENTS, toAna);
        // same key, same partition: once the breach is visible, the duplicate before it was consumed too
        streams.publish(ASSIGNMENTS, envelope(id, new AssignmentSlaBreached(id, tenant, RequestQueue.FTA,
                ArchitectRole.ALIGNMENT_FTA, "tm-1", SLA, SLA.plusSeconds(1))));

        awaitField(id, "slaBreached", true).body("architectId", equalTo("fta-bo")).body("architectName", equalTo("Bo"))
                .body("status", equalTo("ASSIGNED"));
    }

    @Test
    void aGarbageRecordGoesToTheDeadLetterTopicAndTheNextGoodRecordIsStillApplied() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.LAND_FTC_BENEFIT, tenant);
        String garbage = "{\"this is\": not an event " + UUID.randomUUID();

        streams.publishRaw(ASSIGNMENTS, tenant, garbage);
        streams.publish(ASSIGNMENTS, envelope(id, queued(id, tenant)));

        awaitStatus(id, "QUEUED");
        ConsumerRecord<String, byte[]> dead = streams.awaitRecord(ASSIGNMENTS + ".dlq",
                r -> garbage.equals(EventStreams.value(r)), PATIENCE);
        assertThat(dead.key()).isEqualTo(tenant);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("not JSON");
    }

    @Test
    void aStatusEventThatArrivesBeforeItsRequestIsKeptAndShownOnceTheRequestArrives() {
        String tenant = uniqueTenant();
        String id = UUID.randomUUID().toString();
        streams.publish(ASSIGNMENTS, envelope(id, assigned(id, tenant, "fta-ana", "Ana", null)));
        Awaitility.await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RequestRecord.findByIdOptional(id).isPresent()));
        get(id).statusCode(404);

        // as if the POST had crashed between the broker's ack and its insert: only the topic knows the request
        streams.publish(Topic.REQUESTS.defaultName(), envelope(id, submitted(id, tenant)));

        awaitStatus(id, "ASSIGNED").body("type", equalTo("DISCOVERY_WORKSHOP")).body("architectId", equalTo("fta-ana"))
                .body("customerName", equalTo("Contoso"));
    }

    private static ValidatableResponse awaitStatus(String id, String status) {
        return awaitField(id, "status", status);
    }

    private static ValidatableResponse awaitField(String id, String field, Object expected) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                get(id).statusCode(200).body(field, equalTo(expected)));
        return get(id);
    }

    private static <D extends EventData> EventEnvelope<D> envelope(String requestId, D data) {
        return EventEnvelope.of(Instant.now().truncatedTo(ChronoUnit.MILLIS), "assignment-service", requestId, null, data);
    }

    private static RequestQueued queued(String id, String tenant) {
        return new RequestQueued(id, tenant, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, 3, SLA, Instant.now(),
                "nobody has capacity", List.of());
    }

    private static FtaAssigned assigned(String id, String tenant, String architectId, String name, String from) {
        return new FtaAssigned(id, tenant, architect(architectId, name), snapshot(id, tenant), 3, SLA, Instant.now(),
                from == null ? "BALANCE" : "MANAGER", List.of(), from);
    }

    private static ArchitectRef architect(String id, String name) {
        return new ArchitectRef(id, name, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, "tm-1");
    }

    private static RequestSnapshot snapshot(String id, String tenant) {
        return new RequestSnapshot(id, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Contoso", Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Requesting Seller", "seller@example.com"), List.of("atu@example.com"),
                List.of(Workload.EXCHANGE), false, false, null, Instant.now());
    }

    private static RequestSubmitted submitted(String id, String tenant) {
        return new RequestSubmitted(id, RequestType.DISCOVERY_WORKSHOP, io.fasttrack.flow.events.model.RequestFamily.FUNDING,
                RequestQueue.FTA, new Customer(tenant, "Contoso", Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Requesting Seller", "seller@example.com"), List.of("atu@example.com"),
                List.of(Workload.EXCHANGE), false, false, List.of(), List.of(), null, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
