package io.fasttrack.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.system.LocalStack.Service;
import io.fasttrack.flow.testing.EventStreams;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crashes and outages while requests stream in: each service killed with SIGKILL and restarted, the
 * broker stopped and restarted. Afterwards every accepted request is assigned or queued exactly once,
 * no architect is over capacity, and nothing accepted is lost. Also: events delivered twice change
 * nothing, and garbage on every input topic is dead-lettered while processing goes on. Alignment
 * architects are used only by this test class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int CAPACITY = 6;
    private static final int REQUESTS_PER_PHASE = 6;

    private final LocalStack stack = LocalStack.running();
    private final Api api = new Api(stack);
    private final EventStreams topics = new EventStreams(stack.kafkaBootstrap());

    @Test
    @Order(1)
    void everyAcceptedRequestEndsAssignedOrQueuedExactlyOnceThroughCrashesAndABrokerOutage() {
        List<String> architects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = Api.unique("fta-fault");
            api.registerArchitect(id, "ALIGNMENT_FTA", "AMER", CAPACITY).then().statusCode(201);
            architects.add(id);
        }
        architects.forEach(id -> Awaitility.await().atMost(PATIENCE).until(() -> api.architect(id).statusCode() == 200));

        Stream stream = new Stream();
        for (Service victim : Service.values()) {
            stream.send(REQUESTS_PER_PHASE);
            stack.kill(victim);
            stream.send(REQUESTS_PER_PHASE);
            stack.start();
        }

        // a graceful stop (SIGTERM, as a rolling update does) of the two deciding services while requests keep
        // coming until both are down: what they had in flight must come again after the restart, not go to a
        // dead-letter topic
        CompletableFuture<Void> rollingUpdate = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> stack.stopGracefully(Service.ASSIGNMENT)),
                CompletableFuture.runAsync(() -> stack.stopGracefully(Service.ENGAGEMENT)));
        while (!rollingUpdate.isDone()) {
            stream.send(1);
        }
        rollingUpdate.join();
        stack.start();

        stream.send(REQUESTS_PER_PHASE);
        stack.stopBroker();
        long before = System.nanoTime();
        Response whileDown = api.submit(Api.migrationException(Api.unique("fault-outage")));
        long waitedMs = (System.nanoTime() - before) / 1_000_000;
        stream.sent++;
        assertThat(whileDown.statusCode()).as("answer while the broker is down").isEqualTo(503);
        assertThat(whileDown.contentType()).startsWith("application/problem+json");
        assertThat(waitedMs).as("a refusal, not a hang").isLessThan(15_000);
        stack.start();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> stream.send(1) == 1);
        stream.send(REQUESTS_PER_PHASE);

        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> stream.accepted.stream()
                .map(api::requestStatus)
                .noneMatch(status -> status == null || "SUBMITTED".equals(status)));
        Map<String, String> statuses = stream.accepted.stream().collect(Collectors.toMap(id -> id,
                id -> Objects.requireNonNullElse(api.requestStatus(id), "NOT SHOWN")));
        long assigned = statuses.values().stream().filter(s -> Set.of("ASSIGNED", "IN_PROGRESS").contains(s)).count();
        Awaitility.await("an engagement opened for every assigned request").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).until(() -> statuses.entrySet().stream()
                        .filter(entry -> !"QUEUED".equals(entry.getValue()))
                        .allMatch(entry -> "IN_PROGRESS".equals(api.requestStatus(entry.getKey()))));
        long queued = statuses.values().stream().filter("QUEUED"::equals).count();

        Map<String, Long> decisionsPerRequest = topics.events(Topic.ASSIGNMENTS.defaultName(), FtaAssigned.class).stream()
                .filter(event -> stream.accepted.contains(event.requestId()) && event.reassignedFrom() == null)
                .collect(Collectors.groupingBy(FtaAssigned::requestId, Collectors.counting()));
        long distinctDecisionEvents = topics.events(Topic.ASSIGNMENTS.defaultName()).stream()
                .filter(e -> e.data() instanceof FtaAssigned a && stream.accepted.contains(a.requestId()))
                .map(e -> e.eventId()).distinct().count();
        long duplicated = decisionsPerRequest.values().stream().filter(count -> count > 1).count();
        long lost = stream.accepted.size() - assigned - queued;

        System.out.printf("fault figures: sent %d, accepted %d, refused %d, assigned %d, queued %d, lost %d, "
                        + "duplicated %d (FtaAssigned events %d, distinct ids %d); 503 after %d ms while the broker was down%n",
                stream.sent, stream.accepted.size(), stream.refused, assigned, queued, lost, duplicated,
                decisionsPerRequest.values().stream().mapToLong(Long::longValue).sum(), distinctDecisionEvents, waitedMs);

        assertThat(lost).isZero();
        assertThat(duplicated).as("distinct decisions for one request").isZero();
        assertThat(decisionsPerRequest.keySet()).hasSize((int) assigned);
        assertThat(assigned).as("assigned, all four architects full").isEqualTo(4L * CAPACITY / 2);
        for (String architect : architects) {
            Response view = api.architect(architect);
            assertThat(view.<Integer>path("load")).isLessThanOrEqualTo(view.<Integer>path("capacity"));
        }
    }

    @Test
    @Order(2)
    void theSameEventsDeliveredTwiceChangeNothing() {
        api.registerArchitect(Api.unique("help-twice"), "FTCHELP", "APAC", 5).then().statusCode(201);
        String tenant = Api.unique("twice");
        String requestId = api.submit(Api.landBenefit(tenant)).then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(api.request(requestId).path("status")));
        String architect = api.request(requestId).path("architectId");
        int loadBefore = api.architect(architect).path("load");

        for (Topic topic : List.of(Topic.REQUESTS, Topic.ASSIGNMENTS, Topic.ENGAGEMENTS)) {
            for (ConsumerRecord<String, byte[]> record : topics.records(topic.defaultName())) {
                if (tenant.equals(record.key())) {
                    topics.publish(topic.defaultName(), EventCodec.decode(record.value()));
                }
            }
        }
        // a later request of the same customer shares the partitions: once it is through, so are the copies
        String marker = api.submit(Api.landBenefit(tenant)).then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(api.request(marker).path("status")));

        assertThat(topics.events(Topic.ASSIGNMENTS.defaultName(), FtaAssigned.class).stream()
                .filter(a -> a.requestId().equals(requestId)).map(FtaAssigned::architect).distinct()).hasSize(1);
        assertThat(topics.events(Topic.ENGAGEMENTS.defaultName()).stream()
                .filter(e -> e.data() instanceof EngagementOpened opened && opened.requestId().equals(requestId))
                .map(e -> e.eventId()).distinct()).as("engagements opened for the request").hasSize(1);
        assertThat(api.request(requestId).<String>path("status")).isEqualTo("IN_PROGRESS");
        int markerWeightHere = architect.equals(api.request(marker).path("architectId")) ? 1 : 0;
        assertThat(api.architect(architect).<Integer>path("load")).as("load counts the request once")
                .isEqualTo(loadBefore + markerWeightHere);
        assertThat(api.at(Service.ENGAGEMENT).queryParam("tenantId", tenant).get("/engagements").<Integer>path("total"))
                .isEqualTo(2);
    }

    @Test
    @Order(3)
    void garbageOnEveryInputTopicIsDeadLetteredAndProcessingGoesOn() {
        String marker = UUID.randomUUID().toString();
        List<Topic> inputs = List.of(Topic.REQUESTS, Topic.ASSIGNMENTS, Topic.ROSTER, Topic.ENGAGEMENTS, Topic.USAGE);
        for (Topic topic : inputs) {
            topics.publishRaw(topic.defaultName(), "garbage-" + marker, "this is not an event " + marker);
        }

        String architect = Api.unique("help-after-garbage");
        api.registerArchitect(architect, "FTCHELP", "APAC", 5).then().statusCode(201);
        String requestId = api.submit(Api.landBenefit(Api.unique("after-garbage"))).then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(api.request(requestId).path("status")));

        for (Topic topic : inputs) {
            ConsumerRecord<String, byte[]> dead = topics.awaitRecord(topic.defaultDeadLetterName(),
                    record -> EventStreams.value(record) != null && EventStreams.value(record).contains(marker), PATIENCE);
            assertThat(EventStreams.header(dead, "dead-letter-reason")).as("reason on %s", topic).isNotBlank();
        }
    }

    /** Submits requests one after another, counting what was accepted; a refusal (crash, outage) is not an error. */
    private final class Stream {
        final List<String> accepted = new ArrayList<>();
        int sent;
        int refused;

        /** Returns how many of them were accepted. */
        int send(int count) {
            int acceptedBefore = accepted.size();
            for (int i = 0; i < count; i++) {
                sent++;
                try {
                    Response answer = api.submit(Api.migrationException(Api.unique("fault")));
                    if (answer.statusCode() == 202) {
                        accepted.add(answer.path("id"));
                    } else {
                        refused++;
                    }
                } catch (Exception connectionRefused) {
                    // RestAssured rethrows java.net.ConnectException unchecked while the service is down
                    refused++;
                }
            }
            return accepted.size() - acceptedBefore;
        }
    }
}
