package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A HealthCategoryChanged this service published, kept for the customer's history and the portfolio's moves. */
@Entity
@Table(name = "category_change")
public class CategoryChange extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "previous_category")
    public String previousCategory;

    @Column(name = "new_category", nullable = false)
    public String newCategory;

    @Column(nullable = false)
    public String direction;

    @Column(name = "previous_utilization", precision = 9, scale = 6)
    public BigDecimal previousUtilization;

    @Column(nullable = false, precision = 9, scale = 6)
    public BigDecimal utilization;

    /** The drivers as a JSON array, in the order the event carries them. */
    @Column(nullable = false)
    public String drivers;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<CategoryChange> historyOf(String tenantId) {
        return list("tenantId = ?1 order by changedAt, asOf", tenantId);
    }
}
