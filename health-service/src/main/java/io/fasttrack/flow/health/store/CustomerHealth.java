package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A customer's current category and utilization, and what its workloads stood at when the category last changed. */
@Entity
@Table(name = "customer_health")
public class CustomerHealth extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false, precision = 9, scale = 6)
    public BigDecimal utilization;

    @Column(name = "latest_as_of", nullable = false)
    public LocalDate latestAsOf;

    @Column(name = "category_since", nullable = false)
    public LocalDate categorySince;

    /** Per-workload utilization (JSON object) when the category last changed: the baseline drivers are measured from. */
    @Column(name = "baseline", nullable = false)
    public String baseline;

    @Column(name = "renewal_date")
    public LocalDate renewalDate;

    /** As-of date of the report that carried {@link #renewalDate}; a renewal date from an older report never overrides it. */
    @Column(name = "renewal_reported_as_of")
    public LocalDate renewalReportedAsOf;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
