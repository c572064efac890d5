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
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The latest report of every workload of these customers, by tenant id; a customer without reports has none. */
    public static Map<String, Map<Workload, WorkloadLatest>> ofTenants(Collection<String> tenantIds) {
        Map<String, Map<Workload, WorkloadLatest>> byTenant = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            WorkloadLatest.<WorkloadLatest>list("tenantId in ?1", tenantIds).forEach(latest -> byTenant
                    .computeIfAbsent(latest.tenantId, tenant -> new EnumMap<>(Workload.class)).put(latest.workload, latest));
        }
        return byTenant;
    }

    /**
     * The first report of a customer workload. Not persisted yet: a batch persists its new rows once every report
     * of it was offered, so the insert carries the final state.
     */
    public static WorkloadLatest first(String tenantId, WorkloadUsage usage) {
        WorkloadLatest latest = new WorkloadLatest();
        latest.latestKey = usage.workload() + "|" + tenantId;
        latest.tenantId = tenantId;
        latest.workload = usage.workload();
        latest.take(usage);
        return latest;
    }

    /** Takes the report if it is at least as recent as the one kept; an older one is history only. */
    public void offer(WorkloadUsage usage) {
        if (!usage.asOf().isBefore(asOf)) {
            take(usage);
        }
    }

    private void take(WorkloadUsage usage) {
        asOf = usage.asOf();
        licensed = usage.licensed();
        active = usage.active();
    }

    public static List<WorkloadLatest> of(String tenantId) {
        return list("tenantId = ?1 order by workload", tenantId);
    }

    public WorkloadUsage toUsage() {
        return new WorkloadUsage(workload, licensed, active, asOf);
    }
}
