package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.intake.domain.RequestProgress;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.domain.Stall;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One request of the status projection. */
@Entity
@Table(name = "intake_request")
public class RequestRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "placeholder_tenant")
    public boolean placeholderTenant;

    @Column(name = "request_type")
    public String requestType;

    @Column(name = "request_family")
    public String requestFamily;

    @Column(name = "request_queue")
    public String requestQueue;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "status_since")
    public Instant statusSince;

    @Column(name = "architect_id")
    public String architectId;

    @Column(name = "architect_name")
    public String architectName;

    @Column(name = "sla_deadline")
    public Instant slaDeadline;

    @Column(name = "sla_at_risk")
    public boolean slaAtRisk;

    @Column(name = "sla_breached")
    public boolean slaBreached;

    @Column(name = "engagement_id")
    public String engagementId;

    /** The step of the stall the projection applied; the request is stalled while its status is this step. */
    @Enumerated(EnumType.STRING)
    @Column(name = "stalled_step")
    public RequestStatus stalledStep;

    @Column(name = "stalled_since")
    public Instant stalledSince;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Counts the writes of the row: the HTTP thread and three consumer threads may change it at once, so each
     * write is conditional on the version it read, and one that finds another reads the row again and applies
     * its events over it.
     */
    @Version
    public long version;

    /** A row for a request whose RequestSubmitted has not arrived yet; the submission fills it in later. */
    static RequestRecord awaitingSubmission(String requestId, String tenantId) {
        RequestRecord record = new RequestRecord();
        record.id = requestId;
        record.tenantId = tenantId;
        record.setProgress(RequestProgress.submitted());
        return record;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    /** Stalled at its status, as shown: a row still waiting for its submission is not shown, so it does not count. */
    public boolean isStalled() {
        return isSubmitted() && progress().isStalled();
    }

    /** Fills in what the submission tells; false when the row has it already (a copy of the same submission). */
    boolean recordSubmission(RequestSubmitted submitted) {
        if (isSubmitted()) {
            return false;
        }
        tenantId = submitted.customer().tenantId();
        customerName = submitted.customer().name();
        placeholderTenant = submitted.customer().placeholderTenant();
        requestType = submitted.type().name();
        requestFamily = submitted.family() == null ? null : submitted.family().name();
        requestQueue = submitted.queue().name();
        submittedAt = submitted.submittedAt();
        setProgress(progress().submittedAt(submittedAt));
        touch(submittedAt);
        return true;
    }

    RequestProgress progress() {
        return new RequestProgress(status, statusSince, architectId, architectName, slaDeadline, slaAtRisk, slaBreached,
                engagementId, stalledStep == null ? null : new Stall(stalledStep, stalledSince));
    }

    void apply(RequestProgress progress, Instant at) {
        setProgress(progress);
        touch(at);
    }

    private void setProgress(RequestProgress progress) {
        status = progress.status();
        statusSince = progress.statusSince();
        architectId = progress.architectId();
        architectName = progress.architectName();
        slaDeadline = progress.slaDeadline();
        slaAtRisk = progress.slaAtRisk();
        slaBreached = progress.slaBreached();
        engagementId = progress.engagementId();
        stalledStep = progress.stall() == null ? null : progress.stall().step();
        stalledSince = progress.stall() == null ? null : progress.stall().since();
    }

    private void touch(Instant at) {
        if (updatedAt == null || updatedAt.isBefore(at)) {
            updatedAt = at;
        }
    }
}
