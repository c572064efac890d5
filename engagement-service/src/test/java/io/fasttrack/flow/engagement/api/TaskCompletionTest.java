package io.fasttrack.flow.engagement.api;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class TaskCompletionTest {

    @Test
    void completingTasksPublishesTaskCompletedAndOnceAllMandatoryAreDoneEngagementCompleted() {
        String tenantId = unique("tenant");
        String requestId = unique("req");
        String engagementId = engagementId(requestId);
        ArchitectRef ana = architect(unique("fta-ana"), "tm-1");
        Fixtures.publish(assigned(request(requestId, tenantId, RequestType.ECIF_DWR_REVIEW, true, "75000",
                List.of(Workload.EXCHANGE)), ana, null, Instant.now()));
        awaitEngagement(engagementId).body("tasks.taskId", equalTo(List.of("3008", "3286", "3298")));

        given().contentType(ContentType.JSON).body("{\"completedBy\": \"Ana\"}")
                .post("/engagements/{id}/tasks/3298/complete", engagementId)
                .then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("tasks.find { it.taskId == '3298' }.status", equalTo("DONE"))
                .body("tasks.find { it.taskId == '3298' }.completedBy", equalTo("Ana"));
        String firstCompletedAt = given().get("/engagements/{id}", engagementId).then().extract()
                .path("tasks.find { it.taskId == '3298' }.completedAt");

        // twice is harmless: same state, no second event
        given().post("/engagements/{id}/tasks/3298/complete", engagementId)
                .then().statusCode(200)
                .body("tasks.find { it.taskId == '3298' }.completedAt", equalTo(firstCompletedAt))
                .body("tasks.find { it.taskId == '3298' }.completedBy", equalTo("Ana"));

        List<ConsumerRecord<String, byte[]>> taskRecords = records(engagementId, "TaskCompleted");
        assertThat(taskRecords).hasSize(1);
        ConsumerRecord<String, byte[]> taskRecord = taskRecords.get(0);
        assertThat(taskRecord.key()).isEqualTo(tenantId);
        EventEnvelope<?> taskEnvelope = EventCodec.decode(taskRecord.value());
        assertThat(EventStreams.header(taskRecord, EventHeaders.ID)).isEqualTo(taskEnvelope.eventId().toString());
        TaskCompleted task = taskEnvelope.dataAs(TaskCompleted.class);
        assertThat(task.task().taskId()).isEqualTo("3298");
        assertThat(task.task().mandatory()).isTrue();
        assertThat(task.completedBy()).isEqualTo("Ana");
        assertThat(task.architectId()).isEqualTo(ana.id());
        assertThat(task.requestId()).isEqualTo(requestId);
        assertThat(task.tenantId()).isEqualTo(tenantId);
        assertThat(records(engagementId, "EngagementCompleted")).isEmpty();

        // a fund request needs its review decided too; the decision alone does not complete it while 3008 is open
        given().contentType(ContentType.JSON).body("{\"decision\": \"APPROVED\"}")
                .post("/engagements/{id}/review", engagementId)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("reviewRequired", equalTo(true));
        assertThat(records(engagementId, "EngagementCompleted")).isEmpty();

        // the last mandatory task completes the engagement
        given().post("/engagements/{id}/tasks/3008/complete", engagementId)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completedAt", notNullValue())
                .body("tasks.find { it.taskId == '3008' }.completedBy", nullValue());
        // an optional task afterwards, and a repeat, do not complete it again
        given().post("/engagements/{id}/tasks/3286/complete", engagementId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        given().post("/engagements/{id}/tasks/3008/complete", engagementId).then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> completions = records(engagementId, "EngagementCompleted");
        assertThat(completions).hasSize(1);
        assertThat(completions.get(0).key()).isEqualTo(tenantId);
        EventEnvelope<?> completedEnvelope = EventCodec.decode(completions.get(0).value());
        EngagementCompleted completed = completedEnvelope.dataAs(EngagementCompleted.class);
        assertThat(completed.architectId()).isEqualTo(ana.id());
        assertThat(completed.requestId()).isEqualTo(requestId);
        assertThat(completed.tenantId()).isEqualTo(tenantId);
        assertThat(completedEnvelope.correlationId()).isEqualTo(requestId);
        assertThat(records(engagementId, "TaskCompleted")).hasSize(3);
    }

    @Test
    void unknownEngagementOrTaskIsANotFoundProblem() {
        given().post("/engagements/{id}/tasks/3298/complete", "eng-" + unique("nobody"))
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no engagement"));

        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, unique("tenant"), RequestType.MIGRATION_EXCEPTION, false, null,
                List.of()), architect(unique("fta"), "tm-1"), null, Instant.now()));
        awaitEngagement(engagementId(requestId));
        given().post("/engagements/{id}/tasks/3246/complete", engagementId(requestId))
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("has no task 3246"));
        given().get("/engagements/{id}", "eng-" + unique("nobody")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBadCompletionBodyIsABadRequestProblem() {
        String requestId = unique("req");
        Fixtures.publish(assigned(request(requestId, unique("tenant"), RequestType.MIGRATION_EXCEPTION, false, null,
                List.of()), architect(unique("fta"), "tm-1"), null, Instant.now()));
        String engagementId = engagementId(requestId);
        awaitEngagement(engagementId);

        given().contentType(ContentType.JSON).body("{\"completedBy\": ")
                .post("/engagements/{id}/tasks/3298/complete", engagementId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("$"));
        given().contentType(ContentType.JSON).body("{\"completedBy\": 7, \"when\": \"now\"}")
                .post("/engagements/{id}/tasks/3298/complete", engagementId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("when", "completedBy")));
        given().get("/engagements/{id}", engagementId).then().body("tasks[0].status", equalTo("OPEN"));
    }

    private static List<ConsumerRecord<String, byte[]>> records(String engagementId, String type) {
        return Fixtures.engagementRecords(engagementId).stream()
                .filter(record -> type.equals(EventStreams.header(record, EventHeaders.TYPE))).toList();
    }
}
