package io.fasttrack.flow.health.store;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portfolio owner of a customer is the architect of its most recent assignment from the FTA queue (by
 * assignment time, so replaying the topics in any interleaving gives the same owner); an FTCHelp answer is
 * history only. What arrives under a placeholder identified as a real tenant belongs to the real tenant. Completing an engagement ends nothing in
 * the portfolio: the customer keeps its owner, and the engagement stays in the ownership history.
 *
 * <p>Set-wise: the owners and engagements a batch touches are read with one query each, the events are applied
 * to them in memory in record order, and the rows the batch creates are persisted after its last event.
 */
@ApplicationScoped
public class OwnershipProjection {

    /** Applies the batch's ownership events not applied before, in record order, inside the kit's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<EventEnvelope<EventData>> fresh) {
        Set<String> named = new HashSet<>();
        Set<String> requests = new HashSet<>();
        for (EventEnvelope<EventData> event : fresh) {
            Touched touched = Touched.by(event);
            named.add(touched.tenantId());
            if (touched.requestId() != null) {
                requests.add(touched.requestId());
            }
        }
        Map<String, String> realTenants = TenantAlias.resolve(named);
        BatchRows<CustomerOwner> owners = new BatchRows<>(CustomerOwner.ofTenants(new HashSet<>(realTenants.values())));
        BatchRows<Engagement> engagements = new BatchRows<>(Engagement.ofRequests(requests));
        for (EventEnvelope<EventData> event : fresh) {
            if (event.data() instanceof FtaAssigned assigned) {
                assigned(event, assigned, realTenants.get(assigned.tenantId()), owners, engagements);
            } else if (event.data() instanceof EngagementReassigned reassigned) {
                reassigned(event, reassigned, realTenants.get(reassigned.tenantId()), owners, engagements);
            } else if (event.data() instanceof EngagementCompleted completed) {
                completed(completed, realTenants.get(completed.tenantId()), engagements);
            }
        }
        owners.persistCreated();
        engagements.persistCreated();
    }

    /** The rows an ownership event touches, checked before anything of the batch is written. */
    private record Touched(String tenantId, String requestId) {

        /** An event that names no customer or no architect cannot make anyone an owner: it is dead-lettered. */
        static Touched by(EventEnvelope<EventData> event) {
            String tenantId;
            String requestId;
            String architectId;
            if (event.data() instanceof FtaAssigned assigned) {
                tenantId = assigned.tenantId();
                requestId = assigned.requestId();
                architectId = assigned.architect().id();
            } else if (event.data() instanceof EngagementReassigned reassigned) {
                tenantId = reassigned.tenantId();
                requestId = reassigned.requestId();
                architectId = reassigned.toArchitect().id();
            } else if (event.data() instanceof EngagementCompleted completed) {
                tenantId = completed.tenantId();
                requestId = completed.requestId();
                architectId = completed.architectId();
            } else {
                throw new InvalidEventException(event.eventType().wireName() + " is not an ownership event");
            }
            String what = event.eventType().wireName() + " " + event.eventId();
            if (tenantId.isBlank()) {
                throw new InvalidEventException(what + " names no customer (blank tenantId)");
            }
            if (architectId == null || architectId.isBlank()) {
                throw new InvalidEventException(what + " names no architect");
            }
            return new Touched(tenantId, requestId);
        }
    }

    /**
     * An answer from the FTA queue makes its architect the customer's owner; an FTCHelp answer (a sales inquiry, a
     * benefit question) is an engagement of the customer's history and never takes the customer from its architect.
     */
    private static void assigned(EventEnvelope<?> envelope, FtaAssigned assigned, String tenantId, BatchRows<CustomerOwner> owners,
            BatchRows<Engagement> engagements) {
        Instant at = assigned.assignedAt() != null ? assigned.assignedAt() : envelope.occurredAt();
        ArchitectRef architect = assigned.architect();
        var request = assigned.request();
        if (request.queue() == RequestQueue.FTA) {
            CustomerOwner owner = owners.getOrCreate(tenantId, CustomerOwner::of);
            boolean latest = owner.assignedAt == null || !at.isBefore(owner.assignedAt);
            if (latest) {
                owner.architectId = architect.id();
                owner.architectName = architect.name();
                owner.teamManager = architect.teamManager();
                owner.requestId = assigned.requestId();
                owner.assignedAt = at;
            }
            if (request.region() != null && (latest || owner.region == null)) {
                owner.region = request.region().name();
            }
            if (request.customer() != null && (latest || owner.customerName == null)) {
                owner.customerName = request.customer().name();
                if (request.customer().segment() != null) {
                    owner.segment = request.customer().segment().name();
                }
            }
        }
        Engagement engagement = engagements.getOrCreate(assigned.requestId(),
                requestId -> Engagement.of(requestId, tenantId, architect.id()));
        engagement.queue = request.queue() == null ? null : request.queue().name();
        engagement.architectId = architect.id();
        engagement.architectName = architect.name();
        engagement.teamManager = architect.teamManager();
        engagement.assignedAt = at;
    }

    /** A reassigned engagement moves the customer to the new architect, unless it answers an FTCHelp request. */
    private static void reassigned(EventEnvelope<?> envelope, EngagementReassigned reassigned, String tenantId,
            BatchRows<CustomerOwner> owners, BatchRows<Engagement> engagements) {
        Instant at = reassigned.reassignedAt() != null ? reassigned.reassignedAt() : envelope.occurredAt();
        ArchitectRef architect = reassigned.toArchitect();
        Engagement engagement = null;
        if (reassigned.requestId() != null) {
            engagement = engagements.getOrCreate(reassigned.requestId(),
                    requestId -> Engagement.of(requestId, tenantId, architect.id()));
            engagement.engagementId = reassigned.engagementId();
            engagement.architectId = architect.id();
            engagement.architectName = architect.name();
            engagement.teamManager = architect.teamManager();
        }
        if (engagement != null && RequestQueue.FTCHELP.name().equals(engagement.queue)) {
            return;
        }
        CustomerOwner owner = owners.getOrCreate(tenantId, CustomerOwner::of);
        if (owner.assignedAt == null || !at.isBefore(owner.assignedAt)) {
            owner.requestId = reassigned.requestId();
            owner.architectId = architect.id();
            owner.architectName = architect.name();
            owner.teamManager = architect.teamManager();
            owner.assignedAt = at;
        }
    }

    /** The engagement is created by whichever of its events arrives first (the topics interleave freely). */
    private static void completed(EngagementCompleted completed, String tenantId, BatchRows<Engagement> engagements) {
        Engagement engagement = engagements.getOrCreate(completed.requestId(),
                requestId -> Engagement.of(requestId, tenantId, completed.architectId()));
        engagement.engagementId = completed.engagementId();
        engagement.completedAt = completed.completedAt();
    }
}
