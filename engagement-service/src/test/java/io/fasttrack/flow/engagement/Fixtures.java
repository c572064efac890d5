package io.fasttrack.flow.engagement;

import static io.restassured.RestAssured.given;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.kafka.EventSerializer;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Builders for the events and requests the tests send; every id is unique, as the broker keeps history. */
public final class Fixtures {

    public static final String ASSIGNMENTS = Topic.ASSIGNMENTS.defaultName();
    public static final String ENGAGEMENTS = Topic.ENGAGEMENTS.defaultName();
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ArchitectRef architect(String id, String teamManager) {
        return new ArchitectRef(id, "Architect " + id, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, teamManager);
    }

    /** A request of the type, routed to its queue, with a requestor and a two-person account team of its own. */
    public static RequestSnapshot request(String requestId, String tenantId, RequestType type, boolean engageBeforeLicense,
            String fundingUsd, List<Workload> workloads) {
        RequestQueue queue = switch (type) {
            case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW, MIGRATION_EXCEPTION -> RequestQueue.FTA;
            default -> RequestQueue.FTCHELP;
        };
        return new RequestSnapshot(requestId, type, queue, new Customer(tenantId, "Customer " + tenantId, Segment.S500, false),
                Region.EMEA, "Europe/Berlin", new Contact("Requestor", requestorOf(requestId)),
                List.of(atuOf(requestId), "csu-" + requestId + "@example.com"), workloads, false, engageBeforeLicense,
                fundingUsd == null ? null : new BigDecimal(fundingUsd), Instant.now());
    }

    public static String requestorOf(String requestId) {
        return "seller-" + requestId + "@example.com";
    }

    public static String atuOf(String requestId) {
        return "atu-" + requestId + "@example.com";
    }

    public static EventEnvelope<FtaAssigned> assigned(RequestSnapshot request, ArchitectRef architect, String reassignedFrom,
            Instant assignedAt) {
        FtaAssigned data = new FtaAssigned(request.requestId(), request.customer().tenantId(), architect, request, 1,
                assignedAt.plus(Duration.ofDays(2)), assignedAt, reassignedFrom == null ? "BALANCE" : "MANAGER", List.of(),
                reassignedFrom, null, null, null);
        return EventEnvelope.of(assignedAt, "assignment-service", request.requestId(), null, data);
    }

    public static void publish(EventEnvelope<?> envelope) {
        new EventStreams().publish(ASSIGNMENTS, envelope);
    }

    /**
     * Publishes the events to the topic with one producer at once, so they travel in one record batch and the
     * service reads them in one poll.
     */
    public static void publishTogether(String topic, List<? extends EventEnvelope<?>> envelopes) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "100"), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = envelopes.stream().map(envelope -> {
                ProducerRecord<String, byte[]> headersOnly = new ProducerRecord<>(topic, envelope.subject(), null);
                byte[] value = new EventSerializer().serialize(topic, headersOnly.headers(), envelope);
                return producer.send(new ProducerRecord<>(topic, null, envelope.subject(), value, headersOnly.headers()));
            }).toList();
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    /**
     * Waits until the address got at least {@code count} mails and returns them all: a notification is mailed just
     * after its assignment committed, a moment after the engagement is visible.
     */
    public static List<Mail> awaitMails(MockMailbox mailbox, String address, int count) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(address), mails -> mails.size() >= count);
    }

    public static String engagementId(String requestId) {
        return "eng-" + requestId;
    }

    /** Waits until GET /engagements/{id} answers 200 and returns that answer. */
    public static ValidatableResponse awaitEngagement(String engagementId) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/engagements/{id}", engagementId).statusCode() == 200);
        return given().get("/engagements/{id}", engagementId).then().statusCode(200);
    }

    /** Waits until GET /engagements/{id} with the bearer token answers 200 and returns that answer. */
    public static ValidatableResponse awaitEngagement(String engagementId, String token) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> Access.call(token, "GET", "/engagements/" + engagementId, null).extract().statusCode() == 200);
        return Access.call(token, "GET", "/engagements/" + engagementId, null).statusCode(200);
    }

    /** Every event on the engagements topic about the engagement, with the record that carried it. */
    public static List<ConsumerRecord<String, byte[]>> engagementRecords(String engagementId) {
        return new EventStreams().records(ENGAGEMENTS).stream()
                .filter(record -> EventStreams.value(record) != null
                        && EventStreams.value(record).contains("\"engagementId\":\"" + engagementId + "\""))
                .toList();
    }

    public static <D extends EventData> List<D> engagementEvents(String engagementId, Class<D> type) {
        return new EventStreams().events(ENGAGEMENTS, type).stream()
                .filter(data -> engagementId.equals(engagementIdOf(data))).toList();
    }

    private static String engagementIdOf(EventData data) {
        try {
            return (String) data.getClass().getMethod("engagementId").invoke(data);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
