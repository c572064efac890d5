package io.fasttrack.flow.assignment.domain;

/** A request an architect is working on; counts towards their load until its engagement completes. */
public record OpenAssignment(String requestId, String architectId, String tenantId, int weight) {
}
