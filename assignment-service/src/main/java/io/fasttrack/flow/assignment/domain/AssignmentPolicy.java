package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC section 3 as the service applies it, over the {@link Balancer}: an arriving request is decided at once, and
 * freed capacity (an engagement completed, a roster change) serves the queue. The queue is served by SLA deadline
 * without starvation: the first waiting request of a role that fits nobody yet (the head) reserves the architect
 * who can take it first ({@link Balancer#reservationFor}); a request behind the head, waiting or arriving, may take
 * freed capacity anywhere but on that architect, so it never delays the head (backfilling with a reservation).
 *
 * <p>Every decision that assigns is applied to the balancer here, so the next one sees it. Deterministic, as the
 * balancer is: the same calls on the same state decide the same; the service and its verifier both decide through it.
 */
public final class AssignmentPolicy {

    /** Told of every decision before it is taken, with the exclusions it is taken under (the verifier's why-not). */
    @FunctionalInterface
    public interface Observer {
        void deciding(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded);
    }

    private final Balancer balancer;
    private final Observer observer;

    public AssignmentPolicy(Balancer balancer) {
        this(balancer, (request, at, excluded) -> { });
    }

    public AssignmentPolicy(Balancer balancer, Observer observer) {
        this.balancer = balancer;
        this.observer = observer;
    }

    /** Decides an arriving request; behind a waiting head of its role it may not take the head's reservation. */
    public Decision arrive(AssignmentRequest request, Instant slaDeadline, Instant at, WaitingQueue queue) {
        ArchitectRole role = Routing.roleFor(request.queue(), request.getModern());
        WaitingRequest arriving = new WaitingRequest(request, role, slaDeadline);
        Map<String, Exclusion> excluded = queue.head(role)
                .filter(head -> head.servedBefore(arriving))
                .map(head -> reservation(head, at))
                .orElse(Map.of());
        return assignIfDecided(request, at, excluded);
    }

    /**
     * Offers the capacity there is now to the waiting requests, first served first, with the head's reservation per
     * role; returns the decisions that assigned (the caller takes those requests out of the queue).
     */
    public List<Decision> serveQueue(Instant at, WaitingQueue queue) {
        Map<ArchitectRole, Map<String, Exclusion>> reservations = new EnumMap<>(ArchitectRole.class);
        List<Decision> assigned = new ArrayList<>();
        for (WaitingRequest waiting : queue.inServingOrder()) {
            Decision decision = assignIfDecided(waiting.request(), at, reservations.getOrDefault(waiting.role(), Map.of()));
            if (decision.assigned()) {
                assigned.add(decision);
            } else {
                reservations.computeIfAbsent(waiting.role(), role -> reservation(waiting, at));
            }
        }
        return assigned;
    }

    private Map<String, Exclusion> reservation(WaitingRequest head, Instant at) {
        return balancer.reservationFor(head.request(), at).map(architectId -> Map.of(architectId, Exclusion.RESERVED))
                .orElse(Map.of());
    }

    private Decision assignIfDecided(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded) {
        observer.deciding(request, at, excluded);
        Decision decision = balancer.decide(request, at, excluded);
        if (decision.assigned()) {
            balancer.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(),
                    decision.decidedAt());
        }
        return decision;
    }
}
