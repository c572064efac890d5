package io.fasttrack.flow.assignment.domain;

/**
 * The rules of SPEC section 3 that rank eligible architects, in the order they apply: the first on which two
 * architects differ puts one ahead. {@link BalancingRules#compare} says what each compares.
 */
public enum RankingRule {
    /** Rule 2: an open engagement with the customer, else the customer's most recent engagement. */
    CONTINUITY,
    /** Rule 3: in the request's region. */
    FIT_REGION,
    /** Rule 3: more of the request's workloads among the skills. */
    FIT_SKILLS,
    /** Rule 4: lower utilization after assignment, {@code (load + weight) / capacity}. */
    UTILIZATION,
    /** Rule 4, first tie-break: fewer assignments in the trailing 30 days. */
    RECENT_ASSIGNMENTS,
    /** Rule 4, second tie-break: the earlier last assignment, never assigned first. */
    LAST_ASSIGNED,
    /** Rule 4, last tie-break: the lower id. */
    ID
}
