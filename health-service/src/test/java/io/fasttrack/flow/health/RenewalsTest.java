package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.awaitHealth;
import static io.fasttrack.flow.health.HealthApi.healthEvents;
import static io.fasttrack.flow.health.HealthApi.post;
import static io.fasttrack.flow.health.HealthApi.putContract;
import static io.fasttrack.flow.health.HealthApi.putOwner;
import static io.fasttrack.flow.health.HealthApi.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.RenewalAtRisk;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Contract dates through the real broker: the forecast runs to the contract's renewal, GET /renewals lists the
 * window soonest first with the category now and at renewal, and RenewalAtRisk comes once per renewal date,
 * whether the contract or the usage made the forecast fall short. Today is the test clock's 2026-11-23.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RenewalsTest {

    private static final LocalDate TODAY = LocalDate.ofInstant(TestClock.START, ZoneOffset.UTC);
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = D1.plusDays(10);
    private static final LocalDate D3 = D1.plusDays(20);

    @Test
    void theWindowSoonestFirstWithTheForecastAtRenewalAndOneRenewalAtRiskPerDate() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String manager = "ftm-r-" + run;
        String rising = "rising-" + run;     // LOW now, forecast GROWING at its renewal: at risk when the contract comes
        String falling = "falling-" + run;   // contract first, then usage falling to nothing: at risk with the third report
        String healthy = "healthy-" + run;   // HEALTHY and rising: never at risk
        String later = "later-" + run;       // renews after the default window
        String past = "past-" + run;         // renewed yesterday: never listed
        for (String tenant : List.of(rising, falling, healthy, later, past)) {
            putOwner(tenant, manager);
        }
        // a renewal date from a usage report yields to the contract's
        post(List.of(Map.of("tenantId", rising, "workload", "TEAMS", "licensed", 1000, "active", 100, "asOf", D1.toString(),
                "renewalDate", "2027-06-30"), report(rising, "TEAMS", 1000, 200, D2), report(rising, "TEAMS", 1000, 300, D3)));
        post(List.of(report(healthy, "TEAMS", 1000, 700, D1), report(healthy, "TEAMS", 1000, 750, D2),
                report(healthy, "TEAMS", 1000, 800, D3)));
        awaitHealth(rising, D3, "0.3");
        awaitHealth(healthy, D3, "0.8");

        JsonPath contract = putContract(rising, TODAY.plusDays(10), LocalDate.of(2026, 6, 1));
        assertThat(contract.getString("tenantId")).isEqualTo(rising);
        assertThat(contract.getString("renewalDate")).isEqualTo("2026-12-03");
        assertThat(contract.getString("anniversaryDate")).isEqualTo("2026-06-01");
        assertThat(contract.getString("recordedBy")).isEqualTo("test-caller");
        putContract(falling, TODAY.plusDays(30), null);
        putContract(healthy, TODAY.plusDays(60), null);
        putContract(later, TODAY.plusDays(100), null);
        putContract(past, TODAY.minusDays(1), null);
        assertThat(healthEvents(rising, CustomerContractRecorded.class)).singleElement().satisfies(recorded -> {
            assertThat(recorded.renewalDate()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(recorded.anniversaryDate()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(recorded.recordedBy()).isEqualTo("test-caller");
        });
        // the falling customer's contract is kept before its usage arrives, so its usage is what finds the risk
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> renewals("fastTrackManager=" + manager).getList("items.tenantId"), listed -> listed.contains(falling));
        post(List.of(report(falling, "TEAMS", 1000, 500, D1), report(falling, "TEAMS", 1000, 400, D2),
                report(falling, "TEAMS", 1000, 300, D3)));

        // the forecast runs to the contract's renewal: a point a day from 10 % on Nov 1 is 42 % on Dec 3
        JsonPath risingHealth = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> HealthApi.health(rising), health -> "2026-12-03".equals(health.getString("renewalDate")));
        assertThat(risingHealth.getString("anniversaryDate")).isEqualTo("2026-06-01");
        assertThat(risingHealth.getString("fastTrackManager")).isEqualTo(manager);
        assertThat(risingHealth.getString("forecast.targetBasis")).isEqualTo("RENEWAL_DATE");
        assertThat(risingHealth.getString("forecast.targetDate")).isEqualTo("2026-12-03");
        assertThat(new BigDecimal(risingHealth.getString("forecast.utilization"))).isEqualByComparingTo("0.42");
        assertThat(risingHealth.getString("forecast.category")).isEqualTo("GROWING");

        JsonPath window = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> renewals("fastTrackManager=" + manager), page -> page.getInt("total") == 3
                        && page.getString("items[1].category") != null && page.getString("items[1].forecastCategory") != null);
        assertThat(window.getList("items.tenantId")).containsExactly(rising, falling, healthy);
        assertThat(window.getList("items.renewalDate")).containsExactly("2026-12-03", "2026-12-23", "2027-01-22");
        assertThat(window.getMap("items[0]")).containsEntry("anniversaryDate", "2026-06-01").containsEntry("fastTrackManager", manager)
                .containsEntry("category", "LOW").containsEntry("forecastCategory", "GROWING");
        assertThat(new BigDecimal(window.getString("items[0].forecastUtilization"))).isEqualByComparingTo("0.42");
        assertThat(window.getMap("items[1]")).containsEntry("category", "GROWING").containsEntry("forecastCategory", "NO_USAGE");
        assertThat(new BigDecimal(window.getString("items[1].forecastUtilization"))).isEqualByComparingTo("0");
        assertThat(window.getMap("items[2]")).containsEntry("category", "HEALTHY").containsEntry("forecastCategory", "HEALTHY");

        JsonPath longer = renewals("fastTrackManager=" + manager + "&within=P100D");
        assertThat(longer.getList("items.tenantId")).containsExactly(rising, falling, healthy, later);
        assertThat(longer.getMap("items[3]")).containsEntry("renewalDate", "2027-03-03").containsEntry("category", null)
                .containsEntry("forecastCategory", null).containsEntry("forecastUtilization", null);
        JsonPath secondPage = renewals("fastTrackManager=" + manager + "&size=1&page=1");
        assertThat(secondPage.getList("items.tenantId")).containsExactly(falling);
        assertThat(secondPage.getLong("total")).isEqualTo(3);
        assertThat(renewals("fastTrackManager=" + manager + "&within=P3650D").getLong("total")).isEqualTo(4);

        RenewalAtRisk risingAtRisk = awaitAtRisk(rising, 1).get(0);
        assertThat(risingAtRisk.renewalDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(risingAtRisk.currentCategory()).isEqualTo("LOW");
        assertThat(risingAtRisk.forecastCategory()).isEqualTo("GROWING");
        assertThat(risingAtRisk.targetCategory()).isEqualTo("HEALTHY");
        assertThat(risingAtRisk.forecastUtilization()).isEqualByComparingTo("0.42");
        RenewalAtRisk fallingAtRisk = awaitAtRisk(falling, 1).get(0);
        assertThat(fallingAtRisk.renewalDate()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(fallingAtRisk.currentCategory()).isEqualTo("GROWING");
        assertThat(fallingAtRisk.forecastCategory()).isEqualTo("NO_USAGE");
        // every report and the contract of the healthy customer were applied (its window entry): none is at risk
        assertThat(healthEvents(healthy, RenewalAtRisk.class)).isEmpty();

        // checked again by more usage and by the same contract again: reported already, nothing more
        post(report(rising, "TEAMS", 1000, 310, D3.plusDays(1)));
        awaitHealth(rising, D3.plusDays(1), "0.31");
        putContract(rising, TODAY.plusDays(10), LocalDate.of(2026, 6, 1));
        // a new renewal date is a new renewal, at risk as well
        putContract(rising, TODAY.plusDays(20), LocalDate.of(2026, 6, 1));
        List<RenewalAtRisk> perDate = awaitAtRisk(rising, 2);
        assertThat(perDate).extracting(RenewalAtRisk::renewalDate).containsExactly(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 13));
        assertThat(healthEvents(falling, RenewalAtRisk.class)).hasSize(1);
    }

    @Test
    void aBadWindowOrContractIsRefusedNamingEachField() {
        given().when().get("/renewals?within=ninety&size=0").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.find { it.field == 'within' }.message", equalTo("must be an ISO-8601 period like P90D"))
                .body("violations.find { it.field == 'size' }.message", equalTo("must be a whole number from 1 to 200"));
        for (String within : List.of("P3651D", "P-1D", "P11Y")) {
            given().when().get("/renewals?within=" + within).then().statusCode(400)
                    .body("violations[0].field", equalTo("within"))
                    .body("violations[0].message", equalTo("must be a period from P0D to P3650D"));
        }
        given().contentType(ContentType.JSON).body(Map.of("renewalDate", "soon", "anniversaryDate", 12, "term", "P1Y"))
                .when().put("/customers/{t}/contract", "contract-bad-" + UUID.randomUUID())
                .then().statusCode(400)
                .body("violations.size()", equalTo(3))
                .body("violations.find { it.field == 'renewalDate' }.message", equalTo("must be a date (yyyy-MM-dd)"))
                .body("violations.find { it.field == 'anniversaryDate' }.message", equalTo("must be a date (yyyy-MM-dd) in a string"))
                .body("violations.find { it.field == 'term' }.message", equalTo("unknown field"));
        given().contentType(ContentType.JSON).body(Map.of("anniversaryDate", "2026-06-01"))
                .when().put("/customers/{t}/contract", "contract-bad-" + UUID.randomUUID())
                .then().statusCode(400).body("violations[0].field", equalTo("renewalDate"))
                .body("violations[0].message", equalTo("is required"));
    }

    private static JsonPath renewals(String query) {
        return given().when().get("/renewals?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<RenewalAtRisk> awaitAtRisk(String tenant, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> healthEvents(tenant, RenewalAtRisk.class), found -> found.size() >= count);
    }
}
