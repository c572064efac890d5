package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A placeholder tenant the balancer identified as a real one (migration V7); {@code seq} keeps the order applied. */
@Entity
@Table(name = "tenant_identity")
public class TenantIdentityEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "placeholder_id")
    public String placeholderId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "identified_at")
    public Instant identifiedAt;

    public static TenantIdentityEntity of(String placeholderId, String tenantId, Instant identifiedAt) {
        TenantIdentityEntity row = new TenantIdentityEntity();
        row.placeholderId = placeholderId;
        row.tenantId = tenantId;
        row.identifiedAt = identifiedAt;
        return row;
    }

    /** Every identification, in the order the balancer applied them. */
    public static List<TenantIdentityEntity> inOrderApplied() {
        return list("order by seq");
    }
}
