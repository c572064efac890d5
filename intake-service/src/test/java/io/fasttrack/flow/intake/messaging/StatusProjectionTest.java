package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleEvents.SLA;
import static io.fasttrack.flow.intake.SampleEvents.assigned;
import static io.fasttrack.flow.intake.SampleEvents.completed;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.fasttrack.flow.intake.SampleEvents.opened;
import static io.fasttrack.flow.intake.SampleEvents.queued;
import static io.fasttrack.flow.intake.SampleEvents.slaAtRisk;
import static io.fasttrack.flow.intake.SampleEvents.slaBreached;
import static io.fasttrack.flow.intake.SampleEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.store.RequestRecord;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The request-status projection fed by real assignment and engagement events through the broker. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class StatusProjectionTest {

    private static final String ASSIGNMENTS = Topic.ASSIGNMENTS.defaultName();
    private static final String ENGAGEMENTS = Topic.ENGAGEMENTS.defaultName();
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
        streams.publish(ENGAGEMENTS, envelope(id, opened(engagementId, id, tenant, "fta-ana", "Ana Architect")));
        awaitStatus(id, "IN_PROGRESS").body("engagementId", equalTo(engagementId));

        streams.publish(ENGAGEMENTS, envelope(id, completed(engagementId, id, tenant, "fta-ana")));
        awaitStatus(id, "COMPLETED").body("architectId", equalTo("fta-ana")).body("slaBreached", equalTo(false));
    }

    @Test
    void aReassignmentChangesTheArchitectButNotTheStatus() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.ECIF_DWR_REVIEW, tenant);
        streams.publish(ASSIGNMENTS, envelope(id, assigned(id, tenant, "fta-ana", "Ana", null)));
        streams.publish(ENGAGEMENTS, envelope(id, opened("eng-" + id, id, tenant, "fta-ana", "Ana")));
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
                ArchitectRole.ALIGNMENT_FTA, "tm-1", SLA, SLA.plusSeconds(1), null)));

        awaitField(id, "slaBreached", true).body("architectId", equalTo("fta-bo")).body("architectName", equalTo("Bo"))
                .body("status", equalTo("ASSIGNED"));
    }

    @Test
    void anSlaWarningAndABreachSetTheirFlagsAndTheAssignmentAfterThemKeepsBoth() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.DISCOVERY_WORKSHOP, tenant);
        get(id).statusCode(200).body("slaAtRisk", equalTo(false)).body("slaBreached", equalTo(false))
                .body("stalled", equalTo(false)).body("stalledStep", nullValue()).body("stalledForSeconds", nullValue());
        streams.publish(ASSIGNMENTS, envelope(id, queued(id, tenant)));

        streams.publish(ASSIGNMENTS, envelope(id, slaAtRisk(id, tenant)));
        awaitField(id, "slaAtRisk", true).body("slaBreached", equalTo(false)).body("status", equalTo("QUEUED"));

        streams.publish(ASSIGNMENTS, envelope(id, slaBreached(id, tenant)));
        awaitField(id, "slaBreached", true).body("slaAtRisk", equalTo(true));

        streams.publish(ASSIGNMENTS, envelope(id, assigned(id, tenant, "fta-ana", "Ana", null)));
        awaitStatus(id, "ASSIGNED").body("slaAtRisk", equalTo(true)).body("slaBreached", equalTo(true))
                .body("architectId", equalTo("fta-ana"));
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
}
