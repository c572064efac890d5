package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who owns a customer in the portfolio: the architect of its latest assignment, and where the customer belongs. */
@Entity
@Table(name = "customer_owner")
public class CustomerOwner extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "customer_name")
    public String customerName;

    public String segment;

    public String region;

    @Column(name = "architect_id", nullable = false)
    public String architectId;

    @Column(name = "architect_name")
    public String architectName;

    @Column(name = "team_manager")
    public String teamManager;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;
}
