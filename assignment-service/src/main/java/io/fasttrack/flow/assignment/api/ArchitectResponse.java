package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.domain.Architect;
import io.fasttrack.flow.assignment.domain.ArchitectView;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An architect with their load: what the roster and utilization views show. */
public record ArchitectResponse(
        String id,
        String name,
        ArchitectRole role,
        Region region,
        String timeZone,
        int capacity,
        List<Workload> skills,
        String teamManager,
        LocalDate awayFrom,
        LocalDate awayTo,
        boolean away,
        int load,
        BigDecimal utilization,
        List<String> openAssignments,
        int assignmentsLast30Days,
        Instant lastAssignedAt) {

    static ArchitectResponse of(ArchitectView view) {
        Architect profile = view.profile();
        return new ArchitectResponse(profile.id(), profile.name(), profile.role(), profile.region(), profile.timeZone().getId(),
                profile.capacity(), profile.skills().stream().sorted().toList(), profile.teamManager(), profile.awayFrom(),
                profile.awayTo(), view.away(), view.load(), view.utilization(), view.openRequestIds(),
                view.assignmentsLast30Days(), view.lastAssignedAt());
    }
}
