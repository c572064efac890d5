package io.fasttrack.flow.health.store;

import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.WorkloadUsage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One report per customer, workload and date; a later report for the same date replaces the earlier one. Read
 * through this entity, written by {@link UsageReports}.
 */
@Entity
@Table(name = "usage_report")
public class UsageReport extends PanacheEntityBase {

    @Id
    @Column(name = "report_key")
    public String reportKey;

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

    @Column(name = "renewal_date")
    public LocalDate renewalDate;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** The row of a reported event, for {@link UsageReports#replace}. */
    public static UsageReport of(UUID eventId, UsageReported reported) {
        UsageReport report = new UsageReport();
        report.reportKey = key(reported.tenantId(), reported.workload(), reported.asOf());
        report.tenantId = reported.tenantId();
        report.workload = reported.workload();
        report.asOf = reported.asOf();
        report.licensed = reported.licensed();
        report.active = reported.active();
        report.renewalDate = reported.renewalDate();
        report.eventId = eventId;
        report.reportedAt = reported.reportedAt();
        return report;
    }

    /** This report as another customer's: a placeholder's report folded into its real tenant. */
    public UsageReport movedTo(String tenant) {
        UsageReport moved = new UsageReport();
        moved.reportKey = key(tenant, workload, asOf);
        moved.tenantId = tenant;
        moved.workload = workload;
        moved.asOf = asOf;
        moved.licensed = licensed;
        moved.active = active;
        moved.renewalDate = renewalDate;
        moved.eventId = eventId;
        moved.reportedAt = reportedAt;
        return moved;
    }

    public static String key(String tenantId, Workload workload, LocalDate asOf) {
        return workload + "|" + asOf + "|" + tenantId;
    }

    public WorkloadUsage toUsage() {
        return new WorkloadUsage(workload, licensed, active, asOf);
    }

    public static List<UsageReport> history(String tenantId) {
        return list("tenantId = ?1 order by asOf, workload", tenantId);
    }

    /** The usage history of each of these customers, with one query; a customer without reports is absent. */
    public static Map<String, List<WorkloadUsage>> historiesOf(Collection<String> tenantIds) {
        Map<String, List<WorkloadUsage>> byTenant = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            UsageReport.<UsageReport>list("tenantId in ?1 order by asOf, workload", tenantIds).forEach(report -> byTenant
                    .computeIfAbsent(report.tenantId, tenant -> new ArrayList<>()).add(report.toUsage()));
        }
        return byTenant;
    }
}
