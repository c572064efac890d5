package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.Workload;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * An architect's profile as the balancer needs it. Away from {@code awayFrom} to {@code awayTo} inclusive,
 * as dates in the architect's own time zone.
 */
public record Architect(
        String id,
        String name,
        ArchitectRole role,
        Region region,
        ZoneId timeZone,
        int capacity,
        Set<Workload> skills,
        String teamManager,
        LocalDate awayFrom,
        LocalDate awayTo) {

    public Architect {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(timeZone, "timeZone");
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
    }

    public boolean isAwayAt(Instant at) {
        if (awayFrom == null || awayTo == null) {
            return false;
        }
        LocalDate day = at.atZone(timeZone).toLocalDate();
        return !day.isBefore(awayFrom) && !day.isAfter(awayTo);
    }

    /** The instants at which {@link #isAwayAt} may change value: start of awayFrom and end of awayTo, locally. */
    Instant[] awayBoundaries() {
        if (awayFrom == null || awayTo == null) {
            return new Instant[0];
        }
        return new Instant[] {
                awayFrom.atStartOfDay(timeZone).toInstant(),
                awayTo.plusDays(1).atStartOfDay(timeZone).toInstant()};
    }

    long skillMask() {
        return WorkloadMask.of(skills);
    }
}
