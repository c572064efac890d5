package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.ArchitectView;
import io.fasttrack.flow.assignment.domain.OpenAssignment;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * A manager's roster commands: register and change architects. Each is published on the roster topic and applied at
 * once as the consumed roster event would be (its copy on the topic is a no-op).
 */
@ApplicationScoped
public class RosterCommands {

    @Inject
    DecisionGate gate;

    @Inject
    InputDecisions inputs;

    @Inject
    Clock clock;

    @Inject
    @Channel("roster-out")
    Emitter<EventEnvelope<?>> roster;

    public ArchitectView register(ArchitectProfile profile) {
        return gate.exclusively(change -> {
            if (gate.balancer().knows(profile.id())) {
                throw ProblemException.conflict("architect " + profile.id() + " is already registered");
            }
            EventEnvelope<ArchitectRegistered> event = EventEnvelope.of(clock.instant(), DecisionRecords.SOURCE, null, null,
                    new ArchitectRegistered(profile));
            publishRosterChange(change, event);
            inputs.applyRosterChange(change, event, profile);
            return gate.balancer().view(profile.id()).orElseThrow();
        });
    }

    /**
     * Changes an architect's profile; a capacity below their current load is refused (409) with the load and the
     * open assignments to move first, since the balancer never lets anyone be over capacity.
     */
    public ArchitectView update(ArchitectProfile profile) {
        return gate.exclusively(change -> {
            ArchitectView current = gate.balancer().view(profile.id())
                    .orElseThrow(() -> ProblemException.notFound("no architect " + profile.id()));
            if (profile.capacity() < current.load()) {
                throw overCapacity(current, profile.capacity());
            }
            EventEnvelope<ArchitectUpdated> event = EventEnvelope.of(clock.instant(), DecisionRecords.SOURCE, null, null,
                    new ArchitectUpdated(profile));
            publishRosterChange(change, event);
            inputs.applyRosterChange(change, event, profile);
            return gate.balancer().view(profile.id()).orElseThrow();
        });
    }

    private ProblemException overCapacity(ArchitectView current, int capacity) {
        String open = current.openRequestIds().stream()
                .map(requestId -> requestId + " (weight " + gate.balancer().openAssignment(requestId).map(OpenAssignment::weight)
                        .orElse(0) + ")")
                .collect(Collectors.joining(", "));
        String message = "capacity " + capacity + " is below the current load " + current.load()
                + "; move some of the open assignments first: " + open;
        return new ProblemException(new Problem("about:blank", "Conflict", 409, "architect " + current.profile().id()
                + " carries load " + current.load() + ": " + message, null, List.of(new Problem.Violation("capacity", message))));
    }

    /** A manager's roster change is published and applied here under its event id; its copy on the topic is a no-op. */
    private void publishRosterChange(Change change, EventEnvelope<?> event) {
        change.publish(roster, event);
        change.applied(event.eventId());
    }
}
