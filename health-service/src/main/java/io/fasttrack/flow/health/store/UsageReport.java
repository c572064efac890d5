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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One report per customer, workload and date; a later report for the same date replaces the earlier one. */
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

    public static String key(String tenantId, Workload workload, LocalDate asOf) {
        return workload + "|" + asOf + "|" + tenantId;
    }

    public WorkloadUsage toUsage() {
        return new WorkloadUsage(workload, licensed, active, asOf);
    }

    /** The stored reports with these keys, by key. */
    public static Map<String, UsageReport> byKey(Collection<String> reportKeys) {
        Map<String, UsageReport> byKey = new HashMap<>();
        if (!reportKeys.isEmpty()) {
            UsageReport.<UsageReport>list("reportKey in ?1", reportKeys).forEach(report -> byKey.put(report.reportKey, report));
        }
        return byKey;
    }

    public static List<UsageReport> history(String tenantId) {
        return list("tenantId = ?1 order by asOf, workload", tenantId);
    }
}
