package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.intake.IntakeApi.post;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleRequests.minimal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.messaging.FlakyBroker;
import io.fasttrack.flow.intake.messaging.RequestPublisher;
import io.fasttrack.flow.intake.store.IdempotencyRecord;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An ambiguous publish is not a new request: after a 503 because the broker did not acknowledge in time (the
 * record may have been written all the same), a retry with the same Idempotency-Key and body publishes the same
 * request under the same event id, so the log holds one request however many copies of its event it holds.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class AmbiguousPublishTest {

    private static final String REQUESTS = Topic.REQUESTS.defaultName();

    @Inject
    RequestPublisher publisher;

    private final EventStreams streams = new EventStreams();

    @Test
    void aRetryAfterAnAcknowledgementThatCameTooLatePublishesTheSameEventAgain() {
        brokerWill(FlakyBroker.WRITTEN_BUT_NOT_ACKNOWLEDGED);
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.DISCOVERY_WORKSHOP, tenant);

        post(body, key).statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .body("detail", containsString("may have been recorded"))
                .body("detail", containsString("retry with the same Idempotency-Key and body is safe"));
        IdempotencyRecord reservation = reservation(key);
        assertThat(reservation.state).isEqualTo(IdempotencyRecord.State.PUBLISH_FAILED);

        String id = post(body, key).statusCode(202).extract().path("id");

        assertThat(id).isEqualTo(reservation.requestId);
        List<ConsumerRecord<String, byte[]>> copies = recordsFor(tenant);
        assertThat(copies).as("the first attempt's record and the retry's").hasSize(2);
        assertThat(copies).extracting(r -> EventStreams.header(r, "ce_id"))
                .containsOnly(SubmissionService.submittedEventId(id).toString());
        assertThat(copies).as("the same event: same submittedAt, same placeholder, same envelope")
                .extracting(EventStreams::value).containsOnly(EventStreams.value(copies.get(0)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().queryParam("tenantId", tenant).when().get("/requests").then().statusCode(200)
                        .body("total", equalTo(1)).body("items.id", equalTo(List.of(id))));
        post(body, key).statusCode(202).body("id", equalTo(id));
        assertThat(reservation(key).state).isEqualTo(IdempotencyRecord.State.COMPLETED);
    }

    @Test
    void aRetryAfterTheBrokerTookNothingPublishesTheReservedRequestOnce() {
        brokerWill(FlakyBroker.NOT_WRITTEN);
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.LAND_FTC_BENEFIT, tenant);

        post(body, key).statusCode(503).header("Retry-After", "5");
        String reservedId = reservation(key).requestId;
        String id = post(body, key).statusCode(202).extract().path("id");

        assertThat(id).isEqualTo(reservedId);
        assertThat(recordsFor(tenant)).extracting(r -> EventStreams.header(r, "ce_id"))
                .containsExactly(SubmissionService.submittedEventId(reservedId).toString());
    }

    @Test
    void whileTheRetryOfAFailedAttemptIsInFlightADuplicateIsToldToRetryShortly() throws Exception {
        CountDownLatch acknowledged = new CountDownLatch(1);
        brokerWill(FlakyBroker.NOT_WRITTEN, FlakyBroker.heldUntil(acknowledged));
        String tenant = uniqueTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimal(RequestType.SALES_SUPPORT_INQUIRY, tenant);
        post(body, key).statusCode(503);

        CompletableFuture<Response> retry = CompletableFuture.supplyAsync(() -> post(body, key).extract().response());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> reservation(key).state == IdempotencyRecord.State.PENDING);
        post(body, key).statusCode(409).contentType(Problem.MEDIA_TYPE).header("Retry-After", "1");
        acknowledged.countDown();

        Response retried = retry.get(30, TimeUnit.SECONDS);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.<String>path("id")).isEqualTo(reservation(key).requestId);
        assertThat(recordsFor(tenant)).hasSize(1);
    }

    @Test
    void withoutAKeyThe503SaysARetryMayCreateASecondRequest() {
        brokerWill(FlakyBroker.NOT_WRITTEN);

        post(minimal(RequestType.ENGAGE_BEFORE_LICENSE, uniqueTenant())).statusCode(503)
                .header("Retry-After", "5").body("detail", containsString("may have been recorded"))
                .body("detail", containsString("may create a second request"));
    }

    private void brokerWill(FlakyBroker.Attempt... attempts) {
        QuarkusMock.installMockForType(new FlakyBroker(ClientProxy.unwrap(publisher), attempts), RequestPublisher.class);
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String tenant) {
        return streams.records(REQUESTS).stream().filter(r -> tenant.equals(r.key())).toList();
    }

    private static IdempotencyRecord reservation(String key) {
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.<IdempotencyRecord>findById(key));
    }
}
