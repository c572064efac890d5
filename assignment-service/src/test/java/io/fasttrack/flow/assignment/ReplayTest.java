package io.fasttrack.flow.assignment;

import static io.fasttrack.flow.assignment.Fixtures.topic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Starts the service on an empty database under a new consumer group, after the other test classes left a
 * history on the topics (assignments, queueing, completions, reassignments, duplicates, a burst), and checks
 * that the rebuilt store holds exactly the assignments and loads the log says, without deciding anything again.
 * Quarkus runs test classes with a test profile after those without, so this one comes last.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@TestProfile(ReplayTest.EmptyStoreNewGroup.class)
class ReplayTest {

    public static class EmptyStoreNewGroup implements QuarkusTestProfile {
        private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InJvmKafkaBroker.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:replay-" + RUN + ";DB_CLOSE_DELAY=-1",
                    "fasttrack.assignment.consumer-group", "assignment-replay-" + RUN);
        }
    }

    private final Fixtures fixtures = Fixtures.create();

    @Test
    void anEmptyStoreReplayedFromTheTopicsHoldsTheSameAssignments() {
        // what the replay dead-letters (a decision without an architect, left by RestartTest) is not part of the state
        Set<UUID> deadLettered = fixtures.streams.events(topic("assignments") + ".dlq").stream().map(EventEnvelope::eventId)
                .collect(Collectors.toSet());
        List<EventEnvelope<EventData>> log = fixtures.streams.events(topic("assignments")).stream()
                .filter(event -> !deadLettered.contains(event.eventId())).toList();
        Map<String, FtaAssigned> current = new LinkedHashMap<>();
        log.stream().map(EventEnvelope::data).filter(FtaAssigned.class::isInstance).map(FtaAssigned.class::cast)
                .forEach(assigned -> current.put(assigned.requestId(), assigned));
        assertThat(current).as("history left by the other test classes").hasSizeGreaterThan(20);
        Set<String> completed = fixtures.streams.events(topic("engagements"), EngagementCompleted.class).stream()
                .map(EngagementCompleted::requestId).collect(Collectors.toSet());
        Set<String> waiting = log.stream().map(EventEnvelope::data).filter(RequestQueued.class::isInstance)
                .map(q -> ((RequestQueued) q).requestId()).filter(id -> !current.containsKey(id)).collect(Collectors.toSet());
        Map<String, Integer> expectedLoad = new HashMap<>();
        current.values().stream().filter(a -> !completed.contains(a.requestId()))
                .forEach(a -> expectedLoad.merge(a.architect().id(), a.weight(), Integer::sum));

        // the loads and the queue settle last (the inputs come after the decision log); then every decision is read once
        Awaitility.await().atMost(Fixtures.PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> architects = Fixtures.allItems("/architects");
            assertThat(architects).isNotEmpty();
            for (Map<String, Object> architect : architects) {
                assertThat(architect.get("load")).as("load of " + architect.get("id"))
                        .isEqualTo(expectedLoad.getOrDefault((String) architect.get("id"), 0));
                assertThat((Integer) architect.get("load")).isLessThanOrEqualTo((Integer) architect.get("capacity"));
            }
            assertThat(Fixtures.allItems("/queue")).extracting(item -> (String) item.get("requestId"))
                    .containsExactlyInAnyOrderElementsOf(waiting);
        });
        for (FtaAssigned assigned : current.values()) {
            var decision = given().get("/assignments/" + assigned.requestId()).then().statusCode(200).extract().jsonPath();
            assertThat(decision.getString("architect.id")).as(assigned.requestId()).isEqualTo(assigned.architect().id());
            assertThat(decision.getString("status")).isEqualTo(completed.contains(assigned.requestId()) ? "COMPLETED" : "ASSIGNED");
        }
        for (String requestId : waiting) {
            given().get("/assignments/" + requestId).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("QUEUED"));
        }

        // nothing was decided a second time: each request has one original decision, under one event id
        Map<String, Set<UUID>> originalDecisionIds = fixtures.streams.events(topic("assignments")).stream()
                .filter(e -> e.data() instanceof FtaAssigned assigned && assigned.reassignedFrom() == null)
                .collect(Collectors.groupingBy(e -> ((FtaAssigned) e.data()).requestId(),
                        Collectors.mapping(EventEnvelope::eventId, Collectors.toSet())));
        assertThat(originalDecisionIds).allSatisfy((requestId, ids) -> assertThat(ids).as(requestId).hasSize(1));
    }
}
