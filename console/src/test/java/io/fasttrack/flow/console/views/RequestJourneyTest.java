package io.fasttrack.flow.console.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.EngagementApi;
import io.fasttrack.flow.console.services.IntakeApi;
import org.junit.jupiter.api.Test;

/** A request's path: where it is now, what it passed and what is still ahead. */
class RequestJourneyTest {

    private static final Instant SUBMITTED = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aWaitingRequestIsInTheQueueWithEverythingElseAhead() {
        RequestJourney journey = RequestJourney.of(request("QUEUED"), decision(null), null, null, null);

        assertThat(journey.path()).extracting(RequestJourney.Step::name, RequestJourney.Step::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Submitted", "done"),
                org.assertj.core.groups.Tuple.tuple("Waiting in the queue", "now"),
                org.assertj.core.groups.Tuple.tuple("Assigned", "next"),
                org.assertj.core.groups.Tuple.tuple("Engagement opened", "next"),
                org.assertj.core.groups.Tuple.tuple("Completed", "next"));
        assertThat(journey.winnerId()).isNull();
    }

    @Test
    void anEngagementWithItsMandatoryTasksDoneIsCompletedOnceClosed() {
        Instant done = SUBMITTED.plusSeconds(3600);
        EngagementApi.Engagement engagement = new EngagementApi.Engagement("eng-1", "req-1", "contoso", "fta-ana",
                "Ana", "tm-1", "DISCOVERY_WORKSHOP", "FTA", List.of("TEAMS"), "COMPLETED", SUBMITTED, done, null,
                false, List.of(new EngagementApi.Task("1", "Workshop", true, "DONE", done, done, "fta-ana"),
                        new EngagementApi.Task("2", "Optional", false, "OPEN", done, null, null)),
                List.of(), List.of(), List.of(), false, List.of(), List.of());

        RequestJourney journey = RequestJourney.of(request("COMPLETED"), decision(
                new AssignmentApi.ChosenArchitect("fta-ana", "Ana", "ALIGNMENT_FTA", "EMEA", "tm-1")), engagement,
                null, null);

        assertThat(journey.path()).extracting(RequestJourney.Step::state).containsOnly("done");
        assertThat(journey.path().get(3).detail()).isEqualTo("1 of 1");
        assertThat(journey.path().get(3).at()).isEqualTo(done);
        assertThat(journey.winnerId()).isEqualTo("fta-ana");
    }

    private static IntakeApi.Request request(String status) {
        return new IntakeApi.Request("req-1", "DISCOVERY_WORKSHOP", "contoso", "Contoso", false, status, null, null,
                SUBMITTED.plusSeconds(172_800), false, false, null, false, null, null, null, null, SUBMITTED,
                SUBMITTED);
    }

    private static AssignmentApi.Decision decision(AssignmentApi.ChosenArchitect architect) {
        return new AssignmentApi.Decision("req-1", "contoso", architect == null ? "QUEUED" : "ASSIGNED", architect,
                architect == null ? null : "BALANCE", "ALIGNMENT_FTA", 3, SUBMITTED.plusSeconds(172_800), SUBMITTED,
                null, null, architect == null ? "no eligible ALIGNMENT_FTA" : null, List.of());
    }
}
