package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestQueue;

/** Which role serves a request (SPEC section 3). */
public final class Routing {

    private Routing() {
    }

    public static ArchitectRole roleFor(RequestQueue queue, boolean getModern) {
        return switch (queue) {
            case FTA -> getModern ? ArchitectRole.GET_MODERN_FTA : ArchitectRole.ALIGNMENT_FTA;
            case FTCHELP -> ArchitectRole.FTCHELP;
        };
    }

    /** The queue whose requests a role serves. */
    public static RequestQueue queueOf(ArchitectRole role) {
        return role == ArchitectRole.FTCHELP ? RequestQueue.FTCHELP : RequestQueue.FTA;
    }
}
