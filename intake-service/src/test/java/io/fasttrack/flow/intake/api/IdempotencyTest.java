package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.intake.IntakeApi.post;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleRequests.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.intake.store.IdempotencyRecord;
import io.fasttrack.flow.kit.api.JsonTree;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class IdempotencyTest {

    private final EventStreams streams = new EventStreams();

    @Test
    void theSameKeyTwiceAnswersTheFirstIdAndPublishesOnce() {
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.DISCOVERY_WORKSHOP, tenant);

        String first = post(body, key).statusCode(202).extract().path("id");
        // same request, other key order and spacing: the same body for idempotency
        Map<String, Object> reordered = new java.util.TreeMap<>(body);
        String second = post(reordered, key).statusCode(202).extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(publishedFor(tenant)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        post(minimal(RequestType.ENGAGE_BEFORE_LICENSE, tenant), key).statusCode(202);
        Map<String, Object> other = minimal(RequestType.ENGAGE_BEFORE_LICENSE, tenant);
        other.put("justification", "another reason");

        post(other, key).statusCode(409).contentType(Problem.MEDIA_TYPE).body("status", equalTo(409));

        assertThat(publishedFor(tenant)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesPublishOnce() throws Exception {
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.SALES_SUPPORT_INQUIRY, tenant);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(() -> post(body, key).extract().response());
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }

            assertThat(answers).extracting(Response::statusCode).allMatch(code -> code == 202 || code == 409)
                    .contains(202);
            assertThat(answers).filteredOn(a -> a.statusCode() == 202).extracting(a -> a.path("id")).containsOnly(
                    answers.stream().filter(a -> a.statusCode() == 202).findFirst().orElseThrow().path("id").toString());
        } finally {
            pool.shutdownNow();
        }
        assertThat(publishedFor(tenant)).isEqualTo(1);
    }

    @Test
    void aKeyLeftPendingByADeadAttemptIsTakenOverUnderTheReservedRequestId() {
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.LAND_FTC_BENEFIT, tenant);
        String reservedId = UUID.randomUUID().toString();
        reservePending(key, body, reservedId, Instant.now().minus(Duration.ofMinutes(5)));

        String id = post(body, key).statusCode(202).extract().path("id");

        assertThat(id).isEqualTo(reservedId);
        assertThat(streams.records(Topic.REQUESTS.defaultName())).filteredOn(r -> tenant.equals(r.key()))
                .extracting(r -> EventStreams.header(r, "ce_id"))
                .containsExactly(SubmissionService.submittedEventId(reservedId).toString());
        post(body, key).statusCode(202).body("id", equalTo(reservedId));
    }

    @Test
    void aKeyStillInFlightIsAConflictToRetryShortly() {
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.LAND_FTC_BENEFIT, tenant);
        reservePending(key, body, UUID.randomUUID().toString(), Instant.now());

        post(body, key).statusCode(409).contentType(Problem.MEDIA_TYPE).header("Retry-After", "1");

        assertThat(publishedFor(tenant)).isZero();
    }

    private static void reservePending(String key, Map<String, Object> body, String requestId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord record = new IdempotencyRecord();
            record.key = key;
            record.bodyHash = JsonTree.fingerprint(SampleRequests.tree(SampleRequests.json(body)));
            record.requestId = requestId;
            record.state = IdempotencyRecord.State.PENDING;
            record.reservedAt = at;
            record.persist();
        });
    }

    private long publishedFor(String tenant) {
        return streams.records(Topic.REQUESTS.defaultName()).stream().filter(r -> tenant.equals(r.key())).count();
    }
}
