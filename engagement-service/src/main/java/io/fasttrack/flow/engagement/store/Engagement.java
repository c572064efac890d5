package io.fasttrack.flow.engagement.store;

import io.fasttrack.flow.events.model.RequestType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "engagement")
public class Engagement extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public String id;
    @Column(name = "request_id")
    public String requestId;
    /** The customer: the real tenant once a placeholder was identified. */
    @Column(name = "tenant_id")
    public String tenantId;
    /** The tenant it opened for; its events are keyed by it, so they all stay on one partition, in order. */
    @Column(name = "opened_tenant_id")
    public String openedTenantId;
    @Column(name = "architect_id")
    public String architectId;
    @Column(name = "architect_name")
    public String architectName;
    @Column(name = "team_manager")
    public String teamManager;
    @Column(name = "request_type")
    public String requestType;
    @Column(name = "request_queue")
    public String requestQueue;
    /** Workloads in the request's scope, comma-separated enum names. */
    public String workloads;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "last_status_note_at")
    public Instant lastStatusNoteAt;
    /** The last status note, or the opening when there is none: what staleness is measured from. */
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** The lapse (its {@code lastActivityAt}) StatusNoteDue was last published for. */
    @Column(name = "note_due_reported_for")
    public Instant noteDueReportedFor;
    /** The lapse EngagementStale was last published for. */
    @Column(name = "stale_reported_for")
    public Instant staleReportedFor;
    /** The first final review decision (APPROVED or REJECTED); null while none was recorded. */
    @Column(name = "final_review_decision")
    public String finalReviewDecision;
    /** Escalations raised and not resolved yet. */
    @Column(name = "open_escalations")
    public int openEscalations;
    /*
     * What compliance counts, kept as the events change the tasks and DIBS, so a compliance answer reads one row per
     * engagement and compares its first and last open due dates with the clock (ComplianceTally).
     */
    /** Mandatory tasks not done yet. */
    @Column(name = "mandatory_open")
    public int mandatoryOpen;
    /** Mandatory tasks done after their due date. */
    @Column(name = "mandatory_done_late")
    public int mandatoryDoneLate;
    /** The earliest due date of a mandatory task not done yet; null when every one is done. */
    @Column(name = "first_open_mandatory_due")
    public Instant firstOpenMandatoryDue;
    /** The latest due date of a mandatory task not done yet; null when every one is done. */
    @Column(name = "last_open_mandatory_due")
    public Instant lastOpenMandatoryDue;
    /** DIBS recorded for every workload in scope, or for any one when the scope is empty. */
    @Column(name = "dibs_documented")
    public boolean dibsDocumented;

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /**
     * Ids of open engagements whose lapse (since {@code lastActivityAt}) reached a boundary and was not told for it:
     * due a note at or before {@code noteDueBoundary}, stale at or before {@code staleBoundary}; oldest lapse first.
     */
    public static List<String> cadenceDue(Instant noteDueBoundary, Instant staleBoundary, int limit) {
        return getEntityManager().createQuery("select e.id from Engagement e where e.status = :open and ("
                        + "(e.lastActivityAt <= :noteDue and (e.noteDueReportedFor is null or e.noteDueReportedFor < e.lastActivityAt))"
                        + " or (e.lastActivityAt <= :stale and (e.staleReportedFor is null or e.staleReportedFor < e.lastActivityAt)))"
                        + " order by e.lastActivityAt, e.id", String.class)
                .setParameter("open", OPEN).setParameter("noteDue", noteDueBoundary).setParameter("stale", staleBoundary)
                .setMaxResults(limit).getResultList();
    }

    /** The request's type; null when the opening named none. */
    public RequestType type() {
        return requestType == null ? null : RequestType.valueOf(requestType);
    }
}
