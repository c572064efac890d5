package io.fasttrack.flow.health.store;

import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.WorkloadUsage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/**
 * The latest report of one customer workload, kept beside the full history so assessing a customer reads a
 * handful of rows however long its history is. A report dated before the latest one changes nothing here.
 */
@Entity
@Table(name = "workload_latest")
public class WorkloadLatest extends PanacheEntityBase {

    @Id
    @Column(name = "latest_key")
    public String latestKey;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Workload workload;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(nullable = false)
    public long licensed;

    @Column(nullable = false)
    public long active;

    /** Takes the report if it is at least as recent as the one kept. */
    public static void offer(String tenantId, Workload workload, LocalDate asOf, long licensed, long active) {
        String key = workload + "|" + tenantId;
        WorkloadLatest latest = findById(key);
        if (latest == null) {
            latest = new WorkloadLatest();
            latest.latestKey = key;
            latest.tenantId = tenantId;
            latest.workload = workload;
            latest.asOf = asOf;
            latest.licensed = licensed;
            latest.active = active;
            latest.persist();
        } else if (!asOf.isBefore(latest.asOf)) {
            latest.asOf = asOf;
            latest.licensed = licensed;
            latest.active = active;
        }
    }

    public static List<WorkloadLatest> of(String tenantId) {
        return list("tenantId = ?1 order by workload", tenantId);
    }

    public WorkloadUsage toUsage() {
        return new WorkloadUsage(workload, licensed, active, asOf);
    }
}
