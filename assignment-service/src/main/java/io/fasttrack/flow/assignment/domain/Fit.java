package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.Region;

/** How well an architect suits a request (SPEC rule 3): in its region or not, how many of its workloads they know. */
record Fit(boolean regionMatch, int skillMatches) {

    static Fit of(Region architectRegion, long skillMask, Region requestRegion, long requestMask) {
        return new Fit(architectRegion == requestRegion, Long.bitCount(skillMask & requestMask));
    }
}
