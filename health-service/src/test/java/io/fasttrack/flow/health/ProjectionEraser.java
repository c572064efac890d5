package io.fasttrack.flow.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.UUID;

/** Drops everything the projections hold about one customer, as if the database had never seen it. */
@ApplicationScoped
public class ProjectionEraser {

    @Inject
    EntityManager entityManager;

    /** Also forgets that a placeholder was identified as, or identified as, this customer. */
    @Transactional
    public void erase(String tenantId, Collection<UUID> eventIds) {
        for (String table : new String[] {"usage_report", "workload_latest", "customer_health", "category_change",
                "customer_owner", "ownership_engagement", "customer_account", "tenant_alias"}) {
            entityManager.createNativeQuery("delete from " + table + " where tenant_id = ?1").setParameter(1, tenantId).executeUpdate();
        }
        for (UUID eventId : eventIds) {
            entityManager.createNativeQuery("delete from processed_event where event_id = ?1").setParameter(1, eventId).executeUpdate();
        }
    }
}
