package io.fasttrack.flow.assignment.messaging;

/**
 * This instance holds the decider lease and is about to decide: what has to be in place first (the state loaded,
 * the decision log re-applied) observes this event; the inputs are consumed once every observer has returned.
 */
public record DeciderElected(String holder) {
}
