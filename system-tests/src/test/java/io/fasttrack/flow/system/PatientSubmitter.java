package io.fasttrack.flow.system;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A well-behaved client of intake: it submits a request under an Idempotency-Key and, while intake cannot take
 * it (503, a 409 with Retry-After while an earlier attempt is in flight, a connection that fails or times out),
 * waits as told and sends the same body with the same key again until the request is accepted. Counts every
 * answer it got; safe to share between threads.
 */
final class PatientSubmitter {

    /** Answers counted under this code: no HTTP answer at all (refused, reset or timed-out connection). */
    static final int NO_ANSWER = -1;

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    /** At most this long between attempts, whatever Retry-After says: the faults the tests inject are short. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final Duration PAUSE_WITHOUT_ANSWER = Duration.ofMillis(500);

    private final Api api;
    private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();

    PatientSubmitter(Api api) {
        this.api = api;
    }

    /** Submits until intake accepts (202); returns the request id it answered. */
    String submitUntilAccepted(String body, String idempotencyKey) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            Response answer;
            try {
                answer = api.submit(body, idempotencyKey);
            } catch (RuntimeException noAnswer) {
                // RestAssured rethrows the connection's IOException unchecked
                count(NO_ANSWER);
                pause(PAUSE_WITHOUT_ANSWER);
                continue;
            }
            int status = answer.statusCode();
            count(status);
            if (status == 202) {
                return answer.path("id");
            }
            String retryAfter = answer.header("Retry-After");
            boolean retryable = status >= 500 || (status == 409 && retryAfter != null);
            if (!retryable) {
                throw new AssertionError("intake answered " + status + " to a valid request under Idempotency-Key "
                        + idempotencyKey + ": " + answer.body().asString());
            }
            pause(retryAfter == null ? PAUSE_WITHOUT_ANSWER : Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        }
        throw new AssertionError("intake did not accept the request under Idempotency-Key " + idempotencyKey
                + " within " + GIVE_UP_AFTER + "; answers so far " + answers());
    }

    /** How many answers of each HTTP status it got ({@link #NO_ANSWER} for none). */
    Map<Integer, Long> answers() {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    private void count(int status) {
        answers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    private static void pause(Duration wanted) {
        try {
            Thread.sleep(Math.min(wanted.toMillis(), LONGEST_PAUSE.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
