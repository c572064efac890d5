package io.fasttrack.flow.assignment.domain;

/** The rule of the policy (SPEC section 3) that settled a decision. */
public enum DecidingRule {
    /** An eligible architect already works with this customer. */
    CONTINUITY,
    /** The winner's fit (region, then skill overlap) beat the runner-up's. */
    FIT,
    /** Runner-up had the same fit; utilization after assignment and its tie-breaks decided. */
    BALANCE,
    /** Exactly one architect was eligible. */
    ONLY_ELIGIBLE,
    /** A manager named the architect. */
    MANAGER,
    /** Nobody eligible: the request waits. */
    QUEUE
}
