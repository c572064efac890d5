package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Re-decides a recorded history with the policy the service decides by, on a balancer of its own, step by step in the
 * order the decider applied it (its decision journal). Each decision it derives carries the event id the service
 * would have given it ({@link DecisionIds}); the caller compares them with the recorded ones. Where they differ, the
 * replay goes on from what was recorded, so one difference does not hide or cause the next.
 */
public final class HistoryReplay {

    /** What the decider applied, as the replay takes it. */
    public sealed interface Step permits Arrival, RosterChange, Completion, Identification, Sweep, AsRecorded {
    }

    /** A RequestSubmitted: decided at once; {@code zone} is the request's, for its business hours. */
    public record Arrival(UUID eventId, AssignmentRequest request, Instant submittedAt, Instant slaDeadline, ZoneId zone)
            implements Step {
    }

    /** An architect registered or changed; {@code servesQueue}: the waiting requests were offered capacity after it. */
    public record RosterChange(UUID eventId, Architect profile, Instant at, boolean servesQueue) implements Step {
    }

    /** An engagement completed: its assignment frees its weight. */
    public record Completion(UUID eventId, String requestId, Instant at, boolean servesQueue) implements Step {
    }

    /** A placeholder tenant was identified as a real one: its history is the real tenant's from here on. */
    public record Identification(String placeholderId, String tenantId) implements Step {
    }

    /** The periodic sweep offered capacity to the waiting requests. */
    public record Sweep(Instant at) implements Step {
    }

    /** A decision taken as it stands: a manager's, or one re-applied from the log. */
    public record AsRecorded(Outcome outcome) implements Step {
    }

    /**
     * A decision: assigned ({@code architectId} set) or queued; {@code reassignedFrom} for a manager's move. The
     * request's SLA deadline and (for a queued one) its request are needed to serve the queue later.
     */
    public record Outcome(UUID eventId, String requestId, String tenantId, String architectId, String rule, int weight,
            Instant decidedAt, String reassignedFrom, AssignmentRequest request, Instant slaDeadline) {

        public boolean assigned() {
            return architectId != null;
        }
    }

    /** A re-derived decision next to the recorded one with the same id (null when none was recorded). */
    public record Rederived(Outcome rederived, Outcome recorded) {
    }

    private final Balancer balancer;
    private final AssignmentPolicy policy;
    private final Queue queue = new Queue();

    /** @param observer told of every decision the replay takes, before it is taken (see {@link AssignmentPolicy.Observer}) */
    public HistoryReplay(Balancer balancer, AssignmentPolicy.Observer observer) {
        this.balancer = balancer;
        this.policy = new AssignmentPolicy(balancer, observer);
    }

    /** How many requests wait in the replay's queue now. */
    public int waiting() {
        return queue.byId.size();
    }

    /** Whether the request waits in the replay's queue now. */
    public boolean isWaiting(String requestId) {
        return queue.byId.containsKey(requestId);
    }

    /**
     * Applies one step; every decision it derives goes to {@code derived} with the recorded one of the same id, found
     * by {@code recorded}, after which the state follows the recorded one.
     */
    public void apply(Step step, Function<UUID, Optional<Outcome>> recorded, Consumer<Rederived> derived) {
        if (step instanceof Arrival arrival) {
            Decision decision = policy.arrive(arrival.request(), arrival.slaDeadline(), arrival.submittedAt(), queue);
            UUID id = decision.assigned() ? DecisionIds.assignedOnArrival(arrival.eventId())
                    : DecisionIds.queuedOnArrival(arrival.eventId());
            Outcome outcome = outcome(id, arrival.request(), decision, arrival.slaDeadline());
            if (!decision.assigned()) {
                queue.add(outcome);
            }
            settle(outcome, recordedArrival(recorded, arrival.eventId(), outcome), derived);
        } else if (step instanceof RosterChange change) {
            balancer.upsertArchitect(change.profile(), change.at());
            if (change.servesQueue()) {
                serve(change.at(), requestId -> DecisionIds.assignedFromQueue(change.eventId(), requestId), recorded, derived);
            }
        } else if (step instanceof Completion completion) {
            balancer.advanceTo(completion.at());
            if (balancer.openAssignment(completion.requestId()).isPresent()) {
                balancer.release(completion.requestId(), completion.at());
            }
            if (completion.servesQueue()) {
                serve(completion.at(), requestId -> DecisionIds.assignedFromQueue(completion.eventId(), requestId),
                        recorded, derived);
            }
        } else if (step instanceof Identification identification) {
            balancer.identify(identification.placeholderId(), identification.tenantId());
        } else if (step instanceof Sweep sweep) {
            serve(sweep.at(), requestId -> DecisionIds.assignedBySweep(queue.queuedEventId(requestId)), recorded, derived);
        } else if (step instanceof AsRecorded asRecorded) {
            follow(asRecorded.outcome());
        }
    }

    private void serve(Instant at, Function<String, UUID> idOf,
            Function<UUID, Optional<Outcome>> recorded, Consumer<Rederived> derived) {
        for (Decision decision : policy.serveQueue(at, queue)) {
            WaitingRequest waiting = queue.remove(decision.requestId());
            Outcome outcome = outcome(idOf.apply(decision.requestId()), waiting.request(), decision, waiting.slaDeadline());
            settle(outcome, recorded.apply(outcome.eventId()).orElse(null), derived);
        }
    }

    /** The recorded decision of an arrival: the one with the derived id, else the other outcome of the same cause. */
    private static Outcome recordedArrival(Function<UUID, Optional<Outcome>> recorded, UUID cause, Outcome derived) {
        return recorded.apply(derived.eventId()).or(() -> recorded.apply(derived.assigned()
                ? DecisionIds.queuedOnArrival(cause) : DecisionIds.assignedOnArrival(cause))).orElse(null);
    }

    private void settle(Outcome rederived, Outcome recorded, Consumer<Rederived> derived) {
        derived.accept(new Rederived(rederived, recorded));
        if (recorded == null || same(rederived, recorded)) {
            return;
        }
        if (rederived.assigned()) {
            balancer.release(rederived.requestId());
        } else {
            queue.remove(rederived.requestId());
        }
        follow(recorded);
    }

    /** Applies a decision as recorded. */
    private void follow(Outcome recorded) {
        if (recorded.assigned()) {
            queue.remove(recorded.requestId());
            if (balancer.openAssignment(recorded.requestId()).isPresent()) {
                balancer.release(recorded.requestId());
            }
            balancer.assign(recorded.requestId(), recorded.architectId(), recorded.tenantId(), recorded.weight(),
                    recorded.decidedAt());
        } else if (recorded.request() != null && balancer.openAssignment(recorded.requestId()).isEmpty()) {
            queue.add(recorded);
        }
    }

    /** The same decision: the same outcome, architect and deciding rule. */
    public static boolean same(Outcome rederived, Outcome recorded) {
        return Objects.equals(rederived.architectId(), recorded.architectId())
                && Objects.equals(rederived.rule(), recorded.rule());
    }

    private static Outcome outcome(UUID id, AssignmentRequest request, Decision decision, Instant slaDeadline) {
        return new Outcome(id, request.requestId(), request.tenantId(), decision.architectId(), decision.rule().name(),
                decision.weight(), decision.decidedAt(), null, request, slaDeadline);
    }

    /** The replay's own waiting requests, in serving order, with the id of each one's RequestQueued. */
    private static final class Queue implements WaitingQueue {
        private final TreeSet<WaitingRequest> waiting = new TreeSet<>(WaitingRequest.SERVING_ORDER);
        private final Map<String, WaitingRequest> byId = new HashMap<>();
        private final Map<String, UUID> queuedEventIds = new HashMap<>();

        void add(Outcome queued) {
            WaitingRequest request = new WaitingRequest(queued.request(),
                    Routing.roleFor(queued.request().queue(), queued.request().getModern()), queued.slaDeadline());
            if (byId.putIfAbsent(queued.requestId(), request) == null) {
                waiting.add(request);
                queuedEventIds.put(queued.requestId(), queued.eventId());
            }
        }

        WaitingRequest remove(String requestId) {
            WaitingRequest removed = byId.remove(requestId);
            if (removed != null) {
                waiting.remove(removed);
            }
            return removed;
        }

        UUID queuedEventId(String requestId) {
            return queuedEventIds.get(requestId);
        }

        @Override
        public Optional<WaitingRequest> head(ArchitectRole role) {
            return waiting.stream().filter(request -> request.role() == role).findFirst();
        }

        @Override
        public List<WaitingRequest> inServingOrder() {
            return new ArrayList<>(waiting);
        }
    }
}
