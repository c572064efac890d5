package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleEvents.assigned;
import static io.fasttrack.flow.intake.SampleEvents.completed;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.fasttrack.flow.intake.SampleEvents.opened;
import static io.fasttrack.flow.intake.SampleEvents.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.testing.PolledBatch;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.kit.store.SqlCounters;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The projection as the kit's batch consumer applies it, a poll's worth of records at once: duplicates and
 * events that come before their request are applied in memory in their order, and the whole batch costs the
 * same few round trips however many events it holds (the processed-event check, one read of the rows, one
 * batch of inserts or updates, the processed-event record).
 */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = "reader")
@QuarkusTestResource(InJvmKafkaBroker.class)
class SetWiseProjectionTest {

    @Inject
    ProjectionConsumers consumers;

    @Inject
    SqlCounters counters;

    @Test
    void aBatchWithADuplicateSubmissionAndAnAssignmentBeforeItIsAppliedAsOneRow() throws Exception {
        String tenant = uniqueTenant();
        String id = UUID.randomUUID().toString();
        EventEnvelope<RequestSubmitted> submission = envelope(id, submitted(id, tenant));
        // the same request published again under another event id, a moment later
        EventEnvelope<RequestSubmitted> republished = envelope(id, submitted(id, tenant));
        PolledBatch batch = PolledBatch.on("fasttrack.test").add(envelope(id, assigned(id, tenant, "fta-ana", "Ana", null)))
                .add(submission).add(submission).add(republished);

        double before = quietStatementCount();
        consume(batch);

        assertThat(counters.statements() - before).as("check, read rows, insert, record processed").isEqualTo(4);
        assertThat(batch.deadLettered()).isEmpty();
        assertThat(batch.acknowledged()).isTrue();
        given().queryParam("tenantId", tenant).when().get("/requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        get(id).statusCode(200).body("status", equalTo("ASSIGNED")).body("architectId", equalTo("fta-ana"))
                .body("type", equalTo("DISCOVERY_WORKSHOP"))
                .body("submittedAt", equalTo(submission.data().submittedAt().toString()));
    }

    @Test
    void aBatchOfChangesToStoredRowsIsOneReadAndOneBatchOfUpdates() throws Exception {
        String tenant = uniqueTenant();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        consume(PolledBatch.on("fasttrack.test").add(envelope(first, submitted(first, tenant)))
                .add(envelope(second, submitted(second, tenant))));
        PolledBatch changes = PolledBatch.on("fasttrack.test")
                .add(envelope(first, opened("eng-" + first, first, tenant, "fta-bo", "Bo")))
                .add(envelope(second, assigned(second, tenant, "fta-cy", "Cy", null)))
                .add(envelope(first, completed("eng-" + first, first, tenant, "fta-bo")));

        double before = quietStatementCount();
        consume(changes);

        assertThat(counters.statements() - before).as("check, read rows, update, record processed").isEqualTo(4);
        get(first).statusCode(200).body("status", equalTo("COMPLETED")).body("architectId", equalTo("fta-bo"))
                .body("engagementId", equalTo("eng-" + first));
        get(second).statusCode(200).body("status", equalTo("ASSIGNED")).body("architectId", equalTo("fta-cy"));
    }

    @Test
    void aBatchAppliedBeforeCostsOneQueryAndChangesNothing() throws Exception {
        String tenant = uniqueTenant();
        String id = UUID.randomUUID().toString();
        PolledBatch batch = PolledBatch.on("fasttrack.test").add(envelope(id, submitted(id, tenant)))
                .add(envelope(id, assigned(id, tenant, "fta-ana", "Ana", null)));
        consume(batch);
        String updatedAt = get(id).statusCode(200).extract().path("updatedAt");

        double before = quietStatementCount();
        PolledBatch again = batch.again();
        consume(again);

        assertThat(counters.statements() - before).as("the processed-event check only").isEqualTo(1);
        assertThat(again.acknowledged()).isTrue();
        get(id).statusCode(200).body("status", equalTo("ASSIGNED")).body("updatedAt", equalTo(updatedAt));
    }

    /**
     * The statement count once the application's own consumers are idle (records of earlier test classes may
     * still be arriving), so what a test measures is its batch alone.
     */
    private double quietStatementCount() {
        double[] last = {counters.statements()};
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    double now = counters.statements();
                    boolean idle = now == last[0];
                    last[0] = now;
                    return idle;
                });
        return last[0];
    }

    private void consume(PolledBatch batch) throws Exception {
        consumers.onEvents(batch.kafka()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
