package io.fasttrack.flow.assignment.observability;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.request;
import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.assignment.RosterIsolatedTest;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.kafka.EventSerializer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of tracing: a RequestSubmitted that arrives with a W3C {@code traceparent} header is
 * decided inside that trace, so the FtaAssigned it causes carries the same trace id (a new span of it).
 */
@QuarkusTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class AssignmentTracingTest extends RosterIsolatedTest {

    @Inject
    Clock clock;

    @Test
    void theDecisionContinuesTheTraceOfTheRequestThatCausedIt() throws Exception {
        Fixtures.register(architect(unique("fta"), "FTCHELP", "EMEA", 10, List.of()));
        RequestSubmitted submitted = request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT, Region.EMEA,
                false, clock.instant());
        String traceId = hex(16);
        String producerSpan = hex(8);

        publishWithTrace(Fixtures.envelope(submitted), "00-" + traceId + "-" + producerSpan + "-01");

        fixtures.awaitAssigned(submitted.requestId());
        ConsumerRecord<String, byte[]> decision = fixtures.streams.awaitRecord(topic("assignments"),
                r -> EventStreams.value(r).contains(submitted.requestId()), Fixtures.PATIENCE);
        String traceparent = EventStreams.header(decision, "traceparent");
        assertThat(traceparent).as("traceparent of the FtaAssigned record").isNotNull();
        assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(traceId);
        assertThat(traceparent.split("-")[2]).as("a span of the assignment service").isNotEqualTo(producerSpan);
    }

    private static void publishWithTrace(EventEnvelope<RequestSubmitted> envelope, String traceparent) throws Exception {
        String topic = topic("requests");
        ProducerRecord<String, byte[]> shell = new ProducerRecord<>(topic, envelope.subject(), null);
        byte[] value = new EventSerializer().serialize(topic, shell.headers(), envelope);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, envelope.subject(), value, shell.headers());
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (random[0] == 0);
        return HexFormat.of().formatHex(random);
    }
}
