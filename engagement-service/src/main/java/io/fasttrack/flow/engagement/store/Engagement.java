package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "engagement")
public class Engagement extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public String id;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "tenant_id")
    public String tenantId;
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

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
