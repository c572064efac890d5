package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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

    /** These customers, by tenant id; one without a row (no report applied yet) is absent. */
    public static Map<String, CustomerHealth> ofTenants(Collection<String> tenantIds) {
        Map<String, CustomerHealth> byTenant = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            CustomerHealth.<CustomerHealth>list("tenantId in ?1", tenantIds).forEach(customer -> byTenant.put(customer.tenantId, customer));
        }
        return byTenant;
    }

    /**
     * A customer of which no report was applied before: no category yet, so its first assessment is {@code NEW}.
     * Not persisted yet: a batch persists its new rows once every report of it was applied.
     */
    public static CustomerHealth first(String tenantId) {
        CustomerHealth customer = new CustomerHealth();
        customer.tenantId = tenantId;
        return customer;
    }
}
