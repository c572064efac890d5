package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.health;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.testing.PolledBatch;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.messaging.UsageConsumer;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What one batch of usage reports costs the database, read off the service's own counters
 * ({@code fasttrack_sql_statements_total}, {@code fasttrack_db_transactions_total}): the batch is applied set-wise,
 * so its statements are one per table and kind of write, however many reports and customers it holds.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
// the alerts consumer applies the category changes these batches publish: its cost is not theirs
@TestProfile(WithoutAlertsConsumer.class)
class UsageBatchCostTest {

    private static final Logger LOG = Logger.getLogger(UsageBatchCostTest.class);
    /** Reads of the processed events, the customers and their latest reports; writes of the reports and the processed events. */
    private static final int LEAST_STATEMENTS_PER_BATCH = 5;
    /** Those, and an insert and an update batch per table. */
    private static final int MOST_STATEMENTS_PER_BATCH = 12;
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    @Inject
    UsageConsumer consumer;

    private final AtomicInteger sequence = new AtomicInteger();

    /** Statements and transactions the service ran. */
    private record Cost(double statements, double transactions) {

        Cost minus(Cost before) {
            return new Cost(statements - before.statements, transactions - before.transactions);
        }
    }

    @Test
    void aBatchCostsAHandfulOfStatementsAndOneTransactionHoweverManyReportsItHolds() {
        List<String> few = customers("cost-few-", 5);
        List<String> many = customers("cost-many-", 50);

        Cost firstOfFew = cost(firstReports(few));
        Cost firstOfMany = cost(firstReports(many));
        LOG.infof("first reports: %s for 20 of them, %s for 200", firstOfFew, firstOfMany);
        assertThat(firstOfMany.transactions()).isEqualTo(1);
        assertThat(firstOfMany.statements()).isBetween((double) LEAST_STATEMENTS_PER_BATCH, (double) MOST_STATEMENTS_PER_BATCH)
                .isEqualTo(firstOfFew.statements());
        assertThat(health(many.get(49)).getString("category")).isEqualTo("HEALTHY");

        // the same customers again: now their rows exist, so the batch also updates them, a new workload included
        Cost laterOfFew = cost(laterReports(few));
        Cost laterOfMany = cost(laterReports(many));
        LOG.infof("later reports: %s for 20 of them, %s for 200", laterOfFew, laterOfMany);
        assertThat(laterOfMany.transactions()).isEqualTo(1);
        assertThat(laterOfMany.statements()).isBetween((double) LEAST_STATEMENTS_PER_BATCH, (double) MOST_STATEMENTS_PER_BATCH)
                .isEqualTo(laterOfFew.statements());
        assertThat(health(many.get(49)).getString("category")).isEqualTo("LOW");
        assertThat(health(many.get(49)).getList("history.newCategory")).containsExactly("LOW", "GROWING", "HEALTHY", "GROWING", "LOW");
    }

    /** Four reports per customer: new, up, the same workload and date again (it replaces), up again. */
    private List<EventEnvelope<EventData>> firstReports(List<String> tenants) {
        List<EventEnvelope<EventData>> events = new ArrayList<>();
        for (String tenant : tenants) {
            events.add(usage(tenant, Workload.EXCHANGE, 100, DAY));           // 10 %: NEW LOW
            events.add(usage(tenant, Workload.TEAMS, 900, DAY));              // 50 %: UP GROWING
            events.add(usage(tenant, Workload.TEAMS, 950, DAY));              // 52.5 %: replaces the one before, stays
            events.add(usage(tenant, Workload.EXCHANGE, 900, DAY.plusDays(1))); // 92.5 %: UP HEALTHY
        }
        return events;
    }

    /** Four more per customer, a workload new to it among them: down twice. */
    private List<EventEnvelope<EventData>> laterReports(List<String> tenants) {
        List<EventEnvelope<EventData>> events = new ArrayList<>();
        for (String tenant : tenants) {
            events.add(usage(tenant, Workload.EXCHANGE, 100, DAY.plusDays(2)));  // 52.5 %: DOWN GROWING
            events.add(usage(tenant, Workload.ONEDRIVE, 0, DAY.plusDays(2)));    // 35 %: stays
            events.add(usage(tenant, Workload.TEAMS, 100, DAY.plusDays(3)));     // 6.7 %: DOWN LOW
            events.add(usage(tenant, Workload.ONEDRIVE, 10, DAY.plusDays(3)));   // 7 %: stays
        }
        return events;
    }

    private static List<String> customers(String prefix, int count) {
        String run = prefix + UUID.randomUUID() + "-";
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tenants.add(run + i);
        }
        return tenants;
    }

    /** Each report a second after the one before: the order in which a customer's history lists its changes. */
    private EventEnvelope<EventData> usage(String tenant, Workload workload, long active, LocalDate asOf) {
        Instant at = AT.plusSeconds(sequence.incrementAndGet());
        return EventEnvelope.of(UUID.randomUUID(), at, "test", null, null,
                new UsageReported(tenant, workload, 1000, active, asOf, null, at));
    }

    /** Consumes the events as one poll and answers what that cost. */
    private Cost cost(List<EventEnvelope<EventData>> events) {
        Cost before = quietCounters();
        PolledBatch batch = PolledBatch.of(USAGE_TOPIC, events);
        consumer.consume(batch.kafka()).toCompletableFuture().join();
        Cost cost = counters().minus(before);
        assertThat(batch.deadLetterReasons()).isEmpty();
        assertThat(batch.acknowledged()).isTrue();
        return cost;
    }

    /** The counters once nothing else runs (what earlier tests published may still be being applied). */
    private static Cost quietCounters() {
        Cost[] last = {counters()};
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Cost now = counters();
                    boolean unchanged = now.equals(last[0]);
                    last[0] = now;
                    return unchanged;
                });
        return last[0];
    }

    private static Cost counters() {
        return new Cost(PrometheusScrape.value("fasttrack_sql_statements_total"),
                PrometheusScrape.value("fasttrack_db_transactions_total"));
    }
}
