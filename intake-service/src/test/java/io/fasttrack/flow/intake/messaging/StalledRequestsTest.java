package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleEvents.assigned;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.fasttrack.flow.intake.SampleEvents.opened;
import static io.fasttrack.flow.intake.SampleEvents.queued;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Stuck work, with no assignment-service running (as when it dead-lettered a RequestSubmitted): a request that stays
 * SUBMITTED or ASSIGNED longer than the stall time is reported once on the requests topic, and shows as stalled once
 * that event came back, in the request, the stalled list and the gauge; the next status clears it.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
@TestProfile(StalledRequestsProfile.class)
class StalledRequestsTest {

    private static final String REQUESTS = Topic.REQUESTS.defaultName();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Three sweeps run meanwhile: one a second. */
    private static final Duration SEVERAL_SWEEPS = Duration.ofSeconds(3);

    private final EventStreams streams = new EventStreams();

    @Test
    void aSubmittedRequestThatGetsNoDecisionStallsOnceAtSubmitted() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.DISCOVERY_WORKSHOP, tenant);
        String submittedAt = get(id).statusCode(200).body("stalled", equalTo(false)).extract().path("submittedAt");

        awaitField(id, "stalled", true).body("status", equalTo("SUBMITTED")).body("stalledStep", equalTo("SUBMITTED"))
                .body("stalledSince", equalTo(submittedAt))
                .body("stalledForSeconds", greaterThanOrEqualTo((int) StalledRequestsProfile.STALL_AFTER.toSeconds()));
        stalledList(tenant, null).body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].stalledStep", equalTo("SUBMITTED"));
        stalledList(tenant, "ASSIGNED").body("total", equalTo(0));
        given().queryParam("tenantId", tenant).queryParam("stalled", "false").when().get("/requests").then()
                .statusCode(200).body("total", equalTo(0));
        awaitGaugeCountsTheStalledList();

        Awaitility.await().during(SEVERAL_SWEEPS).atMost(SEVERAL_SWEEPS.plus(PATIENCE)).pollInterval(Duration.ofMillis(500))
                .until(() -> stallsOf(id).size() == 1);
        EventEnvelope<RequestStalled> stall = stallsOf(id).get(0);
        assertThat(stall.data()).satisfies(data -> {
            assertThat(data.tenantId()).isEqualTo(tenant);
            assertThat(data.step()).isEqualTo("SUBMITTED");
            assertThat(data.since()).isEqualTo(Instant.parse(submittedAt));
        });
        assertThat(stall.subject()).as("the record key").isEqualTo(tenant);
        assertThat(stall.eventId()).as("derived from request, step and since, so another sweep publishes the same id")
                .isEqualTo(StallSweep.stalledEventId(id, "SUBMITTED", Instant.parse(submittedAt)));
    }

    @Test
    void anAssignedRequestWithoutAnEngagementStallsAtAssignedUntilTheEngagementOpens() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.ECIF_DWR_REVIEW, tenant);
        EventEnvelope<FtaAssigned> assignment = envelope(id, assigned(id, tenant, "fta-ana", "Ana", null));
        streams.publish(Topic.ASSIGNMENTS.defaultName(), assignment);

        awaitField(id, "stalledStep", "ASSIGNED").body("status", equalTo("ASSIGNED")).body("stalled", equalTo(true))
                .body("stalledSince", equalTo(assignment.occurredAt().toString()));
        stalledList(tenant, "ASSIGNED").body("total", equalTo(1)).body("items[0].id", equalTo(id));
        awaitGaugeCountsTheStalledList();

        streams.publish(Topic.ENGAGEMENTS.defaultName(), envelope(id, opened("eng-" + id, id, tenant, "fta-ana", "Ana")));

        awaitField(id, "status", "IN_PROGRESS").body("stalled", equalTo(false)).body("stalledStep", nullValue())
                .body("stalledSince", nullValue()).body("stalledForSeconds", nullValue());
        stalledList(tenant, null).body("total", equalTo(0));
        awaitGaugeCountsTheStalledList();
        assertThat(stallsOf(id)).filteredOn(stall -> stall.data().step().equals("ASSIGNED")).hasSize(1);
    }

    @Test
    void aDecisionClearsAStallAndAQueuedRequestDoesNotStall() {
        String tenant = uniqueTenant();
        String id = IntakeApi.submit(RequestType.LAND_FTC_BENEFIT, tenant);
        awaitField(id, "stalledStep", "SUBMITTED");

        streams.publish(Topic.ASSIGNMENTS.defaultName(), envelope(id, queued(id, tenant)));

        awaitField(id, "status", "QUEUED").body("stalled", equalTo(false)).body("stalledStep", nullValue());
        Awaitility.await().during(SEVERAL_SWEEPS).atMost(SEVERAL_SWEEPS.plus(PATIENCE)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> get(id).statusCode(200).body("stalled", equalTo(false)));
        assertThat(stallsOf(id)).extracting(stall -> stall.data().step()).containsExactly("SUBMITTED");
    }

    private static ValidatableResponse stalledList(String tenant, String status) {
        var request = given().queryParam("tenantId", tenant).queryParam("stalled", "true");
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when().get("/requests").then().statusCode(200);
    }

    /** The gauge holds as many requests as the stalled list, once what changed them has been counted. */
    private static void awaitGaugeCountsTheStalledList() {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            int listed = given().queryParam("stalled", "true").queryParam("size", "1").when().get("/requests").then()
                    .statusCode(200).extract().path("total");
            assertThat(PrometheusScrape.value("fasttrack_intake_requests_stalled")).isEqualTo(listed);
        });
    }

    @SuppressWarnings("unchecked")
    private List<EventEnvelope<RequestStalled>> stallsOf(String requestId) {
        return streams.events(REQUESTS).stream()
                .filter(event -> event.data() instanceof RequestStalled stalled && stalled.requestId().equals(requestId))
                .map(event -> (EventEnvelope<RequestStalled>) (EventEnvelope<? extends EventData>) event)
                .toList();
    }

    private static ValidatableResponse awaitField(String id, String field, Object expected) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(id).statusCode(200).body(field, equalTo(expected)));
        return get(id);
    }
}
