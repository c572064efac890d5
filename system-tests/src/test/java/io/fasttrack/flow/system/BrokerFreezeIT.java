package io.fasttrack.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.testing.EventStreams;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker frozen with SIGSTOP while requests come in: its connections stay open and answer nothing, so
 * every producer and consumer runs into its timeouts. Not acknowledged is a transient failure: intake answers
 * 503, the consumers wait with their batches, and nothing may be dead-lettered. A client that retries a 503
 * with the same Idempotency-Key must get the same request, however much of the first attempt reached the log.
 * Requests go to roomy FTCHELP architects of each test's own, so nothing queues.
 */
class BrokerFreezeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Duration LONG_FREEZE = Duration.ofSeconds(30);
    private static final Duration SHORT_FREEZE = Duration.ofSeconds(7);
    private static final int SENDERS = 4;
    /** Requests accepted before the freeze and after it, so the freeze falls inside a flowing stream. */
    private static final int FLOWING = 4;

    private final LocalStack stack = LocalStack.running();
    private final Api api = new Api(stack);
    private final EventStreams topics = new EventStreams(stack.kafkaBootstrap());

    @Test
    void everyRequestAcceptedAroundA30SecondFreezeOpensItsEngagementAndNothingIsDeadLettered() throws Exception {
        api.registerRoomyHelpArchitect("help-freeze");
        long began = System.nanoTime();
        try (DeadLetterWatch deadLetterWatch = DeadLetterWatch.mark(stack);
                SubmissionStream stream = SubmissionStream.start(api, SENDERS, "freeze")) {
            stream.awaitAccepted(FLOWING, PATIENCE);
            int acceptedBeforeFreeze = stream.acceptedSoFar();
            stack.freezeBroker();
            try {
                Thread.sleep(LONG_FREEZE.toMillis());
            } finally {
                stack.thawBroker();
            }
            int acceptedInFreeze = stream.acceptedSoFar() - acceptedBeforeFreeze;
            stream.awaitAccepted(stream.acceptedSoFar() + FLOWING, PATIENCE);
            List<String> accepted = stream.stop();

            Set<String> unopened = new HashSet<>(accepted);
            Awaitility.await("an engagement opened for every accepted request").atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        unopened.removeAll(openedRequestIds());
                        assertThat(unopened).as("accepted requests without an EngagementOpened").isEmpty();
                    });
            long openedAfterSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
            List<String> deadLetters = deadLetterWatch.deadLettersSinceMark(PATIENCE);

            System.out.printf("broker freeze figures: %s; %d accepted while frozen for %d s; every engagement open "
                            + "%d s after the stream began, %d dead letters%n", stream.figures(), acceptedInFreeze,
                    LONG_FREEZE.toSeconds(), openedAfterSeconds, deadLetters.size());
            assertThat(deadLetters).as("dead letters since the stream began").isEmpty();
        }
    }

    @Test
    void aPostAnswered503InA7SecondFreezeAndRetriedWithItsKeyIsOneRequestWithOneEngagement() throws Exception {
        api.registerRoomyHelpArchitect("help-retry");
        // intake's producer has the topic's metadata and a connection, so the frozen POST's record reaches the
        // broker's socket and may be written when the broker goes on: the ambiguous publish
        api.submit(Api.landBenefit(Api.unique("retry-warm-up"))).then().statusCode(202);
        String tenant = Api.unique("retry");
        String body = Api.landBenefit(tenant);
        String key = UUID.randomUUID().toString();

        long frozenAt = System.nanoTime();
        stack.freezeBroker();
        CompletableFuture<Response> duringFreeze;
        try {
            duringFreeze = CompletableFuture.supplyAsync(() -> api.submit(body, key));
            Thread.sleep(SHORT_FREEZE.toMillis());
        } finally {
            stack.thawBroker();
        }
        Response firstAnswer = duringFreeze.get(60, TimeUnit.SECONDS);
        assertThat(firstAnswer.statusCode()).as("answer to the POST in the freeze: %s", firstAnswer.body().asString())
                .isEqualTo(503);
        PatientSubmitter client = new PatientSubmitter(api);
        String requestId = client.submitUntilAccepted(body, key);
        topics.await(Topic.ENGAGEMENTS.defaultName(), EngagementOpened.class,
                opened -> opened.requestId().equals(requestId), 1, PATIENCE);
        long openedAfterSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - frozenAt);

        // one tenant per test request: whatever is on the log for it came from this key
        List<EventEnvelope<EventData>> submitted = topics.events(Topic.REQUESTS.defaultName()).stream()
                .filter(event -> event.data() instanceof RequestSubmitted request
                        && tenant.equals(request.customer().tenantId()))
                .toList();
        List<EventEnvelope<EventData>> opened = topics.events(Topic.ENGAGEMENTS.defaultName()).stream()
                .filter(event -> event.data() instanceof EngagementOpened engagement
                        && tenant.equals(engagement.tenantId()))
                .toList();
        System.out.printf("retry after a freeze figures: first POST answered %d; the retries' answers %s; "
                        + "RequestSubmitted records %d, EngagementOpened records %d, engagement open %d s after the "
                        + "freeze began%n",
                firstAnswer.statusCode(), client.answers(), submitted.size(), opened.size(), openedAfterSeconds);

        assertThat(submitted).extracting(event -> ((RequestSubmitted) event.data()).requestId())
                .as("request ids on %s for the key", Topic.REQUESTS.defaultName()).containsOnly(requestId);
        assertThat(submitted.stream().map(EventEnvelope::eventId).distinct())
                .as("event ids of its RequestSubmitted records").hasSize(1);
        assertThat(opened.stream().map(EventEnvelope::eventId).distinct()).as("engagements opened for it").hasSize(1);
        assertThat(opened).extracting(event -> ((EngagementOpened) event.data()).requestId()).containsOnly(requestId);
    }

    private Set<String> openedRequestIds() {
        return topics.events(Topic.ENGAGEMENTS.defaultName(), EngagementOpened.class).stream()
                .map(EngagementOpened::requestId).collect(Collectors.toSet());
    }
}
