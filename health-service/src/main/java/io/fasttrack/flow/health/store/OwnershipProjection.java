package io.fasttrack.flow.health.store;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.ArchitectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The portfolio owner of a customer is the architect of its most recent assignment (by assignment time, so
 * replaying the topics in any interleaving gives the same owner). Completing an engagement ends nothing in
 * the portfolio: the customer keeps its owner, and the engagement stays in the ownership history.
 */
@ApplicationScoped
public class OwnershipProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(EventEnvelope<?> envelope, FtaAssigned assigned) {
        Instant at = assigned.assignedAt() != null ? assigned.assignedAt() : envelope.occurredAt();
        ArchitectRef architect = assigned.architect();
        CustomerOwner owner = CustomerOwner.findById(assigned.tenantId());
        boolean fresh = owner == null;
        if (fresh) {
            owner = new CustomerOwner();
            owner.tenantId = assigned.tenantId();
        }
        boolean latest = fresh || !at.isBefore(owner.assignedAt);
        if (latest) {
            owner.architectId = architect.id();
            owner.architectName = architect.name();
            owner.teamManager = architect.teamManager();
            owner.requestId = assigned.requestId();
            owner.assignedAt = at;
        }
        var request = assigned.request();
        if (request.region() != null && (latest || owner.region == null)) {
            owner.region = request.region().name();
        }
        if (request.customer() != null && (latest || owner.customerName == null)) {
            owner.customerName = request.customer().name();
            if (request.customer().segment() != null) {
                owner.segment = request.customer().segment().name();
            }
        }
        if (fresh) {
            owner.persist();
        }
        Engagement engagement = engagement(assigned.requestId(), assigned.tenantId(), architect.id());
        engagement.architectId = architect.id();
        engagement.architectName = architect.name();
        engagement.teamManager = architect.teamManager();
        engagement.assignedAt = at;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reassigned(EventEnvelope<?> envelope, EngagementReassigned reassigned) {
        Instant at = reassigned.reassignedAt() != null ? reassigned.reassignedAt() : envelope.occurredAt();
        ArchitectRef architect = reassigned.toArchitect();
        CustomerOwner owner = CustomerOwner.findById(reassigned.tenantId());
        boolean fresh = owner == null;
        if (fresh) {
            owner = new CustomerOwner();
            owner.tenantId = reassigned.tenantId();
        }
        if (fresh || !at.isBefore(owner.assignedAt)) {
            owner.requestId = reassigned.requestId();
            owner.architectId = architect.id();
            owner.architectName = architect.name();
            owner.teamManager = architect.teamManager();
            owner.assignedAt = at;
        }
        if (fresh) {
            owner.persist();
        }
        if (reassigned.requestId() != null) {
            Engagement engagement = engagement(reassigned.requestId(), reassigned.tenantId(), architect.id());
            engagement.engagementId = reassigned.engagementId();
            engagement.architectId = architect.id();
            engagement.architectName = architect.name();
            engagement.teamManager = architect.teamManager();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(EngagementCompleted completed) {
        Engagement engagement = engagement(completed.requestId(), completed.tenantId(), completed.architectId());
        engagement.engagementId = completed.engagementId();
        engagement.completedAt = completed.completedAt();
    }

    /** The engagement of a request; created from whichever of its events arrives first (topics interleave freely). */
    private static Engagement engagement(String requestId, String tenantId, String architectId) {
        Engagement engagement = Engagement.findById(requestId);
        if (engagement == null) {
            engagement = new Engagement();
            engagement.requestId = requestId;
            engagement.tenantId = tenantId;
            engagement.architectId = architectId;
            engagement.persist();
        }
        return engagement;
    }
}
