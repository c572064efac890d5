package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A placeholder tenant identified as a real one: what arrives under the placeholder belongs to the real tenant. */
@Entity
@Table(name = "tenant_alias")
public class TenantAlias extends PanacheEntityBase {

    @Id
    @Column(name = "placeholder_id")
    public String placeholderId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "identified_at", nullable = false)
    public Instant identifiedAt;

    /** Each of these tenant ids as the tenant its records belong to: a placeholder's real tenant, any other itself. */
    public static Map<String, String> resolve(Collection<String> tenantIds) {
        Map<String, String> resolved = new HashMap<>();
        tenantIds.forEach(tenant -> resolved.put(tenant, tenant));
        if (!tenantIds.isEmpty()) {
            TenantAlias.<TenantAlias>list("placeholderId in ?1", tenantIds).forEach(alias -> resolved.put(alias.placeholderId, alias.tenantId));
        }
        return resolved;
    }

    public static String resolve(String tenantId) {
        return resolve(List.of(tenantId)).get(tenantId);
    }
}
