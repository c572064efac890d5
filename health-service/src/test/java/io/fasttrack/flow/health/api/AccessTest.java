package io.fasttrack.flow.health.api;

import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.health.HealthApi;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Role boundaries with real signed tokens: submitters report usage, readers and managers read health, managers the portfolio. */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class AccessTest {

    @Test
    void usageNeedsASubmitter() {
        Object report = HealthApi.report("tenant-" + UUID.randomUUID(), "TEAMS", 100, 50, LocalDate.of(2026, 10, 1));
        Access.refusesUnauthenticated("POST", "/usage", report);
        Access.forbids("POST", "/usage", report, "reader", "architect", "manager");
        call(Tokens.forRoles("submitter"), "POST", "/usage", report).statusCode(202);
    }

    @Test
    void customerHealthIsForReadersAndManagers() {
        String path = "/customers/tenant-" + UUID.randomUUID() + "/health";
        Access.refusesUnauthenticated("GET", path, null);
        Access.forbids("GET", path, null, "submitter", "architect");
        for (String role : List.of("reader", "manager")) {
            assertThat(call(Tokens.forRoles(role), "GET", path, null).extract().statusCode()).as(role).isEqualTo(404);
        }
    }

    @Test
    void portfolioIsForManagers() {
        Access.refusesUnauthenticated("GET", "/portfolio?groupBy=region", null);
        Access.forbids("GET", "/portfolio?groupBy=region", null, "reader", "submitter", "architect");
        call(Tokens.forRoles("manager"), "GET", "/portfolio?groupBy=region", null).statusCode(200);
    }
}
