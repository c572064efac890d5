package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

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
}
