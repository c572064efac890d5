package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.StatusNoteDue;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.testing.EventStreams;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * An engagement service that rebuilds: a database of its own, empty at start, and a consumer group that never
 * read anything, over topics that already hold a live run's history (published before the service starts).
 */
public class RebuildProfile implements QuarkusTestProfile {

    // fixed names, read by the test and by the profile (which Quarkus may load apart): the in-JVM broker is new
    // in every test JVM, so the group and the tenant are too
    public static final String GROUP = "engagement-rebuild";
    /** The tenant of the history: R1 opened for ana, a task completed, reassigned to ben; R2 opened for cy. */
    public static final String HISTORY_TENANT = "tenant-history";
    /**
     * R3 opened for this placeholder, its first lapse told (StatusNoteDue); the requests topic identifies the
     * placeholder as {@link #IDENTIFIED_TENANT}.
     */
    public static final String PLACEHOLDER = "placeholder-history";
    public static final String IDENTIFIED_TENANT = "tenant-identified-history";
    public static final String PLACEHOLDER_REQUEST = "hist-" + PLACEHOLDER + "-3";

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "jdbc:h2:mem:engagement-rebuild;DB_CLOSE_DELAY=-1";
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "%test.quarkus.datasource.jdbc.url", url,
                "fasttrack.engagement.consumer-group", GROUP);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HistoryOnTheTopics.class));
    }

    /**
     * Publishes the history: each FtaAssigned on the assignments topic, and on the engagements topic what the
     * service published for it (ids derived from the FtaAssigned, tasks as the catalogue gives them) and a task
     * completed through the API.
     */
    public static class HistoryOnTheTopics implements QuarkusTestResourceLifecycleManager {

        private static final String SERVICE = "engagement-service";

        @Override
        public Map<String, String> start() {
            Instant opened = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            RequestSnapshot first = request("hist-" + HISTORY_TENANT + "-1", HISTORY_TENANT, RequestType.DISCOVERY_WORKSHOP,
                    false, null, List.of(Workload.TEAMS));
            RequestSnapshot second = request("hist-" + HISTORY_TENANT + "-2", HISTORY_TENANT,
                    RequestType.MIGRATION_EXCEPTION, false, null, List.of());
            ArchitectRef ana = architect("fta-ana-" + HISTORY_TENANT, "tm-1");
            ArchitectRef ben = architect("fta-ben-" + HISTORY_TENANT, "tm-2");
            ArchitectRef cy = architect("fta-cy-" + HISTORY_TENANT, "tm-1");
            FtopTask discovery = new FtopTask("3246", "Discovery Workshop complete", true);
            FtopTask firstContact = new FtopTask("3298", "Pre-Sales: First Account Team contact made", true);
            EventEnvelope<FtaAssigned> toAna = assigned(first, ana, null, opened);
            EventEnvelope<FtaAssigned> toBen = assigned(first, ben, ana.id(), opened.plus(Duration.ofMinutes(2)));
            EventEnvelope<FtaAssigned> toCy = assigned(second, cy, null, opened);
            String firstEngagement = engagementId(first.requestId());
            RequestSnapshot third = request(PLACEHOLDER_REQUEST, PLACEHOLDER, RequestType.MIGRATION_EXCEPTION, false, null,
                    List.of());
            ArchitectRef dee = architect("fta-dee-" + HISTORY_TENANT, "tm-1");
            EventEnvelope<FtaAssigned> toDee = assigned(third, dee, null, opened);
            String thirdEngagement = engagementId(third.requestId());

            EventStreams streams = new EventStreams();
            List.of(toAna, toBen, toCy, toDee).forEach(assignment -> streams.publish(Fixtures.ASSIGNMENTS, assignment));
            List.of(derived(toAna, "EngagementOpened", new EngagementOpened(firstEngagement, first.requestId(),
                            HISTORY_TENANT, ana, first.type(), RequestQueue.FTA, List.of(discovery, firstContact), opened)),
                    EventEnvelope.of(opened.plusSeconds(60), SERVICE, first.requestId(), null,
                            new TaskCompleted(firstEngagement, first.requestId(), HISTORY_TENANT, ana.id(), firstContact,
                                    "ana", opened.plusSeconds(60))),
                    derived(toBen, "EngagementReassigned", new EngagementReassigned(firstEngagement, first.requestId(),
                            HISTORY_TENANT, ana.id(), ben, toBen.data().assignedAt())),
                    derived(toCy, "EngagementOpened", new EngagementOpened(engagementId(second.requestId()),
                            second.requestId(), HISTORY_TENANT, cy, second.type(), RequestQueue.FTA, List.of(firstContact),
                            opened)),
                    derived(toDee, "EngagementOpened", new EngagementOpened(thirdEngagement, third.requestId(),
                            PLACEHOLDER, dee, third.type(), RequestQueue.FTA, List.of(firstContact), opened)),
                    EventEnvelope.of(opened, SERVICE, third.requestId(), null, new StatusNoteDue(thirdEngagement,
                            third.requestId(), PLACEHOLDER, dee.id(), dee.teamManager(), opened,
                            opened.plus(Duration.ofDays(14)), opened)))
                    .forEach(event -> streams.publish(Fixtures.ENGAGEMENTS, event));
            streams.publish(Topic.REQUESTS.defaultName(), EventEnvelope.of(opened, "intake-service", null, null,
                    new TenantIdentified(PLACEHOLDER, IDENTIFIED_TENANT, "manager", opened)));
            return Map.of();
        }

        @Override
        public void stop() {
            // the topics keep their history, as a broker does
        }

        private static <D extends EventData> EventEnvelope<D> derived(EventEnvelope<FtaAssigned> cause, String discriminator,
                D data) {
            return EventEnvelope.of(cause.derivedId(discriminator), cause.occurredAt(), SERVICE, cause.data().requestId(),
                    cause.eventId().toString(), data);
        }
    }
}
