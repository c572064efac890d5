package io.fasttrack.flow.assignment.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The event id of every decision the balancer makes, derived from what caused it, so that deciding the same again
 * (a retried change, the verifier) gives the same id.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    /** The FtaAssigned of an arriving request. */
    public static UUID assignedOnArrival(UUID requestSubmitted) {
        return derived(requestSubmitted, "FtaAssigned");
    }

    /** The RequestQueued of an arriving request. */
    public static UUID queuedOnArrival(UUID requestSubmitted) {
        return derived(requestSubmitted, "RequestQueued");
    }

    /** The FtaAssigned of a waiting request served after an input freed or added capacity. */
    public static UUID assignedFromQueue(UUID input, String requestId) {
        return derived(input, "FtaAssigned/" + requestId);
    }

    /** The FtaAssigned of a waiting request served by the periodic sweep. */
    public static UUID assignedBySweep(UUID requestQueued) {
        return derived(requestQueued, "FtaAssigned");
    }

    private static UUID derived(UUID cause, String discriminator) {
        return UUID.nameUUIDFromBytes((cause + "/" + discriminator).getBytes(StandardCharsets.UTF_8));
    }
}
