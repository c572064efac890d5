package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class DeadLetterAndRebuildTest {

    final EventStreams streams = new EventStreams();

    @Test
    void garbageOnTheAssignmentsTopicIsDeadLetteredAndTheNextRecordStillProcessed() {
        String tenantId = unique("tenant");
        String garbage = "{not json " + unique("garbage");
        String unknownType = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"" + unique("Mystery")
                + "\",\"version\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"source\":\"x\",\"subject\":\"" + tenantId
                + "\",\"data\":{}}";
        streams.publishRaw(Fixtures.ASSIGNMENTS, tenantId, garbage);
        streams.publishRaw(Fixtures.ASSIGNMENTS, tenantId, unknownType);
        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.MIGRATION_EXCEPTION, false, null, List.of()),
                architect(unique("fta"), "tm-1"), null, Instant.now()));

        awaitEngagement(engagementId(requestId)).body("requestId", equalTo(requestId));
        ConsumerRecord<String, byte[]> dead = streams.awaitRecord(Fixtures.ASSIGNMENTS + ".dlq",
                record -> garbage.equals(EventStreams.value(record)), Fixtures.WAIT);
        assertThat(dead.key()).isEqualTo(tenantId);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("not JSON");
        ConsumerRecord<String, byte[]> unknown = streams.awaitRecord(Fixtures.ASSIGNMENTS + ".dlq",
                record -> unknownType.equals(EventStreams.value(record)), Fixtures.WAIT);
        assertThat(EventStreams.header(unknown, "dead-letter-reason")).contains("unknown event type");
    }

    @Test
    void aBadFtaAssignedAmongGoodOnesIsDeadLetteredAloneAndTheOthersOpenOnce() {
        String tenantId = unique("tenant");
        EventEnvelope<io.fasttrack.flow.events.FtaAssigned> first = assigned(request(unique("req"), tenantId,
                RequestType.MIGRATION_EXCEPTION, false, null, List.of()), architect(unique("fta"), "tm-1"), null, Instant.now());
        EventEnvelope<io.fasttrack.flow.events.FtaAssigned> nameless = assigned(request(unique("req"), tenantId,
                RequestType.MIGRATION_EXCEPTION, false, null, List.of()), new ArchitectRef(null, "?", null, null, null),
                null, Instant.now());
        EventEnvelope<io.fasttrack.flow.events.FtaAssigned> last = assigned(request(unique("req"), tenantId,
                RequestType.MIGRATION_EXCEPTION, false, null, List.of()), architect(unique("fta"), "tm-1"), null, Instant.now());
        // one key, one partition, published back to back (the first twice): usually one poll
        Fixtures.publish(first);
        Fixtures.publish(nameless);
        Fixtures.publish(first);
        Fixtures.publish(last);

        awaitEngagement(engagementId(last.data().requestId()));
        awaitEngagement(engagementId(first.data().requestId()));
        assertThat(streams.events(Fixtures.ENGAGEMENTS)).filteredOn(e -> e.data() instanceof EngagementOpened opened
                && opened.requestId().equals(first.data().requestId()))
                .extracting(EventEnvelope::eventId).containsExactly(first.derivedId("EngagementOpened"));
        streams.awaitRecord(Fixtures.ASSIGNMENTS + ".dlq",
                record -> String.valueOf(EventStreams.value(record)).contains(nameless.eventId().toString()), Fixtures.WAIT);
        assertThat(streams.records(Fixtures.ASSIGNMENTS + ".dlq")).filteredOn(record -> tenantId.equals(record.key()))
                .extracting(EventStreams::value).singleElement().asString().contains(nameless.eventId().toString());
        given().get("/engagements/{id}", engagementId(nameless.data().requestId())).then().statusCode(404);
    }

    @Test
    void anFtaAssignedWithoutArchitectIdIsDeadLettered() {
        String requestId = unique("req");
        EventEnvelope<io.fasttrack.flow.events.FtaAssigned> nameless = assigned(request(requestId, unique("tenant"),
                RequestType.MIGRATION_EXCEPTION, false, null, List.of()), new ArchitectRef(null, "?", null, null, null),
                null, Instant.now());
        Fixtures.publish(nameless);
        ConsumerRecord<String, byte[]> dead = streams.awaitRecord(Fixtures.ASSIGNMENTS + ".dlq",
                record -> String.valueOf(EventStreams.value(record)).contains(nameless.eventId().toString()), Fixtures.WAIT);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).contains("names no architect id");
        given().get("/engagements/{id}", engagementId(requestId)).then().statusCode(404);
    }

    @Test
    void garbageOnTheEngagementsTopicIsDeadLettered() {
        String garbage = "[" + unique("garbage") + "]";
        // the dead-letter producer of the channel: client id kafka-dead-letter-topic-producer-<consumer client id>
        String deadLetterProducer = "client_id=\"kafka-dead-letter-topic-producer-kafka-consumer-engagements-in\"";
        double counted = io.fasttrack.flow.testing.PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer);
        streams.publishRaw(Fixtures.ENGAGEMENTS, unique("tenant"), garbage);
        ConsumerRecord<String, byte[]> dead = streams.awaitRecord(Fixtures.ENGAGEMENTS + ".dlq",
                record -> garbage.equals(EventStreams.value(record)), Fixtures.WAIT);
        assertThat(EventStreams.header(dead, "dead-letter-reason")).isNotBlank();
        // operators count dead letters by the dead-letter producer's sends per topic
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                io.fasttrack.flow.testing.PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer)).isEqualTo(counted + 1));
    }

    /** Events on the engagements topic that this instance never wrote (another instance, or a replay) build the projection. */
    @Test
    void theProjectionIsBuiltFromTheEngagementsTopic() {
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = engagementId(requestId);
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        ArchitectRef ben = architect(unique("fta-ben"), "tm-2");
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<FtopTask> tasks = List.of(new FtopTask("3246", "Discovery Workshop complete", true),
                new FtopTask("3298", "Pre-Sales: First Account Team contact made", true));
        EventEnvelope<StatusNoteAdded> note = envelope(requestId, new StatusNoteAdded(engagementId, requestId, tenantId,
                ana.id(), "Ana", "kick-off", opened.plusSeconds(60)));
        List<EventEnvelope<?>> history = List.of(
                envelope(requestId, new EngagementOpened(engagementId, requestId, tenantId, ana,
                        RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA, tasks, opened)),
                envelope(requestId, new TaskCompleted(engagementId, requestId, tenantId, ana.id(), tasks.get(1), "Ana",
                        opened.plusSeconds(30))),
                note,
                note,
                envelope(requestId, new DibsRecorded(engagementId, requestId, tenantId, Workload.TEAMS,
                        LocalDate.of(2030, 1, 1), "adopt", "value", "owner", opened.plusSeconds(90))),
                envelope(requestId, new EngagementReassigned(engagementId, requestId, tenantId, ana.id(), ben,
                        opened.plus(Duration.ofDays(1)))));
        history.forEach(event -> streams.publish(Fixtures.ENGAGEMENTS, event));

        org.awaitility.Awaitility.await().atMost(Fixtures.WAIT).until(() -> ben.id().equals(
                given().get("/engagements/{id}", engagementId).then().extract().path("architectId")));
        given().get("/engagements/{id}", engagementId).then().statusCode(200)
                .body("tasks.status", contains("OPEN", "DONE"))
                .body("tasks[1].completedBy", equalTo("Ana"))
                .body("statusNotes.note", contains("kick-off"))
                .body("dibs.workload", contains("TEAMS"))
                .body("assignments.architectId", contains(ana.id(), ben.id()))
                .body("status", equalTo("OPEN"));
    }

    private static <D extends io.fasttrack.flow.events.EventData> EventEnvelope<D> envelope(String requestId, D data) {
        return EventEnvelope.of(Instant.now(), "engagement-service", requestId, null, data);
    }
}
