package io.fasttrack.flow.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The request an Idempotency-Key stands for, with the hash of the body it was first given with. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    public enum State {
        /** An attempt is publishing the event right now. */
        PENDING,
        /**
         * The last attempt got no acknowledgement in time: the event may or may not be on the log, so the next
         * repeat publishes the same request again at once.
         */
        PUBLISH_FAILED,
        /** The broker acknowledged the event: the request id is the answer to every repeat. */
        COMPLETED
    }

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "body_hash")
    public String bodyHash;

    @Column(name = "request_id")
    public String requestId;

    @Enumerated(EnumType.STRING)
    public State state;

    /** When the request was first submitted: every attempt publishes it with this submittedAt. */
    @Column(name = "reserved_at")
    public Instant reservedAt;

    /** When the attempt in flight began; null while it is the first one, begun at {@link #reservedAt}. */
    @Column(name = "attempt_started_at")
    public Instant attemptStartedAt;

    public Instant attemptSince() {
        return attemptStartedAt != null ? attemptStartedAt : reservedAt;
    }
}
