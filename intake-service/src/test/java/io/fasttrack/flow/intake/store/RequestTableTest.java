package io.fasttrack.flow.intake.store;

import static io.fasttrack.flow.intake.SampleEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.intake.domain.RequestProgress;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.domain.Stall;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers of a request row race (the HTTP thread and three consumers): a write that lost leaves the winner's
 * row as it is and names the row, so its events can be applied again over it; it is never a silent overwrite.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class RequestTableTest {

    @Inject
    RequestTable table;

    @Test
    void anUpdateOfARowAnotherWriterChangedSinceItWasReadIsNotWritten() {
        String id = stored();
        RequestRecord readByOne = read(id);
        RequestRecord readByOther = read(id);
        readByOne.apply(readByOne.progress().queued(null, Instant.now()), Instant.now());
        assertThat(QuarkusTransaction.requiringNew().call(() -> table.update(List.of(readByOne)))).isEmpty();

        readByOther.apply(readByOther.progress().assigned("fta-ana", "Ana", null, Instant.now()), Instant.now());
        Set<String> lost = QuarkusTransaction.requiringNew().call(() -> table.update(List.of(readByOther)));

        assertThat(lost).containsExactly(id);
        assertThat(read(id).status).as("the winner's write stands").isEqualTo(RequestStatus.QUEUED);
    }

    @Test
    void anInsertOfARowAnotherWriterStoredFirstLeavesItAsItIs() {
        String id = stored();
        RequestRecord assigned = read(id);
        assigned.apply(assigned.progress().assigned("fta-ana", "Ana", null, Instant.now()), Instant.now());
        QuarkusTransaction.requiringNew().run(() -> table.update(List.of(assigned)));
        String other = UUID.randomUUID().toString();

        Set<String> storedFirst = QuarkusTransaction.requiringNew()
                .call(() -> table.insertAbsent(List.of(submittedRow(id), submittedRow(other))));

        assertThat(storedFirst).containsExactly(id);
        assertThat(read(id)).satisfies(row -> {
            assertThat(row.status).isEqualTo(RequestStatus.ASSIGNED);
            assertThat(row.architectId).isEqualTo("fta-ana");
            assertThat(row.version).isEqualTo(assigned.version + 1);
        });
        assertThat(read(other)).as("the rest of the batch is inserted").isNotNull();
    }

    @Test
    void anInsertRacingAnUncommittedInsertOfTheSameIdWaitsAndFindsTheRowStoredFirst() throws Exception {
        String id = UUID.randomUUID().toString();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            table.insertAbsent(List.of(submittedRow(id)));
            inserted.countDown();
            awaitQuietly(commit);
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Set<String>> second = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> table.insertAbsent(List.of(submittedRow(id)))));
        // the second insert waits on the first one's uncommitted row; then the first commits
        Thread.sleep(300);
        commit.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(id);
    }

    @Test
    void anInsertStoresEveryField() {
        String id = UUID.randomUUID().toString();
        RequestRecord fresh = submittedRow(id);
        fresh.apply(new RequestProgress(RequestStatus.QUEUED, fresh.submittedAt.plusSeconds(5), null, null,
                Instant.parse("2026-11-26T16:00:00Z"), true, true, null,
                new Stall(RequestStatus.ASSIGNED, fresh.submittedAt.plusSeconds(9))), fresh.submittedAt);

        QuarkusTransaction.requiringNew().run(() -> table.insertAbsent(List.of(fresh)));

        assertThat(read(id)).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*hibernate.*").isEqualTo(fresh);
    }

    private String stored() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> table.insertAbsent(List.of(submittedRow(id))));
        return id;
    }

    private static RequestRecord submittedRow(String id) {
        RequestRecord row = RequestRecord.awaitingSubmission(id, "tenant-" + id);
        row.recordSubmission(submitted(id, "tenant-" + id));
        return row;
    }

    private RequestRecord read(String id) {
        return QuarkusTransaction.requiringNew().call(() -> table.find(List.of(id)).get(id));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
