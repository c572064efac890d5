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
    CURRENT_ARCHITECT
}
