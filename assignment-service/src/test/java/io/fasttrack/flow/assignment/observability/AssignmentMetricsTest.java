package io.fasttrack.flow.assignment.observability;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.assignment.RosterIsolatedTest;
import io.fasttrack.flow.assignment.TestClock;
import io.fasttrack.flow.assignment.messaging.SlaWatch;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assignment metrics move when the thing they count happens, seen on /q/metrics as an operator sees them. */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class AssignmentMetricsTest extends RosterIsolatedTest {

    private static final String DECISIONS = "fasttrack_assignment_decisions_total";
    private static final String QUEUE_LENGTH = "fasttrack_assignment_queue_length";
    private static final String BREACHES = "fasttrack_assignment_sla_breaches_total";

    @Inject
    SlaWatch watch;

    @Inject
    Clock clock;

    @Test
    void anAssignmentCountsItsDecidingRule() {
        double onlyEligible = PrometheusScrape.value(DECISIONS, "rule=\"ONLY_ELIGIBLE\"");
        Fixtures.register(architect(unique("fta"), "ALIGNMENT_FTA", "EMEA", 10, List.of("TEAMS")));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.DISCOVERY_WORKSHOP, Region.EMEA,
                false, clock.instant(), Workload.TEAMS);

        fixtures.submit(submitted);

        assertThat(fixtures.awaitAssigned(submitted.requestId()).decidingRule()).isEqualTo("ONLY_ELIGIBLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PrometheusScrape.value(DECISIONS, "rule=\"ONLY_ELIGIBLE\"")).isEqualTo(onlyEligible + 1));
    }

    @Test
    void aWaitingRequestRaisesTheQueueLengthAndItsBreachIsCountedOnce() {
        double queued = PrometheusScrape.value(DECISIONS, "rule=\"QUEUE\"");
        double breaches = PrometheusScrape.value(BREACHES);
        assertThat(PrometheusScrape.value(QUEUE_LENGTH)).isZero();
        // Monday 09:00 Berlin: deadline Wednesday 09:00 Berlin; nobody of the role is available
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.ENGAGE_BEFORE_LICENSE, Region.EMEA,
                false, Instant.parse("2026-11-02T08:00:00Z"));

        fixtures.submit(submitted);

        fixtures.awaitQueued(submitted.requestId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(PrometheusScrape.value(QUEUE_LENGTH)).isEqualTo(1);
            assertThat(PrometheusScrape.value(DECISIONS, "rule=\"QUEUE\"")).isEqualTo(queued + 1);
        });

        TestClock.CLOCK.set(Instant.parse("2026-11-04T08:00:00Z"));
        watch.checkSla();
        watch.checkSla();
        fixtures.streams.await(topic("assignments"), AssignmentSlaBreached.class,
                b -> b.requestId().equals(submitted.requestId()), 1, Fixtures.PATIENCE);
        assertThat(PrometheusScrape.value(BREACHES)).isEqualTo(breaches + 1);
    }

    @Test
    void aDeadLetterIsCountedAsASendOfTheDeadLetterProducer() {
        // the dead-letter producer of the channel: client id kafka-dead-letter-topic-producer-<consumer client id>
        String deadLetterProducer = "client_id=\"kafka-dead-letter-topic-producer-kafka-consumer-events-in\"";
        double before = PrometheusScrape.value("kafka_producer_record_send_total", deadLetterProducer);
        String key = unique("garbage");

        fixtures.streams.publishRaw(topic("requests"), key, "{not json");

        fixtures.streams.awaitRecord(topic("requests") + ".dlq", r -> key.equals(r.key()), Fixtures.PATIENCE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusScrape.value(
                "kafka_producer_record_send_total", deadLetterProducer)).isEqualTo(before + 1));
    }
}
