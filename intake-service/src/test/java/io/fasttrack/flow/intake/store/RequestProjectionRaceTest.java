package io.fasttrack.flow.intake.store;

import static io.fasttrack.flow.intake.SampleEvents.assigned;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.fasttrack.flow.intake.SampleEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two consumers apply batches about the same new request at once (an assignment on one channel, the
 * submission on the other): the one that loses the insert applies its events over the winner's row in the same
 * transaction, so both events are in the row and nothing is retried.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class RequestProjectionRaceTest {

    @Inject
    RequestProjection projection;

    @Inject
    RequestTable table;

    @Test
    void theSubmissionThatLostTheInsertToAnAssignmentIsAppliedOverTheAssignedRow() throws Exception {
        String id = UUID.randomUUID().toString();
        String tenant = "tenant-" + id;
        CountDownLatch assignmentApplied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<List<RequestProjection.Outcome>> assignment = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<RequestProjection.Outcome> outcomes = projection.apply(
                            List.of(event(envelope(id, assigned(id, tenant, "fta-ana", "Ana", null))))).outcomes();
                    assignmentApplied.countDown();
                    commit.await(10, TimeUnit.SECONDS);
                    return outcomes;
                }));
        assertThat(assignmentApplied.await(10, TimeUnit.SECONDS)).isTrue();

        // reads no row (the assignment's is not committed), then its insert waits for the assignment's commit
        CompletableFuture<List<RequestProjection.Outcome>> submission = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> projection.apply(List.of(event(envelope(id, submitted(id, tenant)))))
                        .outcomes()));
        Thread.sleep(300);
        commit.countDown();

        assertThat(assignment.get(10, TimeUnit.SECONDS)).containsExactly(RequestProjection.Outcome.APPLIED);
        assertThat(submission.get(10, TimeUnit.SECONDS)).containsExactly(RequestProjection.Outcome.APPLIED);
        RequestRecord row = QuarkusTransaction.requiringNew().call(() -> table.find(List.of(id)).get(id));
        assertThat(row.isSubmitted()).as("the submission is in the row").isTrue();
        assertThat(row.requestType).isEqualTo("DISCOVERY_WORKSHOP");
        assertThat(row.status).as("and so is the assignment").isEqualTo(RequestStatus.ASSIGNED);
        assertThat(row.architectId).isEqualTo("fta-ana");
    }

    @SuppressWarnings("unchecked")
    private static EventEnvelope<EventData> event(EventEnvelope<? extends EventData> envelope) {
        return (EventEnvelope<EventData>) envelope;
    }
}
