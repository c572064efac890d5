package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The current DIBS of one workload of an engagement; a new DibsRecorded replaces them. */
@Entity
@Table(name = "dibs")
public class Dibs extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "engagement_id")
    public String engagementId;
    public String workload;
    @Column(name = "target_date")
    public LocalDate targetDate;
    public String intent;
    @Column(name = "business_reason")
    public String businessReason;
    @Column(name = "success_owner")
    public String successOwner;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static String idOf(String engagementId, String workload) {
        return engagementId + "/" + workload;
    }

    public static List<Dibs> of(String engagementId) {
        return list("engagementId = ?1 order by workload", engagementId);
    }

    public static List<Dibs> ofAll(List<String> engagementIds) {
        return engagementIds.isEmpty() ? List.of() : list("engagementId in ?1", engagementIds);
    }
}
