package io.fasttrack.flow.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer given to an Idempotency-Key, with the hash of the body it was given for. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    public enum State {
        /** Reserved; the event is being published. */
        PENDING,
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

    @Column(name = "reserved_at")
    public Instant reservedAt;
}
