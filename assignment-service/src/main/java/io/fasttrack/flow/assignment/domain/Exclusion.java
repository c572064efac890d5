package io.fasttrack.flow.assignment.domain;

/** Why an architect could not take a request. */
public enum Exclusion {
    /** Not the role the request's queue needs. */
    ROLE,
    /** Inside their away period at the decision time. */
    AWAY,
    /** {@code load + weight > capacity}. */
    NO_CAPACITY,
    /** The architect the work is being moved away from (reassignment). */
    CURRENT_ARCHITECT,
    /** Held for the request at the head of the queue, which waits for their capacity (backfilling). */
    RESERVED;

    /** Whether the caller holds the architect back; the policy finds the other reasons itself. */
    public boolean heldBackByCaller() {
        return this == CURRENT_ARCHITECT || this == RESERVED;
    }
}
