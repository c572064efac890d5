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
import java.util.List;
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

    public static String key(String tenantId, Workload workload, LocalDate asOf) {
        return workload + "|" + asOf + "|" + tenantId;
    }

    public WorkloadUsage toUsage() {
        return new WorkloadUsage(workload, licensed, active, asOf);
    }

    public static List<UsageReport> history(String tenantId) {
        return list("tenantId = ?1 order by asOf, workload", tenantId);
    }
}
