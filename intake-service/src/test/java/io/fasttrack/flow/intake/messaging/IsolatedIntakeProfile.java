package io.fasttrack.flow.intake.messaging;

import static io.fasttrack.flow.intake.SampleEvents.SLA;
import static io.fasttrack.flow.intake.SampleEvents.assigned;
import static io.fasttrack.flow.intake.SampleEvents.completed;
import static io.fasttrack.flow.intake.SampleEvents.envelope;
import static io.fasttrack.flow.intake.SampleEvents.identified;
import static io.fasttrack.flow.intake.SampleEvents.opened;
import static io.fasttrack.flow.intake.SampleEvents.queued;
import static io.fasttrack.flow.intake.SampleEvents.reviewed;
import static io.fasttrack.flow.intake.SampleEvents.stalled;
import static io.fasttrack.flow.intake.SampleEvents.submitted;
import static io.fasttrack.flow.intake.SampleEvents.submittedForPlaceholder;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An intake application of its own: an empty database and a fresh consumer group over a history that is
 * on the topics before the application starts, and a producer that cannot reach the broker (its address
 * is a closed port). Every profile restarts Quarkus and, with it, another in-JVM broker, so the tests that
 * need such an application share this one profile.
 */
public class IsolatedIntakeProfile implements QuarkusTestProfile {

    public static final String RUN = "replay-" + UUID.randomUUID() + "-";
    public static final String SUBMITTED_ONLY = RUN + "submitted";
    public static final String QUEUED = RUN + "queued";
    public static final String REASSIGNED = RUN + "reassigned";
    public static final String COMPLETED = RUN + "completed";
    public static final String BREACHED = RUN + "breached";
    public static final String STALLED_SUBMITTED = RUN + "stalled-submitted";
    public static final String STALLED_ASSIGNED = RUN + "stalled-assigned";
    public static final String STALL_CLEARED = RUN + "stall-cleared";
    /** Submitted under {@link #PLACEHOLDER}, assigned under it, then the placeholder identified as {@code tenant(IDENTIFIED)}. */
    public static final String IDENTIFIED = RUN + "identified";
    public static final String PLACEHOLDER = "placeholder-" + UUID.nameUUIDFromBytes(IDENTIFIED.getBytes());
    /** A migration exception with changes requested, then approved. */
    public static final String REVIEWED = RUN + "reviewed";
    public static final Instant REVIEWED_AT = Instant.parse("2026-11-30T10:00:00Z");
    /** When {@link #STALLED_ASSIGNED} was assigned, the date its stall reports. */
    public static final Instant ASSIGNED_AT = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);

    public static String tenant(String requestId) {
        return "tenant-" + requestId;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "jdbc:h2:mem:intake-replay;DB_CLOSE_DELAY=-1";
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "%test.quarkus.datasource.jdbc.url", url,
                "fasttrack.consumer-group", "intake-replay-" + UUID.randomUUID(),
                "mp.messaging.outgoing.requests-out.bootstrap.servers", "127.0.0.1:1",
                "mp.messaging.outgoing.requests-out.max.block.ms", "1000",
                "mp.messaging.outgoing.requests-out.request.timeout.ms", "1000",
                "mp.messaging.outgoing.requests-out.delivery.timeout.ms", "1500",
                "fasttrack.intake.publish-timeout", "2s",
                "fasttrack.intake.retry-after-seconds", "7");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HistoryOnTheTopics.class));
    }

    /** Publishes the history before the application (and its consumers) start. */
    public static class HistoryOnTheTopics implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            EventStreams streams = new EventStreams(InJvmKafkaBroker.bootstrapServers());
            String requests = Topic.REQUESTS.defaultName();
            String assignments = Topic.ASSIGNMENTS.defaultName();
            String engagements = Topic.ENGAGEMENTS.defaultName();
            for (String id : List.of(SUBMITTED_ONLY, QUEUED, REASSIGNED, COMPLETED, BREACHED)) {
                streams.publish(requests, envelope(id, submitted(id, tenant(id))));
                streams.publishRaw(assignments, tenant(id), "garbage before the status events of " + id);
            }
            streams.publish(assignments, envelope(QUEUED, queued(QUEUED, tenant(QUEUED))));

            EventEnvelope<FtaAssigned> toAna = envelope(REASSIGNED, assigned(REASSIGNED, tenant(REASSIGNED), "fta-ana", "Ana", null));
            streams.publish(assignments, toAna);
            streams.publish(assignments, envelope(REASSIGNED,
                    assigned(REASSIGNED, tenant(REASSIGNED), "fta-bo", "Bo", "fta-ana")));
            streams.publish(assignments, toAna);

            streams.publish(assignments, envelope(COMPLETED, queued(COMPLETED, tenant(COMPLETED))));
            streams.publish(assignments, envelope(COMPLETED, assigned(COMPLETED, tenant(COMPLETED), "fta-cy", "Cy", null)));
            streams.publish(engagements, envelope(COMPLETED, opened("eng-" + COMPLETED, COMPLETED, tenant(COMPLETED), "fta-cy", "Cy")));
            streams.publish(engagements, envelope(COMPLETED, completed("eng-" + COMPLETED, COMPLETED, tenant(COMPLETED), "fta-cy")));

            streams.publish(assignments, envelope(BREACHED, queued(BREACHED, tenant(BREACHED))));
            streams.publish(assignments, envelope(BREACHED, new AssignmentSlaBreached(BREACHED, tenant(BREACHED),
                    RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, "tm-1", SLA, SLA.plusSeconds(1), null)));

            publishStalls(streams, requests, assignments, engagements);
            publishIdentificationAndReview(streams, requests, assignments, engagements);
            return Map.of();
        }

        /**
         * Stalls as a live intake reported them, each after the status event it followed: one still stuck at
         * SUBMITTED, one at ASSIGNED, and one stuck at SUBMITTED and ASSIGNED that then got its engagement.
         */
        private static void publishStalls(EventStreams streams, String requests, String assignments, String engagements) {
            RequestSubmitted stuckSubmission = submitted(STALLED_SUBMITTED, tenant(STALLED_SUBMITTED));
            streams.publish(requests, envelope(STALLED_SUBMITTED, stuckSubmission));
            streams.publish(requests, stall(STALLED_SUBMITTED, "SUBMITTED", stuckSubmission.submittedAt()));

            streams.publish(requests, envelope(STALLED_ASSIGNED, submitted(STALLED_ASSIGNED, tenant(STALLED_ASSIGNED))));
            streams.publish(assignments, EventEnvelope.of(ASSIGNED_AT, "assignment-service", STALLED_ASSIGNED, null,
                    assigned(STALLED_ASSIGNED, tenant(STALLED_ASSIGNED), "fta-di", "Di", null)));
            streams.publish(requests, stall(STALLED_ASSIGNED, "ASSIGNED", ASSIGNED_AT));

            RequestSubmitted clearedSubmission = submitted(STALL_CLEARED, tenant(STALL_CLEARED));
            streams.publish(requests, envelope(STALL_CLEARED, clearedSubmission));
            streams.publish(requests, stall(STALL_CLEARED, "SUBMITTED", clearedSubmission.submittedAt()));
            EventEnvelope<FtaAssigned> assignment = envelope(STALL_CLEARED,
                    assigned(STALL_CLEARED, tenant(STALL_CLEARED), "fta-di", "Di", null));
            streams.publish(assignments, assignment);
            streams.publish(requests, stall(STALL_CLEARED, "ASSIGNED", assignment.occurredAt()));
            streams.publish(engagements, envelope(STALL_CLEARED,
                    opened("eng-" + STALL_CLEARED, STALL_CLEARED, tenant(STALL_CLEARED), "fta-di", "Di")));
        }

        /**
         * A placeholder's request, assigned under the placeholder, identified twice (the second, to another tenant,
         * changes nothing), then assigned again under the placeholder; a review asked for changes and then approved.
         */
        private static void publishIdentificationAndReview(EventStreams streams, String requests, String assignments,
                String engagements) {
            streams.publish(requests, envelope(IDENTIFIED, submittedForPlaceholder(IDENTIFIED, PLACEHOLDER)));
            streams.publish(assignments, envelope(IDENTIFIED, assigned(IDENTIFIED, PLACEHOLDER, "fta-ana", "Ana", null)));
            streams.publish(requests, envelope(IDENTIFIED, identified(PLACEHOLDER, tenant(IDENTIFIED))));
            streams.publish(requests, envelope(IDENTIFIED, identified(PLACEHOLDER, "someone-else")));
            streams.publish(assignments, envelope(IDENTIFIED,
                    assigned(IDENTIFIED, PLACEHOLDER, "fta-bo", "Bo", "fta-ana")));

            streams.publish(requests, envelope(REVIEWED, submitted(REVIEWED, tenant(REVIEWED))));
            streams.publish(engagements, envelope(REVIEWED, reviewed(REVIEWED, tenant(REVIEWED),
                    ReviewDecision.CHANGES_REQUESTED, List.of("coexistence"), "Confirm the mailbox count", REVIEWED_AT)));
            streams.publish(engagements, envelope(REVIEWED, reviewed(REVIEWED, tenant(REVIEWED), ReviewDecision.APPROVED,
                    List.of("coexistence for 6 weeks"), "Approved with coexistence", REVIEWED_AT.plusSeconds(3600))));
        }

        private static EventEnvelope<RequestStalled> stall(String id, String step, Instant since) {
            return EventEnvelope.of(StallSweep.stalledEventId(id, step, since), Instant.now(), "intake-service", id, null,
                    stalled(id, tenant(id), step, since));
        }

        @Override
        public void stop() {
            // the broker belongs to InJvmKafkaBroker
        }
    }
}
