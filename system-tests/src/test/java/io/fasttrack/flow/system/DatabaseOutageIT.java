package io.fasttrack.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fasttrack.flow.system.LocalStack.Service;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped while requests come in (the PostgreSQL suite only: on H2 each service's database lives
 * inside its own process). A database that does not answer is a transient failure: intake answers 503 and the
 * clients retry with the same Idempotency-Key, the consumers wait with their batches, and once PostgreSQL is
 * back every accepted request reaches IN_PROGRESS, nothing is dead-lettered, and every service lived through it.
 * Requests go to a roomy FTCHELP architect of the test's own, so nothing queues.
 */
class DatabaseOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int SENDERS = 4;
    /** Requests accepted before the outage and after it, so the outage falls inside a flowing stream. */
    private static final int FLOWING = 4;

    @BeforeAll
    static void onPostgresOnly() {
        assumeTrue("postgres".equals(LocalStack.configuredDatabase()),
                "the stack runs on H2, inside each service: there is no database server to stop");
    }

    private final LocalStack stack = LocalStack.running();
    private final Api api = new Api(stack);

    @Test
    void everyRequestAcceptedAroundA20SecondOutageIsInProgressAfterItAndNothingIsDeadLettered() throws Exception {
        api.registerRoomyHelpArchitect("help-db-outage");
        Map<Service, Long> pidsBefore = pids();
        long began = System.nanoTime();
        try (DeadLetterWatch deadLetterWatch = DeadLetterWatch.mark(stack);
                SubmissionStream stream = SubmissionStream.start(api, SENDERS, "db-outage")) {
            stream.awaitAccepted(FLOWING, PATIENCE);
            int acceptedBeforeOutage = stream.acceptedSoFar();
            stack.stopDatabase();
            int acceptedInOutage;
            try {
                Thread.sleep(OUTAGE.toMillis());
                acceptedInOutage = stream.acceptedSoFar() - acceptedBeforeOutage;
            } finally {
                stack.start();
            }
            stream.awaitAccepted(stream.acceptedSoFar() + FLOWING, PATIENCE);
            List<String> accepted = stream.stop();

            Set<String> notInProgress = new HashSet<>(accepted);
            Awaitility.await("every accepted request IN_PROGRESS").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        notInProgress.removeIf(id -> "IN_PROGRESS".equals(api.requestStatus(id)));
                        assertThat(notInProgress).as("accepted requests not IN_PROGRESS").isEmpty();
                    });
            long inProgressAfterSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
            List<String> deadLetters = deadLetterWatch.deadLettersSinceMark(PATIENCE);

            System.out.printf("database outage figures: %s; %d accepted while PostgreSQL was down for %d s; every "
                            + "request IN_PROGRESS %d s after the stream began, %d dead letters%n", stream.figures(),
                    acceptedInOutage, OUTAGE.toSeconds(), inProgressAfterSeconds, deadLetters.size());
            assertThat(deadLetters).as("dead letters since the stream began").isEmpty();
            assertThat(pids()).as("process ids: no service died and was started again").isEqualTo(pidsBefore);
        }
    }

    private Map<Service, Long> pids() {
        return Arrays.stream(Service.values()).collect(Collectors.toMap(Function.identity(), stack::pid));
    }
}
