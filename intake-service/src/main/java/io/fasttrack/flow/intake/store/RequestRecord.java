package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.intake.domain.RequestProgress;
import io.fasttrack.flow.intake.domain.RequestStatus;
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

    @Column(name = "architect_id")
    public String architectId;

    @Column(name = "architect_name")
    public String architectName;

    @Column(name = "sla_deadline")
    public Instant slaDeadline;

    @Column(name = "sla_breached")
    public boolean slaBreached;

    @Column(name = "engagement_id")
    public String engagementId;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Assignment and engagement events arrive on different consumer threads: concurrent updates retry, never overwrite. */
    @Version
    public long version;

    /** A row for a request whose RequestSubmitted has not arrived yet; the submission fills it in later. */
    static RequestRecord awaitingSubmission(String requestId, String tenantId, Instant at) {
        RequestRecord record = new RequestRecord();
        record.id = requestId;
        record.tenantId = tenantId;
        record.updatedAt = at;
        record.apply(RequestProgress.submitted(), at);
        return record;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    void fillFrom(RequestSubmitted submitted) {
        tenantId = submitted.customer().tenantId();
        customerName = submitted.customer().name();
        placeholderTenant = submitted.customer().placeholderTenant();
        requestType = submitted.type().name();
        requestFamily = submitted.family() == null ? null : submitted.family().name();
        requestQueue = submitted.queue().name();
        submittedAt = submitted.submittedAt();
        if (updatedAt == null || updatedAt.isBefore(submittedAt)) {
            updatedAt = submittedAt;
        }
    }

    RequestProgress progress() {
        return new RequestProgress(status, architectId, architectName, slaDeadline, slaBreached, engagementId);
    }

    void apply(RequestProgress progress, Instant at) {
        status = progress.status();
        architectId = progress.architectId();
        architectName = progress.architectName();
        slaDeadline = progress.slaDeadline();
        slaBreached = progress.slaBreached();
        engagementId = progress.engagementId();
        if (updatedAt == null || updatedAt.isBefore(at)) {
            updatedAt = at;
        }
    }
}
