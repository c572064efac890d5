package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.fasttrack.flow.health.HealthApi.healthEvents;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What it takes to move up, per workload, through the real broker. 10,000,000 seats in all (TEAMS 9,999,900,
 * EXCHANGE 100): GROWING starts above 30 % + 2 points of margin, and utilization is rounded half-even to six
 * decimals before the rule sees it, so 3,200,005 active (0.3200005, rounded 0.320000) stays LOW and 3,200,006
 * (0.320001) is the first count that moves; a plain 32 % would have said 3,200,001.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class NextCategoryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    @Test
    void exactlyTheActiveUsersShownMoveTheCustomerUpOnceAndOneFewerDoNot() {
        String tenant = "next-" + UUID.randomUUID();
        post(List.of(report(tenant, "TEAMS", 9_999_900, 2_000_000, DAY), report(tenant, "EXCHANGE", 100, 0, DAY)));
        JsonPath low = awaitHealth(tenant, DAY, "0.2");
        assertThat(low.getString("category")).isEqualTo("LOW");
        assertThat(workload(low, "TEAMS")).containsEntry("nextCategory", "GROWING").containsEntry("activeUsersForNextCategory", 3_200_006);
        // EXCHANGE alone cannot lift the customer, even with all its 100 users active
        assertThat(workload(low, "EXCHANGE")).containsEntry("nextCategory", "GROWING").doesNotContainKey("activeUsersForNextCategory");

        post(report(tenant, "TEAMS", 9_999_900, 3_200_005, DAY.plusDays(1)));
        JsonPath oneFewer = awaitHealth(tenant, DAY.plusDays(1), "0.32");
        assertThat(oneFewer.getString("category")).isEqualTo("LOW");
        assertThat(workload(oneFewer, "TEAMS")).containsEntry("activeUsersForNextCategory", 3_200_006);

        post(report(tenant, "TEAMS", 9_999_900, 3_200_006, DAY.plusDays(2)));
        JsonPath growing = awaitHealth(tenant, DAY.plusDays(2), "0.320001");
        assertThat(growing.getString("category")).isEqualTo("GROWING");
        // HEALTHY starts above 62 %: 6,200,005 active is 0.6200005, rounded 0.620000, so one more
        assertThat(workload(growing, "TEAMS")).containsEntry("nextCategory", "HEALTHY").containsEntry("activeUsersForNextCategory", 6_200_006);

        List<HealthCategoryChanged> changes = healthEvents(tenant, HealthCategoryChanged.class);
        assertThat(changes).extracting(HealthCategoryChanged::direction).containsExactly("NEW", "UP");
        assertThat(changes).extracting(HealthCategoryChanged::newCategory).containsExactly("LOW", "GROWING");
        assertThat(changes.get(1).asOf()).isEqualTo(DAY.plusDays(2));

        post(report(tenant, "TEAMS", 9_999_900, 9_000_000, DAY.plusDays(3)));
        JsonPath healthy = awaitHealth(tenant, DAY.plusDays(3), "0.9");
        assertThat(healthy.getString("category")).isEqualTo("HEALTHY");
        // nothing above the top category
        assertThat(workload(healthy, "TEAMS")).doesNotContainKeys("nextCategory", "activeUsersForNextCategory");
        assertThat(workload(healthy, "EXCHANGE")).doesNotContainKeys("nextCategory", "activeUsersForNextCategory");
    }

    private static Map<String, Object> workload(JsonPath health, String workload) {
        return health.getMap("workloads.find { it.workload == '" + workload + "' }");
    }
}
