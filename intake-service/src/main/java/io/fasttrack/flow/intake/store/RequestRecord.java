package io.fasttrack.flow.intake.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.intake.domain.RequestProgress;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.domain.Review;
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
import java.util.List;

/** One request of the status projection. */
@Entity
@Table(name = "intake_request")
public class RequestRecord extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };

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

    /** The placeholder tenant the request was submitted under, once that was identified as {@link #tenantId}. */
    @Column(name = "identified_from")
    public String identifiedFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_decision")
    public ReviewDecision reviewDecision;

    /** The review's risks as a JSON array of strings. */
    @Column(name = "review_risks")
    public String reviewRisks;

    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "review_decided_at")
    public Instant reviewDecidedAt;

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

    /** The latest review of the request; null before any. */
    public Review review() {
        if (reviewDecision == null) {
            return null;
        }
        try {
            return new Review(reviewDecision, JSON.readValue(reviewRisks, TEXTS), reviewNote, reviewDecidedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the risks of request " + id + " are not a JSON array of strings", e);
        }
    }

    /** Shows the review unless the request shows a later one already; false then. */
    boolean recordReview(Review review, Instant at) {
        if (!review.supersedes(review())) {
            return false;
        }
        reviewDecision = review.decision();
        try {
            reviewRisks = JSON.writeValueAsString(review.risks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the risks of request " + id, e);
        }
        reviewNote = review.note();
        reviewDecidedAt = review.decidedAt();
        touch(at);
        return true;
    }

    /** The placeholder tenant of the request turned out to be {@code realTenant}. */
    void identifiedAs(String realTenant) {
        identifiedFrom = tenantId;
        tenantId = realTenant;
        placeholderTenant = false;
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
