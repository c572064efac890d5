package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.model.Workload;
import java.util.Set;

/**
 * DIBS count as documented when every workload in the request's scope has them; a request that named
 * no workload needs DIBS for at least one.
 */
public final class DibsCoverage {

    private DibsCoverage() {
    }

    public static boolean documented(Set<Workload> inScope, Set<Workload> withDibs) {
        return inScope.isEmpty() ? !withDibs.isEmpty() : withDibs.containsAll(inScope);
    }
}
