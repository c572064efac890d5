package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A placeholder tenant and the real tenant it turned out to be (TenantIdentified). */
@Entity
@Table(name = "tenant_identity")
public class TenantIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "placeholder_id")
    public String placeholderId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "identified_at")
    public Instant identifiedAt;
}
