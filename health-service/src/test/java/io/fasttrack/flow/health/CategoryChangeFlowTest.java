package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.fasttrack.flow.health.HealthApi.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A customer climbs LOW -> GROWING -> HEALTHY and falls back, through the real broker, one event per real change. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class CategoryChangeFlowTest {

    private static final LocalDate D1 = LocalDate.of(2026, 5, 1);

    @Test
    void oneEventPerRealChangeAndNoneForMovesWithinTheMargin() {
        String tenant = "flow-" + UUID.randomUUID();
        double upBefore = HealthApi.counter("fasttrack_health_category_moves_total", "direction=\"UP\"");
        double downBefore = HealthApi.counter("fasttrack_health_category_moves_total", "direction=\"DOWN\"");
        double toHealthyBefore = HealthApi.counter("fasttrack_health_category_moves_total", "to=\"HEALTHY\"");
        post(List.of(report(tenant, "EXCHANGE", 1000, 200, D1), report(tenant, "TEAMS", 1000, 200, D1)));  // 20 %: NEW LOW
        post(report(tenant, "TEAMS", 1000, 700, D1.plusMonths(1)));                                         // 45 %: UP GROWING
        post(report(tenant, "TEAMS", 1000, 1000, D1.plusMonths(2)));                                        // 60 %: within margin
        post(List.of(report(tenant, "TEAMS", 1000, 1000, D1.plusMonths(3)),
                report(tenant, "EXCHANGE", 1000, 300, D1.plusMonths(3))));                                  // 65 %: UP HEALTHY
        post(report(tenant, "EXCHANGE", 1000, 170, D1.plusMonths(4)));                                      // 58.5 %: within margin
        post(report(tenant, "TEAMS", 1000, 500, D1.plusMonths(5)));                                         // 33.5 %: DOWN GROWING
        post(List.of(report(tenant, "TEAMS", 1000, 100, D1.plusMonths(6)),
                report(tenant, "EXCHANGE", 1000, 100, D1.plusMonths(6))));                                  // 13.5 % then 10 %: DOWN LOW

        JsonPath health = awaitHealth(tenant, D1.plusMonths(6), "0.1");
        assertThat(HealthApi.counter("fasttrack_health_category_moves_total", "direction=\"UP\"") - upBefore).isEqualTo(2.0);
        assertThat(HealthApi.counter("fasttrack_health_category_moves_total", "direction=\"DOWN\"") - downBefore).isEqualTo(2.0);
        assertThat(HealthApi.counter("fasttrack_health_category_moves_total", "to=\"HEALTHY\"") - toHealthyBefore).isEqualTo(1.0);

        List<ConsumerRecord<String, byte[]>> records = recordsFor(HEALTH_TOPIC, tenant);
        assertThat(records).hasSize(5);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(tenant);
            assertThat(EventStreams.header(record, EventHeaders.TYPE)).isEqualTo("HealthCategoryChanged");
            assertThat(EventStreams.header(record, EventHeaders.SOURCE)).isEqualTo("health-service");
        });
        List<HealthCategoryChanged> changes = records.stream()
                .map(record -> EventCodec.decode(record.value()).dataAs(HealthCategoryChanged.class)).toList();
        assertThat(changes).extracting(HealthCategoryChanged::direction).containsExactly("NEW", "UP", "UP", "DOWN", "DOWN");
        assertThat(changes).extracting(HealthCategoryChanged::newCategory)
                .containsExactly("LOW", "GROWING", "HEALTHY", "GROWING", "LOW");
        assertThat(changes).extracting(HealthCategoryChanged::previousCategory)
                .containsExactly(null, "LOW", "GROWING", "HEALTHY", "GROWING");
        assertThat(changes).extracting(HealthCategoryChanged::asOf).containsExactly(
                D1, D1.plusMonths(1), D1.plusMonths(3), D1.plusMonths(5), D1.plusMonths(6));
        assertThat(changes).extracting(change -> change.utilization().doubleValue())
                .containsExactly(0.2, 0.45, 0.65, 0.335, 0.135);
        assertThat(changes).extracting(change -> change.previousUtilization() == null ? null : change.previousUtilization().doubleValue())
                .containsExactly(null, 0.2, 0.6, 0.585, 0.335);

        // drivers: the workloads that moved most since the previous change, biggest first
        assertThat(changes.get(1).drivers()).extracting(HealthDriver::workload).containsExactly(Workload.TEAMS);
        assertThat(changes.get(2).drivers()).extracting(HealthDriver::workload).containsExactly(Workload.TEAMS, Workload.EXCHANGE);
        HealthDriver fall = changes.get(3).drivers().get(0);
        assertThat(fall.workload()).isEqualTo(Workload.TEAMS);
        assertThat(fall.utilizationBefore()).isEqualByComparingTo("1.0");
        assertThat(fall.utilizationAfter()).isEqualByComparingTo("0.5");
        assertThat(changes.get(3).drivers().get(1).workload()).isEqualTo(Workload.EXCHANGE);

        // the change's id is derived from the report that caused it, which it names as its cause
        EventEnvelope<EventData> cause = recordsFor(USAGE_TOPIC, tenant).stream()
                .map(record -> EventCodec.decode(record.value()))
                .filter(event -> event.data() instanceof UsageReported usage
                        && usage.workload() == Workload.TEAMS && usage.asOf().equals(D1.plusMonths(1)))
                .findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> growing = records.get(1);
        assertThat(EventStreams.header(growing, EventHeaders.ID)).isEqualTo(cause.derivedId("HealthCategoryChanged").toString());
        assertThat(EventStreams.header(growing, EventHeaders.CAUSATION_ID)).isEqualTo(cause.eventId().toString());

        // the health view tells the same story
        assertThat(health.getString("category")).isEqualTo("LOW");
        assertThat(health.getList("history.newCategory")).containsExactly("LOW", "GROWING", "HEALTHY", "GROWING", "LOW");
        assertThat(health.getList("workloads.workload")).containsExactly("EXCHANGE", "TEAMS");
        assertThat(health.getList("workloads.active", Integer.class)).containsExactly(100, 100);
        assertThat(health.getBoolean("forecast.sufficientData")).isTrue();
        assertThat(health.getInt("forecast.reportDates")).isEqualTo(7);
        assertThat(health.getString("forecast.targetBasis")).isEqualTo("DEFAULT_HORIZON");
        assertThat(health.getString("forecast.targetDate")).isEqualTo(D1.plusMonths(6).plusDays(365).toString());
        assertThat(new BigDecimal(health.getString("forecast.utilization"))).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Test
    void aForecastToTheRenewalDateOrTooLittleData() {
        String tenant = "forecast-" + UUID.randomUUID();
        LocalDate renewal = D1.plusMonths(10);
        post(List.of(java.util.Map.of("tenantId", tenant, "workload", "INTUNE", "licensed", 1000, "active", 100,
                "asOf", D1.toString(), "renewalDate", renewal.toString())));
        JsonPath early = awaitHealth(tenant, D1, "0.1");
        assertThat(early.getBoolean("forecast.sufficientData")).isFalse();
        assertThat(early.getString("forecast.method")).startsWith("insufficient data");
        assertThat(early.getString("forecast.utilization")).isNull();
        assertThat(early.getString("renewalDate")).isEqualTo(renewal.toString());

        post(report(tenant, "INTUNE", 1000, 200, D1.plusDays(10)));
        post(report(tenant, "INTUNE", 1000, 300, D1.plusDays(20)));
        JsonPath later = awaitHealth(tenant, D1.plusDays(20), "0.3");
        assertThat(later.getBoolean("forecast.sufficientData")).isTrue();
        assertThat(later.getString("forecast.targetBasis")).isEqualTo("RENEWAL_DATE");
        assertThat(later.getString("forecast.targetDate")).isEqualTo(renewal.toString());
        assertThat(later.getDouble("forecast.utilization")).isEqualTo(1.0);
        assertThat(later.getString("forecast.category")).isEqualTo("HEALTHY");
        assertThat(later.getString("forecast.method")).contains("clamped");
    }
}
