package io.fasttrack.flow.events.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An architect as the roster knows them. Away from {@code awayFrom} to {@code awayTo} inclusive when both are set.
 */
public record ArchitectProfile(
        String id,
        String name,
        ArchitectRole role,
        Region region,
        String timeZone,
        int capacity,
        List<Workload> skills,
        String teamManager,
        LocalDate awayFrom,
        LocalDate awayTo) {
}
