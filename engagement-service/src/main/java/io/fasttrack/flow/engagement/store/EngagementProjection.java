package io.fasttrack.flow.engagement.store;

import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.TenantIdentified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The engagement projection, applied set-wise: the engagements a batch of events touches are read once, the
 * events applied to them in memory in order, and the result written once ({@link TouchedEngagements}). The
 * consumer of the engagements topic, the consumer of FtaAssigned and the REST writes all go through here, so
 * replaying the topic rebuilds exactly what the writes built.
 */
@ApplicationScoped
public class EngagementProjection {

    private static final Logger LOG = Logger.getLogger(EngagementProjection.class);

    @Inject
    TaskCatalogue catalogue;

    /** Reads and locks the engagements with one query; the caller reads their tasks or DIBS if its events need them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TouchedEngagements touch(Collection<String> engagementIds) {
        return new TouchedEngagements(catalogue, engagementIds);
    }

    /**
     * Applies engagement events and tenant identifications, each id once: the identifications first (an engagement
     * opened for the placeholder lands on the real tenant whether it opened before or after, so the order of the
     * two topics in a replay does not matter), then the engagement events in order: one query per table they
     * touch, then one write.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<? extends EventEnvelope<?>> fresh) {
        foldIdentifiedTenants(fresh.stream().filter(event -> event.data() instanceof TenantIdentified).toList());
        List<? extends EventEnvelope<?>> events = fresh.stream()
                .filter(event -> !(event.data() instanceof TenantIdentified)).toList();
        TouchedEngagements touched = touch(events.stream().map(event -> TouchedEngagements.engagementIdOf(event.data())).toList());
        touched.readTasksOf(engagementsWith(events, TaskCompleted.class));
        touched.readDibsOf(engagementsWith(events, DibsRecorded.class));
        touched.readEscalationsOf(engagementsWith(events, EscalationRaised.class, EscalationResolved.class));
        events.forEach(touched::apply);
        touched.write();
    }

    /**
     * Each placeholder's engagements move to the real tenant, with one update per newly identified placeholder. A
     * placeholder is identified once: a later identification naming another tenant is logged and changes nothing
     * (the requests topic keys them by placeholder, so a replay meets them in the same order).
     */
    private void foldIdentifiedTenants(List<? extends EventEnvelope<?>> identifications) {
        if (identifications.isEmpty()) {
            return;
        }
        Map<String, TenantIdentity> known = TenantIdentity.<TenantIdentity>list("placeholderId in ?1",
                identifications.stream().map(event -> event.dataAs(TenantIdentified.class).placeholderId()).distinct()
                        .toList()).stream()
                .collect(Collectors.toMap(identity -> identity.placeholderId, identity -> identity));
        for (EventEnvelope<?> event : identifications) {
            TenantIdentified identified = event.dataAs(TenantIdentified.class);
            TenantIdentity identity = known.get(identified.placeholderId());
            if (identity != null) {
                if (!identity.tenantId.equals(identified.tenantId())) {
                    LOG.warnf("placeholder %s was identified as %s already; its identification as %s is ignored",
                            identified.placeholderId(), identity.tenantId, identified.tenantId());
                }
                continue;
            }
            identity = new TenantIdentity();
            identity.placeholderId = identified.placeholderId();
            identity.tenantId = identified.tenantId();
            identity.identifiedAt = identified.identifiedAt() == null ? event.occurredAt() : identified.identifiedAt();
            identity.persist();
            known.put(identity.placeholderId, identity);
            Engagement.update("tenantId = ?1 where tenantId = ?2", identified.tenantId(), identified.placeholderId());
        }
    }

    private static List<String> engagementsWith(List<? extends EventEnvelope<?>> events, Class<?>... types) {
        return events.stream().filter(event -> Stream.of(types).anyMatch(type -> type.isInstance(event.data())))
                .map(event -> TouchedEngagements.engagementIdOf(event.data())).toList();
    }
}
