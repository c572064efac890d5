package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeConfig;
import io.fasttrack.flow.intake.domain.FieldViolation;
import io.fasttrack.flow.intake.domain.PlaceholderTenant;
import io.fasttrack.flow.intake.domain.RequestSubmission;
import io.fasttrack.flow.intake.domain.SubmissionValidator;
import io.fasttrack.flow.intake.messaging.RequestPublisher;
import io.fasttrack.flow.intake.store.IdempotencyKeys;
import io.fasttrack.flow.intake.store.IdempotencyRecord;
import io.fasttrack.flow.intake.store.RequestProjection;
import io.fasttrack.flow.kit.api.JsonTree;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a request Kafka-first: validate, publish RequestSubmitted and wait for the broker's ack, then
 * store the row. A 2xx therefore always means the event is durably on the requests topic; the requests
 * consumer stores the row too, so a crash between the ack and the insert loses nothing.
 *
 * <p>A 503 (no acknowledgement in time) is ambiguous: the broker may have written the event all the same.
 * So an Idempotency-Key keeps its request id through a 503, and its retry publishes the very same event
 * (same request id, event id, submittedAt, placeholder tenant), whose copy every consumer drops.
 */
@ApplicationScoped
public class SubmissionService {

    static final String SOURCE = "intake-service";
    static final String MAY_BE_RECORDED_RETRY_IS_SAFE = "the event log did not acknowledge the request in time, so it"
            + " may have been recorded; a retry with the same Idempotency-Key and body is safe: it keeps the same"
            + " request id and is never recorded twice";
    static final String MAY_BE_RECORDED_RETRY_MAY_DUPLICATE = "the event log did not acknowledge the request in time,"
            + " so it may have been recorded; a retry without an Idempotency-Key may create a second request (send"
            + " one to retry safely)";
    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final SubmissionValidator validator = new SubmissionValidator();
    private final RequestPublisher publisher;
    private final RequestProjection projection;
    private final IdempotencyKeys idempotencyKeys;
    private final IntakeConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    SubmissionService(RequestPublisher publisher, RequestProjection projection, IdempotencyKeys idempotencyKeys,
            IntakeConfig config, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.projection = projection;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** The id of the one RequestSubmitted of a request: a republished request carries the same id, so consumers dedupe it. */
    static UUID submittedEventId(String requestId) {
        return UUID.nameUUIDFromBytes(("RequestSubmitted/" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    public SubmissionAnswer submit(byte[] body, String idempotencyKey) {
        if (body != null && body.length > config.maxBodySize().asLongValue()) {
            throw ProblemException.tooLarge("the body has " + body.length + " bytes; at most "
                    + config.maxBodySize().asLongValue() + " are accepted");
        }
        Object tree = JsonTree.parse(body);
        RequestSubmission submission = validate(tree);
        if (idempotencyKey == null) {
            try {
                return publishAndStore(submission, UUID.randomUUID().toString(), clock.instant(), null);
            } catch (TransientFailure notAcknowledged) {
                throw unavailable(MAY_BE_RECORDED_RETRY_MAY_DUPLICATE);
            }
        }
        return submitOnce(submission, idempotencyKey, JsonTree.fingerprint(tree));
    }

    private RequestSubmission validate(Object tree) {
        SubmissionValidator.Outcome outcome = validator.validate(tree);
        if (outcome instanceof SubmissionValidator.Invalid invalid) {
            meters.counter("fasttrack.intake.requests.refused", "type", typeOf(tree)).increment();
            List<Problem.Violation> violations = invalid.violations().stream()
                    .map(SubmissionService::toProblemViolation).toList();
            throw ProblemException.invalid(violations.size() + " field(s) of the request are missing or invalid", violations);
        }
        return ((SubmissionValidator.Valid) outcome).submission();
    }

    /**
     * Publishes the request the key stands for, unless it was acknowledged before (the first answer again) or an
     * attempt is still in flight (409, retry shortly). An attempt that got no acknowledgement leaves the key for
     * the next one to take over at once; one that died without an answer is taken over after
     * {@code idempotency-pending-timeout}.
     */
    private SubmissionAnswer submitOnce(RequestSubmission submission, String key, String fingerprint) {
        Instant now = clock.instant();
        IdempotencyKeys.Reservation reservation = idempotencyKeys.reserve(key, fingerprint, UUID.randomUUID().toString(), now);
        if (!reservation.bodyHash().equals(fingerprint)) {
            throw ProblemException.conflict("this Idempotency-Key was already used with a different request body");
        }
        if (!reservation.reservedNow()) {
            if (reservation.state() == IdempotencyRecord.State.COMPLETED) {
                meters.counter("fasttrack.intake.requests.replayed").increment();
                return SubmissionAnswer.submitted(reservation.requestId());
            }
            boolean mayTakeOver = reservation.state() == IdempotencyRecord.State.PUBLISH_FAILED
                    || reservation.attemptSince().plus(config.idempotencyPendingTimeout()).isBefore(now);
            if (!mayTakeOver || !idempotencyKeys.takeOver(key, reservation, now)) {
                throw ProblemException.conflictRetryAfter(
                        "a request with this Idempotency-Key is still being accepted; retry shortly", 1);
            }
        }
        try {
            return publishAndStore(submission, reservation.requestId(), reservation.reservedAt(), key);
        } catch (TransientFailure notAcknowledged) {
            // this attempt began now: at the reservation, or when it took the key over
            keepForRetry(key, reservation.requestId(), now);
            throw unavailable(MAY_BE_RECORDED_RETRY_IS_SAFE);
        }
    }

    /**
     * Publishes the request and waits for the broker's ack, then stores its row and completes its key.
     *
     * @throws TransientFailure when the broker did not acknowledge the event in time
     */
    private SubmissionAnswer publishAndStore(RequestSubmission submission, String requestId, Instant submittedAt,
            String key) {
        RequestSubmitted event = submission.toEvent(requestId, PlaceholderTenant.forRequest(requestId), submittedAt);
        EventEnvelope<RequestSubmitted> envelope = EventEnvelope.of(submittedEventId(requestId), submittedAt, SOURCE,
                requestId, null, event);
        try {
            publisher.publish(envelope);
        } catch (TransientFailure notAcknowledged) {
            meters.counter("fasttrack.intake.publish.failures").increment();
            LOG.warnf("request %s answered 503: %s", requestId, notAcknowledged.getMessage());
            throw notAcknowledged;
        }
        meters.counter("fasttrack.intake.requests.accepted", "type", event.type().name()).increment();
        LOG.debugf("request %s (%s, tenant %s) accepted", requestId, event.type(), event.customer().tenantId());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (key != null) {
                    idempotencyKeys.complete(key);
                }
                projection.recordAccepted(event);
            });
        } catch (RuntimeException e) {
            // the event is on the broker: the requests consumer stores the row from it, and a repeat of a key
            // left pending republishes the same event once the attempt counts as abandoned
            LOG.warnf(e, "request %s is on the event log but not stored yet; the requests consumer will store it", requestId);
        }
        return SubmissionAnswer.submitted(requestId);
    }

    /** Marks the key's attempt as unacknowledged, so the client's retry republishes the same request at once. */
    private void keepForRetry(String key, String requestId, Instant attemptSince) {
        try {
            idempotencyKeys.publishFailed(key, attemptSince);
        } catch (RuntimeException e) {
            LOG.warnf(e, "request %s: its Idempotency-Key stays pending; a retry republishes it after %s", requestId,
                    config.idempotencyPendingTimeout());
        }
    }

    private ProblemException unavailable(String detail) {
        return ProblemException.unavailable(detail, config.retryAfterSeconds());
    }

    /** The request type a refused body names, for the refused counter: a known type name, else {@code UNKNOWN}. */
    static String typeOf(Object tree) {
        if (tree instanceof Map<?, ?> fields && fields.get("type") instanceof String name) {
            for (RequestType type : RequestType.values()) {
                if (type.name().equals(name)) {
                    return name;
                }
            }
        }
        return "UNKNOWN";
    }

    private static Problem.Violation toProblemViolation(FieldViolation violation) {
        return new Problem.Violation(violation.field(), violation.message());
    }
}
