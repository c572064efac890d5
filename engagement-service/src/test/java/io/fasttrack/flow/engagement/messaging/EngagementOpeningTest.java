package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** FtaAssigned through the real broker opens the engagement with the catalogue's tasks and publishes EngagementOpened. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class EngagementOpeningTest {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of(RequestType.DISCOVERY_WORKSHOP, false, null, List.of("3246", "3298"), List.of(true, true)),
                Arguments.of(RequestType.ECIF_DWR_REVIEW, false, "50000", List.of("3008", "3298"), List.of(true, true)),
                Arguments.of(RequestType.ECIF_DWR_REVIEW, false, "49999.99", List.of("3298"), List.of(true)),
                Arguments.of(RequestType.MIGRATION_EXCEPTION, false, null, List.of("3298"), List.of(true)),
                Arguments.of(RequestType.MIGRATION_EXCEPTION, true, null, List.of("3286", "3298"), List.of(false, true)),
                Arguments.of(RequestType.LAND_FTC_BENEFIT, false, null, List.of("FTCHELP-1"), List.of(true)),
                Arguments.of(RequestType.SALES_SUPPORT_INQUIRY, false, null, List.of("FTCHELP-1"), List.of(true)),
                Arguments.of(RequestType.ENGAGE_BEFORE_LICENSE, true, null, List.of("3286", "FTCHELP-1"), List.of(false, true)));
    }

    @ParameterizedTest(name = "{0} engageBeforeLicense={1} funding={2} -> {3}")
    @MethodSource("requests")
    void opensTheEngagementWithTheTasksOfItsRequest(RequestType type, boolean engageBeforeLicense, String fundingUsd,
            List<String> taskIds, List<Boolean> mandatory) {
        String requestId = unique("req");
        String tenantId = unique("tenant");
        EventEnvelope<FtaAssigned> assignment = assigned(request(requestId, tenantId, type, engageBeforeLicense, fundingUsd,
                List.of(Workload.EXCHANGE)), architect(unique("fta"), "tm-open"), null, Instant.now());
        Fixtures.publish(assignment);

        String engagementId = engagementId(requestId);
        awaitEngagement(engagementId)
                .body("requestId", equalTo(requestId))
                .body("tenantId", equalTo(tenantId))
                .body("architectId", equalTo(assignment.data().architect().id()))
                .body("teamManager", equalTo("tm-open"))
                .body("status", equalTo("OPEN"))
                .body("stale", equalTo(false))
                .body("workloads", contains("EXCHANGE"))
                .body("tasks.taskId", equalTo(taskIds))
                .body("tasks.mandatory", equalTo(mandatory))
                .body("tasks.status", equalTo(taskIds.stream().map(id -> "OPEN").toList()));

        ConsumerRecord<String, byte[]> record = Awaitility.await().atMost(Fixtures.WAIT)
                .until(() -> Fixtures.engagementRecords(engagementId), records -> !records.isEmpty()).get(0);
        assertThat(record.key()).isEqualTo(tenantId);
        assertThat(EventStreams.header(record, EventHeaders.TYPE)).isEqualTo("EngagementOpened");
        EventEnvelope<?> opened = EventCodec.decode(record.value());
        assertThat(opened.eventId()).isEqualTo(assignment.derivedId("EngagementOpened"));
        assertThat(opened.causationId()).isEqualTo(assignment.eventId().toString());
        assertThat(opened.correlationId()).isEqualTo(requestId);
        EngagementOpened data = opened.dataAs(EngagementOpened.class);
        assertThat(data.tasks()).extracting(FtopTask::taskId).containsExactlyElementsOf(taskIds);
        assertThat(data.queue()).isEqualTo(type == RequestType.DISCOVERY_WORKSHOP || type == RequestType.ECIF_DWR_REVIEW
                || type == RequestType.MIGRATION_EXCEPTION ? RequestQueue.FTA : RequestQueue.FTCHELP);
        assertThat(data.architect()).isEqualTo(assignment.data().architect());
    }
}
