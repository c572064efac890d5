package io.fasttrack.flow.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.system.LocalStack.AnotherInstance;
import io.fasttrack.flow.system.LocalStack.Service;
import io.fasttrack.flow.testing.EventStreams;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two assignment-service processes on the same broker and the same PostgreSQL database (the PostgreSQL suite only:
 * an H2 database lives inside its one process): exactly one decides. A second process started beside the stack's
 * own is live but not ready and joins no consumer group; requests flow and the stack's own decides them; it is
 * killed (kill -9); the second takes the lease once it has expired, becomes ready and decides what came meanwhile.
 * Afterwards no architect is over capacity and no request has two different architects on
 * {@code fasttrack.assignments}. The requests go to Alignment architects of the test's own with room for some of
 * them only: two deciders, each with its own view of the load, would overbook them. And a follower stopped with
 * SIGTERM exits at once: its wait for the lease does not hold the shutdown up.
 */
class DeciderFailoverIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    /** {@code fasttrack.assignment.lease.duration}; the follower polls every second and then loads the state. */
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration TAKEOVER = LEASE.plusSeconds(20);
    private static final int ARCHITECTS = 3;
    private static final int CAPACITY = 6;
    /** Migration exceptions weigh 2: 18 units of capacity take 9 of the 14 requests; the others queue. */
    private static final int BEFORE_THE_KILL = 7;
    private static final int AFTER_THE_KILL = 7;
    private static final Set<String> DECIDED = Set.of("ASSIGNED", "IN_PROGRESS", "QUEUED");
    private static final String CONSUMER_GROUP = "assignment-service";
    /** Seconds a follower may take to stop after a SIGTERM: nothing to hand over, no batch in flight. */
    private static final int STOP = 15;

    @BeforeAll
    static void onPostgresOnly() {
        assumeTrue("postgres".equals(LocalStack.configuredDatabase()),
                "the stack runs on H2, a database inside one process: two processes cannot share it");
    }

    private final LocalStack stack = LocalStack.running();
    private final Api api = new Api(stack);
    private final EventStreams topics = new EventStreams(stack.kafkaBootstrap());

    @Test
    void aSecondInstanceWaitsNotReadyAndTakesOverAfterAKillWithoutOverbookingAnyone() throws Exception {
        List<String> architects = new ArrayList<>();
        for (int i = 0; i < ARCHITECTS; i++) {
            String id = Api.unique("fta-failover");
            api.registerArchitect(id, "ALIGNMENT_FTA", "AMER", CAPACITY).then().statusCode(201);
            architects.add(id);
        }
        architects.forEach(id -> Awaitility.await().atMost(PATIENCE).until(() -> api.architect(id).statusCode() == 200));
        int groupMembersBefore = consumerGroupMembers();

        AnotherInstance second = stack.startAnother(Service.ASSIGNMENT);
        try {
            Awaitility.await("the second instance answers HTTP").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> given().baseUri(second.url()).get("/q/health/live").statusCode() == 200);
            List<String> accepted = new ArrayList<>(submit(BEFORE_THE_KILL));
            awaitDecided(accepted);

            Response followerReadiness = readiness(second);
            assertThat(followerReadiness.statusCode()).as("readiness of the follower").isEqualTo(503);
            assertThat(deciderLease(followerReadiness, "status")).isEqualTo("DOWN");
            assertThat(deciderLease(followerReadiness, "data.role")).isEqualTo("FOLLOWING");
            assertThat(given().baseUri(second.url()).get("/q/health/live").statusCode()).as("liveness of the follower")
                    .isEqualTo(200);
            assertThat(consumerGroupMembers()).as("members of the consumer group beside a follower")
                    .isEqualTo(groupMembersBefore);

            stack.kill(Service.ASSIGNMENT);
            long killed = System.nanoTime();
            List<String> acceptedAfterTheKill = submit(AFTER_THE_KILL);
            accepted.addAll(acceptedAfterTheKill);
            Awaitility.await("the second instance ready").atMost(TAKEOVER).pollInterval(Duration.ofMillis(500))
                    .until(() -> readiness(second).statusCode() == 200);
            long readyAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
            awaitDecided(acceptedAfterTheKill);
            long decidedAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);

            List<EventEnvelope<EventData>> decisions = topics.events(Topic.ASSIGNMENTS.defaultName()).stream()
                    .filter(event -> accepted.contains(requestOf(event.data()))).toList();
            Map<String, Set<String>> architectsPerRequest = decisions.stream()
                    .filter(event -> event.data() instanceof FtaAssigned)
                    .map(event -> (FtaAssigned) event.data())
                    .collect(Collectors.groupingBy(FtaAssigned::requestId,
                            Collectors.mapping(assigned -> assigned.architect().id(), Collectors.toSet())));
            Map<String, Set<UUID>> decisionIdsPerRequest = decisions.stream().collect(Collectors.groupingBy(
                    event -> requestOf(event.data()), Collectors.mapping(EventEnvelope::eventId, Collectors.toSet())));
            Map<String, Integer> bookedPerArchitect = new HashMap<>();
            decisions.stream().filter(event -> event.data() instanceof FtaAssigned).map(event -> (FtaAssigned) event.data())
                    .collect(Collectors.toMap(FtaAssigned::requestId, assigned -> assigned, (first, copy) -> first))
                    .values().forEach(assigned -> bookedPerArchitect.merge(assigned.architect().id(), assigned.weight(),
                            Integer::sum));

            System.out.printf("decider failover figures: %d requests (%d after the kill), %d assigned, %d queued; the "
                            + "second instance ready %d s after the kill of the first, every request decided after %d s%n",
                    accepted.size(), acceptedAfterTheKill.size(), architectsPerRequest.size(),
                    accepted.size() - architectsPerRequest.size(), readyAfter, decidedAfter);
            assertThat(Files.readString(second.log())).as("log of the second instance").contains(" decides");
            assertThat(decisionIdsPerRequest.keySet()).as("requests with a decision").containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(decisionIdsPerRequest).as("decision event ids per request").allSatisfy(
                    (request, ids) -> assertThat(ids).as(request).hasSize(1));
            assertThat(architectsPerRequest).as("architects per request").allSatisfy(
                    (request, assignedTo) -> assertThat(assignedTo).as(request).hasSize(1));
            assertThat(bookedPerArchitect).as("weight booked per architect on the topic").allSatisfy(
                    (architect, booked) -> assertThat(booked).as(architect).isLessThanOrEqualTo(capacityOf(second, architect)));
            for (String architect : bookedPerArchitect.keySet()) {
                Response view = api.at(Service.ASSIGNMENT).baseUri(second.url()).get("/architects/{id}", architect);
                assertThat(view.<Integer>path("load")).as("load of " + architect).isLessThanOrEqualTo(view.<Integer>path("capacity"));
            }
        } finally {
            // the follower's lease goes back at once (released at SIGTERM): the stack's own instance decides again
            second.stopGracefully();
            stack.start();
        }
    }

    @Test
    void aFollowerStopsAtOnceOnSigterm() throws Exception {
        try (AnotherInstance follower = stack.startAnother(Service.ASSIGNMENT)) {
            Awaitility.await("the follower answers HTTP").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> deciderLease(readiness(follower), "data.role") != null);
            assertThat(deciderLease(readiness(follower), "data.role")).isEqualTo("FOLLOWING");

            long stopping = System.nanoTime();
            follower.process().destroy();
            assertThat(follower.process().waitFor(STOP, TimeUnit.SECONDS)).as("stopped within %d s of its SIGTERM", STOP)
                    .isTrue();
            System.out.printf("a following instance stopped %d ms after its SIGTERM%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
            assertThat(Files.readString(follower.log())).as("log of the follower").contains("follows, not ready")
                    .doesNotContain("loading the state");
        }
        assertThat(readiness(stack.url(Service.ASSIGNMENT)).statusCode()).as("the stack's own instance, still deciding")
                .isEqualTo(200);
    }

    /** Submits requests one after another; answers the ids of those accepted (all of them, intake stays up). */
    private List<String> submit(int count) {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accepted.add(api.submit(Api.migrationException(Api.unique("failover"))).then().statusCode(202)
                    .extract().path("id"));
        }
        return accepted;
    }

    private void awaitDecided(List<String> requests) {
        Set<String> undecided = new HashSet<>(requests);
        Awaitility.await("every request assigned or queued").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    undecided.removeIf(id -> DECIDED.contains(api.requestStatus(id)));
                    assertThat(undecided).as("requests not decided").isEmpty();
                });
    }

    private static Response readiness(AnotherInstance instance) {
        return readiness(instance.url());
    }

    private static Response readiness(String url) {
        return given().baseUri(url).get("/q/health/ready");
    }

    private static String deciderLease(Response readiness, String field) {
        return readiness.path("checks.find { it.name == 'decider-lease' }." + field);
    }

    private int capacityOf(AnotherInstance instance, String architect) {
        return api.at(Service.ASSIGNMENT).baseUri(instance.url()).get("/architects/{id}", architect).path("capacity");
    }

    private static String requestOf(EventData data) {
        if (data instanceof FtaAssigned assigned) {
            return assigned.requestId();
        }
        return data instanceof RequestQueued queued ? queued.requestId() : null;
    }

    private int consumerGroupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            return admin.describeConsumerGroups(List.of(CONSUMER_GROUP)).all().get(30, TimeUnit.SECONDS)
                    .get(CONSUMER_GROUP).members().size();
        }
    }
}
