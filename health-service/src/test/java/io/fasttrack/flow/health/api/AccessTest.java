package io.fasttrack.flow.health.api;

import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.HealthApi;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Role boundaries with real signed tokens: submitters report usage, readers and managers read health, managers
 * assign owners, record contracts and read the portfolio, readers, architects and managers list renewals and
 * alerts; a reader sees no personal data.
 */
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
    void ownersAndContractsAreForManagers() {
        String tenant = "tenant-" + UUID.randomUUID();
        Map<String, String> owner = Map.of("fastTrackManager", "ftm-access");
        Map<String, String> contract = Map.of("renewalDate", "2027-01-31");
        for (var call : List.of(Map.entry("/customers/" + tenant + "/owner", owner), Map.entry("/customers/" + tenant + "/contract", contract))) {
            Access.refusesUnauthenticated("PUT", call.getKey(), call.getValue());
            Access.forbids("PUT", call.getKey(), call.getValue(), "reader", "submitter", "architect");
            call(Tokens.forRoles("manager"), "PUT", call.getKey(), call.getValue()).statusCode(200);
        }
    }

    @Test
    void renewalsAreForReadersArchitectsAndManagers() {
        Access.refusesUnauthenticated("GET", "/renewals", null);
        Access.forbids("GET", "/renewals", null, "submitter");
        for (String role : List.of("reader", "architect", "manager")) {
            assertThat(call(Tokens.forRoles(role), "GET", "/renewals?within=P30D", null).extract().statusCode()).as(role).isEqualTo(200);
        }
    }

    /**
     * A customer whose request named a requestor and an account team, with an owner, usage, a FastTrack Manager and
     * a contract: what a reader is answered holds no name or address of a person (no '@' at all), yet the customer's
     * health, what it takes to move up and the renewal are there.
     */
    @Test
    void aReaderSeesNoPersonalDataInAnyHealthAnswer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "private-" + run;
        String manager = "ftm-private-" + run;
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        RequestSnapshot request = new RequestSnapshot("req-" + tenant, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Private Ltd", Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Petra Requestor", "petra.requestor@example.com"), List.of("account.team@example.com"),
                List.of(Workload.TEAMS), false, false, null, at.minusSeconds(600));
        new EventStreams().publish(HealthApi.ASSIGNMENTS_TOPIC, EventEnvelope.of(at, "test", request.requestId(), null,
                new FtaAssigned(request.requestId(), tenant, new ArchitectRef("fta-private-" + run, "Ada", ArchitectRole.ALIGNMENT_FTA,
                        Region.EMEA, "tm-private"), request, 1, at.plusSeconds(86_400), at, "FIT", List.of(), null, null, null, null)));
        LocalDate day = LocalDate.of(2026, 11, 1);
        call(Tokens.forRoles("submitter"), "POST", "/usage", List.of(HealthApi.report(tenant, "TEAMS", 100, 10, day),
                HealthApi.report(tenant, "TEAMS", 100, 20, day.plusDays(5)), HealthApi.report(tenant, "TEAMS", 100, 30, day.plusDays(10))))
                .statusCode(202);
        String managerToken = Tokens.of("boss@example.com", "manager");
        call(managerToken, "PUT", "/customers/" + tenant + "/owner", Map.of("fastTrackManager", manager)).statusCode(200);
        call(managerToken, "PUT", "/customers/" + tenant + "/contract", Map.of("renewalDate", "2026-12-31")).statusCode(200);

        String reader = Tokens.forRoles("reader");
        String health = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> call(reader, "GET", "/customers/" + tenant + "/health", null).extract().asString(),
                        body -> body.contains("\"owner\":{") && body.contains(manager) && body.contains("2026-12-31")
                                && body.contains("\"asOf\":\"2026-11-11\""));
        assertThat(health).contains("activeUsersForNextCategory").doesNotContain("@", "Petra");
        String renewals = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> call(reader, "GET", "/renewals?fastTrackManager=" + manager, null).extract().asString(),
                        body -> body.contains(tenant));
        assertThat(renewals).contains("forecastCategory").doesNotContain("@", "Petra");
    }

    @Test
    void portfolioIsForManagers() {
        Access.refusesUnauthenticated("GET", "/portfolio?groupBy=region", null);
        Access.forbids("GET", "/portfolio?groupBy=region", null, "reader", "submitter", "architect");
        call(Tokens.forRoles("manager"), "GET", "/portfolio?groupBy=region", null).statusCode(200);
    }

    @Test
    void alertsAreForReadersArchitectsAndManagersAndHoldNoPersonalData() {
        String tenant = "private-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        EventStreams streams = new EventStreams();
        ArchitectRef architect = new ArchitectRef("fta-" + tenant, "Ana Architect", ArchitectRole.ALIGNMENT_FTA, Region.EMEA,
                "tm-" + tenant);
        RequestSnapshot request = new RequestSnapshot("req-" + tenant, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Private Customer", Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Requesting Seller", "seller@example.com"), List.of("atu@example.com"), List.of(), false, false,
                null, at);
        streams.publish(HealthApi.ASSIGNMENTS_TOPIC, EventEnvelope.of(at, "test", "req-" + tenant, null, new FtaAssigned(
                "req-" + tenant, tenant, architect, request, 1, at.plusSeconds(3600), at, "FIT", List.of(), null, null, null, null)));
        streams.publish(HealthApi.ENGAGEMENTS_TOPIC, EventEnvelope.of(at, "test", null, null, new EscalationRaised("eng-1",
                "esc-1", "req-" + tenant, tenant, "fta-" + tenant, EscalationSeverity.HIGH, "Requesting Seller is unreachable",
                "Pat Owner", "fta-" + tenant, at.plusSeconds(60))));
        String path = "/alerts?teamManager=tm-" + tenant;
        Access.refusesUnauthenticated("GET", path, null);
        Access.forbids("GET", path, null, "submitter");

        String answer = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> call(Tokens.forRoles("reader"), "GET", path, null).statusCode(200).extract().asString(),
                body -> body.contains("esc-1"));
        for (String personal : List.of("Requesting Seller", "seller@example.com", "atu@example.com", "Pat Owner",
                "Ana Architect", "Private Customer")) {
            assertThat(answer).as("a reader's alerts").doesNotContain(personal);
        }
        for (String role : List.of("architect", "manager")) {
            assertThat(call(Tokens.forRoles(role), "GET", path, null).statusCode(200).extract().jsonPath().getList("items.concern"))
                    .as(role).containsExactly("esc-1");
        }
    }
}
