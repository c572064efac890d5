package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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

    /** The owners of these customers, by tenant id; a customer never assigned is absent. */
    public static Map<String, CustomerOwner> ofTenants(Collection<String> tenantIds) {
        Map<String, CustomerOwner> byTenant = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            CustomerOwner.<CustomerOwner>list("tenantId in ?1", tenantIds).forEach(owner -> byTenant.put(owner.tenantId, owner));
        }
        return byTenant;
    }

    /**
     * Takes the owner of a placeholder folded into this customer when its assignment is the later one; where the
     * customer is stays known either way (as when the placeholder's assignment had arrived under this customer).
     */
    public void absorb(CustomerOwner other) {
        boolean later = other.assignedAt.isAfter(assignedAt);
        if (later) {
            architectId = other.architectId;
            architectName = other.architectName;
            teamManager = other.teamManager;
            requestId = other.requestId;
            assignedAt = other.assignedAt;
        }
        if (other.region != null && (later || region == null)) {
            region = other.region;
        }
        if (other.customerName != null && (later || customerName == null)) {
            customerName = other.customerName;
            segment = other.segment != null ? other.segment : segment;
        }
    }

    /** A customer not assigned before ({@link #assignedAt} null): the event that created it makes its architect the owner. */
    public static CustomerOwner of(String tenantId) {
        CustomerOwner owner = new CustomerOwner();
        owner.tenantId = tenantId;
        return owner;
    }
}
