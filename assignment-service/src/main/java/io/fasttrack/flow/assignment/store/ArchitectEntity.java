package io.fasttrack.flow.assignment.store;

import io.fasttrack.flow.assignment.domain.Architect;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.Workload;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "architect")
public class ArchitectEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String role;
    public String region;
    @Column(name = "time_zone")
    public String timeZone;
    public int capacity;
    /** Comma-separated workload names. */
    public String skills;
    @Column(name = "team_manager")
    public String teamManager;
    @Column(name = "away_from")
    public LocalDate awayFrom;
    @Column(name = "away_to")
    public LocalDate awayTo;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The profile as the balancer keeps it. */
    public Architect toArchitect() {
        Set<Workload> workloads = skills.isEmpty() ? Set.of()
                : Arrays.stream(skills.split(",")).map(Workload::valueOf).collect(Collectors.toSet());
        return new Architect(id, name, ArchitectRole.valueOf(role), Region.valueOf(region), ZoneId.of(timeZone), capacity,
                workloads, teamManager, awayFrom, awayTo);
    }

    /** Takes every field of the profile, as of {@code at}. */
    public void fill(ArchitectProfile profile, Instant at) {
        name = profile.name();
        role = profile.role().name();
        region = profile.region().name();
        timeZone = profile.timeZone();
        capacity = profile.capacity();
        skills = profile.skills() == null ? "" : profile.skills().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        teamManager = profile.teamManager();
        awayFrom = profile.awayFrom();
        awayTo = profile.awayTo();
        updatedAt = at;
    }
}
