package io.fasttrack.flow.assignment.messaging;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.assignment.RosterIsolatedTest;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A placeholder tenant identified as a real one keeps its architect (rule 2): the identification is an input, folded at
 * the same point by the live decider, by verify, by "why not" and by a balancer rebuilt from the database.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "tm-lukas", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class TenantContinuityTest extends RosterIsolatedTest {

    @Inject
    DecisionGate gate;

    @Inject
    ProcessedEvents processed;

    @Inject
    Clock clock;

    @Test
    void theRealTenantsNextRequestGoesToThePlaceholdersArchitectOnContinuity() {
        Instant start = clock.instant();
        String first = unique("a");
        String second = unique("b");
        Fixtures.register(architect(first, "ALIGNMENT_FTA", "EMEA", 20, List.of()));
        Fixtures.register(architect(second, "ALIGNMENT_FTA", "EMEA", 20, List.of()));
        String placeholder = "placeholder-" + UUID.randomUUID();
        String tenant = unique("contoso");

        // both idle: the lower id takes the placeholder's workshop
        FtaAssigned discovery = submitAndAwait(placeholder);
        assertThat(discovery.architect().id()).isEqualTo(first);
        assertThat(Fixtures.load(first)).isEqualTo(3);

        identify(placeholder, tenant);

        // the other architect is idle and would win on load; the placeholder's architect has its engagement
        FtaAssigned next = submitAndAwait(tenant);
        assertThat(next.architect().id()).isEqualTo(first);
        assertThat(next.decidingRule()).isEqualTo("CONTINUITY");
        assertThat(next.candidates().get(0).continuity()).isTrue();
        given().get("/assignments/" + next.requestId() + "/candidates/" + second).then().statusCode(200)
                .body("comparison.verdict", equalTo("LOST")).body("comparison.rankingRule", equalTo("CONTINUITY"))
                .body("comparison.architect.utilizationAfter", equalTo(0.15f))
                .body("comparison.winner.continuity", equalTo(true));

        Awaitility.await().atMost(Fixtures.PATIENCE).untilAsserted(() -> given().contentType(ContentType.JSON)
                .body(Map.of("from", start.toString())).post("/assignments/verify").then().statusCode(200)
                .body("decisions", equalTo(2)).body("matching", equalTo(2)).body("mismatchCount", equalTo(0)));

        // rebuilt from the database, the balancer knows the identity: the tenant and the placeholder both stay with it
        gate.load();
        for (String named : List.of(tenant, placeholder)) {
            FtaAssigned afterRebuild = submitAndAwait(named);
            assertThat(afterRebuild.architect().id()).as(named).isEqualTo(first);
            assertThat(afterRebuild.decidingRule()).isEqualTo("CONTINUITY");
        }
        assertThat(Fixtures.load(first)).isEqualTo(12);
        assertThat(Fixtures.load(second)).isZero();
        Awaitility.await().atMost(Fixtures.PATIENCE).untilAsserted(() -> given().contentType(ContentType.JSON)
                .body(Map.of("from", start.toString())).post("/assignments/verify").then().statusCode(200)
                .body("decisions", equalTo(4)).body("mismatchCount", equalTo(0)));
    }

    @Test
    void aPlaceholderIdentifiedAgainAsAnotherTenantKeepsItsFirstIdentity() {
        String only = unique("a");
        Fixtures.register(architect(only, "ALIGNMENT_FTA", "EMEA", 20, List.of()));
        String helper = unique("b");
        Fixtures.register(architect(helper, "ALIGNMENT_FTA", "EMEA", 20, List.of()));
        String placeholder = "placeholder-" + UUID.randomUUID();
        assertThat(submitAndAwait(placeholder).architect().id()).isEqualTo(only);
        String tenant = unique("contoso");
        String other = unique("fabrikam");

        identify(placeholder, tenant);
        identify(placeholder, other);

        FtaAssigned others = submitAndAwait(other);
        assertThat(others.architect().id()).isEqualTo(helper);
        assertThat(others.decidingRule()).isEqualTo("BALANCE");
    }

    private FtaAssigned submitAndAwait(String tenantId) {
        RequestSubmitted submitted = request(unique("req"), tenantId, RequestType.DISCOVERY_WORKSHOP, Region.EMEA, false,
                clock.instant());
        fixtures.submit(submitted);
        return fixtures.awaitAssigned(submitted.requestId());
    }

    /** As intake publishes it, keyed by the placeholder; returns once the balancer applied it. */
    private void identify(String placeholder, String tenant) {
        EventEnvelope<TenantIdentified> identified = EventEnvelope.of(clock.instant(), "intake-service", null, null,
                new TenantIdentified(placeholder, tenant, "tm-lukas", clock.instant()));
        fixtures.streams.publish(topic("requests"), identified);
        Awaitility.await().atMost(Fixtures.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> processed.alreadyApplied(List.of(identified.eventId())).contains(identified.eventId())));
    }
}
