package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.health;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.testing.PolledBatch;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.messaging.UsageConsumer;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many reports of the same customers in one batch: the projection reads each customer's rows once and applies the
 * reports to them in memory, so every report must still see the ones before it, exactly as if they came one by one.
 * The batch is handed to the usage consumer as one poll, so it goes through the kit's whole loop.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class BatchProjectionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 1);
    private static final Instant AT = Instant.parse("2026-11-01T08:00:00Z");

    @Inject
    UsageConsumer consumer;

    private final AtomicInteger sequence = new AtomicInteger();

    /** Each report a second after the one before: the order in which a customer's history lists its changes. */
    private EventEnvelope<EventData> usage(UUID eventId, String tenant, Workload workload, long licensed, long active,
            LocalDate asOf) {
        Instant at = AT.plusSeconds(sequence.incrementAndGet());
        return EventEnvelope.of(eventId, at, "test", null, null, new UsageReported(tenant, workload, licensed, active, asOf, null, at));
    }

    /** Consumes the events as one poll; answers how many category changes the batch published. */
    private long applyAsOneBatch(List<EventEnvelope<EventData>> events) {
        Set<String> tenants = events.stream().map(EventEnvelope::subject).collect(Collectors.toSet());
        long before = publishedChanges(tenants);
        PolledBatch batch = PolledBatch.of(USAGE_TOPIC, events);
        consumer.consume(batch.kafka()).toCompletableFuture().join();
        assertThat(batch.deadLetterReasons()).isEmpty();
        assertThat(batch.acknowledged()).isTrue();
        // the kit committed only once the broker acknowledged every change: they are on the topic now
        return publishedChanges(tenants) - before;
    }

    private static long publishedChanges(Set<String> tenants) {
        return tenants.stream().mapToLong(tenant -> recordsFor(HEALTH_TOPIC, tenant).size()).sum();
    }

    @Test
    void eachReportOfABatchSeesTheOnesBeforeIt() {
        String climber = "batch-" + UUID.randomUUID();
        String newcomer = "batch-new-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID sameDayTeams = UUID.randomUUID();
        List<EventEnvelope<EventData>> batch = List.of(
                usage(first, climber, Workload.SHAREPOINT, 1000, 200, DAY),                             // 20 %: NEW LOW
                usage(UUID.randomUUID(), climber, Workload.TEAMS, 1000, 900, DAY),                      // 55 %: UP GROWING
                usage(UUID.randomUUID(), newcomer, Workload.EXCHANGE, 100, 0, DAY),                     // 0 %: NEW NO_USAGE
                usage(first, climber, Workload.SHAREPOINT, 1000, 200, DAY),                             // the same event again
                usage(UUID.randomUUID(), climber, Workload.SHAREPOINT, 1000, 990, DAY.minusDays(1)),    // older: history only
                usage(sameDayTeams, climber, Workload.TEAMS, 1000, 1000, DAY),                          // 60 %: within margin
                usage(UUID.randomUUID(), climber, Workload.SHAREPOINT, 1000, 400, DAY.plusDays(1)));    // 70 %: UP HEALTHY

        assertThat(applyAsOneBatch(batch)).isEqualTo(4);

        JsonPath health = health(climber);
        assertThat(health.getString("category")).isEqualTo("HEALTHY");
        assertThat(new BigDecimal(health.getString("utilization"))).isEqualByComparingTo("0.7");
        assertThat(health.getList("history.newCategory")).containsExactly("LOW", "GROWING", "HEALTHY");
        assertThat(health.getList("workloads.workload")).containsExactlyInAnyOrder("SHAREPOINT", "TEAMS");
        assertThat(health.getInt("workloads.find { it.workload == 'SHAREPOINT' }.active")).isEqualTo(400);
        assertThat(health.getInt("workloads.find { it.workload == 'TEAMS' }.active")).isEqualTo(1000);
        assertThat(health(newcomer).getString("category")).isEqualTo("NO_USAGE");

        List<HealthCategoryChanged> published = recordsFor(HEALTH_TOPIC, climber).stream()
                .map(record -> EventCodec.decode(record.value()).dataAs(HealthCategoryChanged.class)).toList();
        assertThat(published).extracting(HealthCategoryChanged::direction).containsExactly("NEW", "UP", "UP");
        assertThat(published).extracting(HealthCategoryChanged::newCategory).containsExactly("LOW", "GROWING", "HEALTHY");

        // one row per workload and date: the second TEAMS report of the day replaced the first
        List<UsageReport> history = QuarkusTransaction.requiringNew().call(() -> UsageReport.history(climber));
        assertThat(history).extracting(report -> report.workload + " " + report.asOf + " " + report.active).containsExactly(
                "SHAREPOINT 2026-07-31 990", "SHAREPOINT 2026-08-01 200", "TEAMS 2026-08-01 1000", "SHAREPOINT 2026-08-02 400");
        assertThat(history.get(2).eventId).isEqualTo(sameDayTeams);
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        String tenant = "batch-again-" + UUID.randomUUID();
        List<EventEnvelope<EventData>> batch = List.of(
                usage(UUID.randomUUID(), tenant, Workload.ONEDRIVE, 1000, 100, DAY),
                usage(UUID.randomUUID(), tenant, Workload.ONEDRIVE, 1000, 800, DAY.plusDays(1)));
        assertThat(applyAsOneBatch(batch)).isEqualTo(2);

        assertThat(applyAsOneBatch(batch)).isZero();

        JsonPath health = health(tenant);
        assertThat(health.getString("category")).isEqualTo("HEALTHY");
        assertThat(health.getList("history.newCategory")).containsExactly("LOW", "HEALTHY");
        assertThat(recordsFor(HEALTH_TOPIC, tenant)).hasSize(2);
    }
}
