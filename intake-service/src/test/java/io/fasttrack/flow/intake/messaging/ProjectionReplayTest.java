package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.SampleEvents.SLA;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.BREACHED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.COMPLETED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.QUEUED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.REASSIGNED;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.SUBMITTED_ONLY;
import static io.fasttrack.flow.intake.messaging.IsolatedIntakeProfile.tenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Drops the projection and replays the topics: the history of {@link IsolatedIntakeProfile} (garbage records, a
 * duplicate delivery, a reassignment, every status) is on the topics before the application starts on an
 * empty database under a fresh consumer group.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
@TestProfile(IsolatedIntakeProfile.class)
class ProjectionReplayTest {

    @Test
    void replayingTheTopicsIntoAnEmptyDatabaseRebuildsEveryRequest() {
        awaitRequest(SUBMITTED_ONLY, "SUBMITTED", null);
        awaitRequest(QUEUED, "QUEUED", null);
        get(QUEUED).body("slaDeadline", equalTo(SLA.toString()));
        awaitRequest(REASSIGNED, "ASSIGNED", "fta-bo");
        get(REASSIGNED).body("architectName", equalTo("Bo"));
        awaitRequest(COMPLETED, "COMPLETED", "fta-cy");
        get(COMPLETED).body("engagementId", equalTo("eng-" + COMPLETED)).body("slaBreached", equalTo(false));
        awaitRequest(BREACHED, "QUEUED", null);
        get(BREACHED).body("slaBreached", equalTo(true)).body("tenantId", equalTo(tenant(BREACHED)))
                .body("type", equalTo("DISCOVERY_WORKSHOP"));
    }

    private static void awaitRequest(String id, String status, String architectId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(id).statusCode(200).body("status", equalTo(status))
                        .body("architectId", architectId == null ? nullValue() : equalTo(architectId)));
    }
}
