package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import java.util.List;
import java.util.Optional;

/** The requests waiting for capacity, in {@link WaitingRequest#SERVING_ORDER}; the policy reads it, its owner changes it. */
public interface WaitingQueue {

    /** The first waiting request of the role, if any. */
    Optional<WaitingRequest> head(ArchitectRole role);

    /** Every waiting request, first served first. */
    List<WaitingRequest> inServingOrder();
}
