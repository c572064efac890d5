package io.fasttrack.flow.intake.store;

import static io.fasttrack.flow.intake.SampleEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.domain.StallRule;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sweep's query finds exactly the requests the {@link StallRule} calls stalled that are not marked stalled at
 * their step yet, over every status, every date around the stall time and every stall a row may hold.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class StallCandidatesTest {

    private static final StallRule RULE = new StallRule(Duration.ofMinutes(5));
    // long before any other test's request, so these rows are the longest waiting, the first the query returns
    private static final Instant NOW = Instant.parse("2020-01-01T12:00:00Z");
    private static final List<Duration> WAITED = List.of(Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofMinutes(5).minusMillis(1), Duration.ZERO);

    @Inject
    RequestTable table;

    @Inject
    RequestQueries queries;

    @Test
    void theQueryFindsWhatTheRuleCallsStalledAndNotMarkedYet() {
        List<RequestRecord> rows = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            for (Duration waited : WAITED) {
                for (RequestStatus stalledStep : new RequestStatus[] {null, status, RequestStatus.SUBMITTED}) {
                    rows.add(row(status, NOW.minus(waited), stalledStep));
                }
            }
        }
        QuarkusTransaction.requiringNew().run(() -> table.insertAbsent(rows));
        Set<String> ours = rows.stream().map(row -> row.id).collect(Collectors.toSet());

        Set<String> found = QuarkusTransaction.requiringNew()
                .call(() -> queries.stallCandidates(RULE.stepsThatStall(), RULE.reachedBy(NOW), 500)).stream()
                .map(row -> row.id).filter(ours::contains).collect(Collectors.toSet());

        Set<String> expected = rows.stream()
                .filter(row -> RULE.hasStalled(row.status, row.statusSince, NOW) && !row.isStalled())
                .map(row -> row.id).collect(Collectors.toSet());
        assertThat(expected).as("the reference finds some").isNotEmpty();
        assertThat(found).isEqualTo(expected);
    }

    private static RequestRecord row(RequestStatus status, Instant since, RequestStatus stalledStep) {
        String id = UUID.randomUUID().toString();
        RequestRecord row = RequestRecord.awaitingSubmission(id, "tenant-" + id);
        row.recordSubmission(submitted(id, "tenant-" + id));
        row.status = status;
        row.statusSince = since;
        row.stalledStep = stalledStep;
        row.stalledSince = stalledStep == null ? null : since;
        return row;
    }
}
