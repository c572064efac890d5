package io.fasttrack.flow.engagement.messaging;

import static io.fasttrack.flow.engagement.Fixtures.architect;
import static io.fasttrack.flow.engagement.Fixtures.assigned;
import static io.fasttrack.flow.engagement.Fixtures.awaitEngagement;
import static io.fasttrack.flow.engagement.Fixtures.awaitMails;
import static io.fasttrack.flow.engagement.Fixtures.engagementId;
import static io.fasttrack.flow.engagement.Fixtures.request;
import static io.fasttrack.flow.engagement.Fixtures.requestorOf;
import static io.fasttrack.flow.engagement.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.engagement.Fixtures;
import io.fasttrack.flow.engagement.store.AssignmentNotification;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.StatusNoteDue;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.kit.time.SettableClock;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A rebuild as {@code deploy/local/replay engagement-service} does it: history on both topics, an empty database,
 * a consumer group that reads both topics from the beginning. The engagements come back as they were, and nobody
 * is mailed again; an assignment made once the rebuild began is announced.
 */
@QuarkusTest
@TestProfile(RebuildProfile.class)
@TestSecurity(user = "test-caller", roles = {"reader"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RebuildWithoutMailTest {

    final EventStreams streams = new EventStreams();

    @Inject
    MockMailbox mailbox;

    @Inject
    SettableClock clock;

    @Inject
    CadenceSweep sweep;

    @Test
    void rebuildingFromHistoryMailsNobodyAndRestoresTheEngagements() {
        List<EventEnvelope<EventData>> assignments = streams.events(Fixtures.ASSIGNMENTS).stream()
                .filter(event -> event.data() instanceof FtaAssigned assigned
                        && RebuildProfile.HISTORY_TENANT.equals(assigned.tenantId()))
                .toList();
        assertThat(assignments).hasSize(3);
        FtaAssigned toAna = assignments.get(0).dataAs(FtaAssigned.class);
        FtaAssigned toBen = assignments.get(1).dataAs(FtaAssigned.class);
        FtaAssigned toCy = assignments.get(2).dataAs(FtaAssigned.class);
        RequestSnapshot first = toAna.request();
        RequestSnapshot second = toCy.request();
        String ana = toAna.architect().id();
        String ben = toBen.architect().id();

        Awaitility.await("the rebuild read both topics to their end").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(RebuildWithoutMailTest::caughtUp);
        awaitEngagement(engagementId(first.requestId()))
                .body("architectId", equalTo(ben))
                .body("workloads", contains("TEAMS"))
                .body("tasks.taskId", contains("3246", "3298"))
                .body("tasks.status", contains("OPEN", "DONE"))
                .body("tasks[1].completedBy", equalTo("ana"))
                .body("assignments.architectId", contains(ana, ben))
                .body("assignments[1].reassignedFrom", equalTo(ana));
        awaitEngagement(engagementId(second.requestId())).body("architectId", equalTo(toCy.architect().id()));
        assertThat(mailbox.getTotalMessagesSent()).as("mails sent while rebuilding").isZero();
        for (EventEnvelope<EventData> assignment : assignments) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> AssignmentNotification.<AssignmentNotification>findById(
                    assignment.eventId())).outcome).isEqualTo(AssignmentNotification.Outcome.REPLAYED);
        }
        // nothing was decided again: every engagement event of the request is one the live run published
        assertThat(streams.events(Fixtures.ENGAGEMENTS)).filteredOn(event -> event.data() instanceof EngagementOpened opened
                        && opened.requestId().equals(first.requestId())
                        || event.data() instanceof EngagementReassigned reassigned
                        && reassigned.requestId().equals(first.requestId()))
                .extracting(EventEnvelope::eventId).containsOnly(assignments.get(0).derivedId("EngagementOpened"),
                        assignments.get(1).derivedId("EngagementReassigned"));

        // news after the rebuild began is announced
        ArchitectRef dave = architect(unique("fta-dave"), "tm-2");
        Fixtures.publish(assigned(second, dave, toCy.architect().id(), Instant.now()));
        Mail announced = awaitMails(mailbox, requestorOf(second.requestId()), 1).get(0);
        assertThat(announced.getText()).contains("reassigned", dave.name());
        // the mailbox counts a message once per recipient: this one mail is all it holds
        assertThat(mailbox.getTotalMessagesSent()).isEqualTo(announced.getTo().size() + announced.getCc().size());
        assertThat(mailbox.getMailsSentTo(requestorOf(second.requestId()))).hasSize(1);
    }

    @Test
    void rebuildingFoldsTheIdentifiedPlaceholderAndKnowsTheToldLapses() {
        Awaitility.await("the rebuild read the topics to their end").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(RebuildWithoutMailTest::caughtUp);
        String third = engagementId(RebuildProfile.PLACEHOLDER_REQUEST);
        Instant opened = Instant.parse(awaitEngagement(third).body("tenantId", equalTo(RebuildProfile.IDENTIFIED_TENANT))
                .extract().path("openedAt"));
        try {
            clock.set(opened.plus(Duration.ofDays(14)));
            sweep.sweep();
            // R3's lapse was told in history: nothing new; R2's was not: told now
            assertThat(Fixtures.engagementEvents(third, StatusNoteDue.class)).hasSize(1);
            String second = engagementId("hist-" + RebuildProfile.HISTORY_TENANT + "-2");
            assertThat(Fixtures.engagementEvents(second, StatusNoteDue.class)).hasSize(1);
        } finally {
            clock.reset();
        }
    }

    /** Whether the rebuild's consumer group committed offsets up to the end of every partition it reads. */
    private static boolean caughtUp() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafkaBroker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(RebuildProfile.GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (String topic : List.of(Fixtures.ASSIGNMENTS, Fixtures.ENGAGEMENTS, Topic.REQUESTS.defaultName())) {
                for (int partition = 0; partition < InJvmKafkaBroker.PARTITIONS; partition++) {
                    ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            }
            return admin.listOffsets(ends).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }
}
