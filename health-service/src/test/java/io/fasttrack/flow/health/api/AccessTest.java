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
import io.fasttrack.flow.health.HealthApi;
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
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Role boundaries with real signed tokens: submitters report usage, readers and managers read health, managers the
 * portfolio, readers, architects and managers the alerts, which hold no personal data.
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
