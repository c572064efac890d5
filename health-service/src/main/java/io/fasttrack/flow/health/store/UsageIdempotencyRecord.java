package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The answer an Idempotency-Key of POST /usage stands for, with the hash of the body it was first given with. */
@Entity
@Table(name = "usage_idempotency_key")
public class UsageIdempotencyRecord extends PanacheEntityBase {

    public enum State {
        /** An attempt is publishing the reports right now. */
        PENDING,
        /** The last attempt got no acknowledgement in time: the next repeat publishes the same reports again at once. */
        PUBLISH_FAILED,
        /** The broker acknowledged every report: the first answer is the answer to every repeat. */
        COMPLETED
    }

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "body_hash", nullable = false)
    public String bodyHash;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(nullable = false)
    public int accepted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** When the reports were first accepted: every attempt publishes them with this time. */
    @Column(name = "reserved_at", nullable = false)
    public Instant reservedAt;

    /** When the attempt in flight began; null while it is the first one, begun at {@link #reservedAt}. */
    @Column(name = "attempt_started_at")
    public Instant attemptStartedAt;

    public Instant attemptSince() {
        return attemptStartedAt != null ? attemptStartedAt : reservedAt;
    }
}
