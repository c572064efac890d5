package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.USAGE_TOPIC;
import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** 5,000 reports in one call: accepted together, all on the topic, all applied. */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class BulkUsageTest {

    private static final Logger LOG = Logger.getLogger(BulkUsageTest.class);
    private static final String[] WORKLOADS = {"EXCHANGE", "SHAREPOINT", "ONEDRIVE", "TEAMS", "VIVA", "WINDOWS", "M365_APPS",
            "INTUNE", "ENTRA_ID", "SECURITY"};
    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    @Test
    void fiveThousandReportsInOneCall() {
        String batch = "bulk-" + UUID.randomUUID() + "-";
        StringBuilder body = new StringBuilder("[");
        for (int customer = 0; customer < 500; customer++) {
            for (String workload : WORKLOADS) {
                // customer c: every workload at c/5 % so the 500 customers spread over all categories
                body.append(body.length() > 1 ? "," : "").append(String.format(
                        "{\"tenantId\":\"%s%d\",\"workload\":\"%s\",\"licensed\":10000,\"active\":%d,\"asOf\":\"%s\"}",
                        batch, customer, workload, customer * 20, DAY));
            }
        }
        body.append("]");
        long started = System.nanoTime();
        given().contentType(ContentType.JSON).body(body.toString()).when().post("/usage")
                .then().statusCode(202).body("accepted", equalTo(5000));
        long postMillis = (System.nanoTime() - started) / 1_000_000;

        long onTopic = new EventStreams().records(USAGE_TOPIC).stream().filter(r -> r.key().startsWith(batch)).count();
        assertThat(onTopic).isEqualTo(5000);

        // generous: on the shared 2-core build machine the first thousand records run on a cold JIT
        awaitHealth(batch + 499, DAY, "0.998", Duration.ofSeconds(240));
        List<HealthCategoryChanged> firstCategories = Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> new EventStreams().records(HEALTH_TOPIC).stream().filter(r -> r.key().startsWith(batch))
                        .map(r -> EventCodec.decode(r.value()).dataAs(HealthCategoryChanged.class)).toList(),
                        changes -> changes.size() >= 500);
        long appliedMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("bulk: 5000 reports accepted in %d ms (POST incl. broker acks), all applied in %d ms", postMillis, appliedMillis);

        assertThat(firstCategories).hasSize(500).allSatisfy(change -> assertThat(change.direction()).isEqualTo("NEW"));
        assertThat(firstCategories.stream().filter(change -> change.newCategory().equals("HEALTHY")).count())
                .isEqualTo(200); // customers 300..499: 60 % and more
        assertThat(firstCategories.stream().filter(change -> change.newCategory().equals("NO_USAGE")).count())
                .isEqualTo(25);  // customers 0..24: below 5 %
    }
}
