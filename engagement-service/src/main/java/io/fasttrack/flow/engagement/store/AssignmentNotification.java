package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The fate of one assignment's notification, keyed by the FtaAssigned event that caused it. */
@Entity
@Table(name = "assignment_notification")
public class AssignmentNotification extends PanacheEntityBase {

    public enum Outcome { SENT, FAILED, NO_RECIPIENTS, TOO_OLD }

    @Id
    @Column(name = "assignment_event_id")
    public UUID assignmentEventId;
    @Column(name = "engagement_id")
    public String engagementId;
    @Column(name = "architect_id")
    public String architectId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public int recipients;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
