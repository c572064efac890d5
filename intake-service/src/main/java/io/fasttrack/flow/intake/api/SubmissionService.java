package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.intake.IntakeConfig;
import io.fasttrack.flow.intake.domain.FieldViolation;
import io.fasttrack.flow.intake.domain.PlaceholderTenant;
import io.fasttrack.flow.intake.domain.RequestSubmission;
import io.fasttrack.flow.intake.domain.SubmissionValidator;
import io.fasttrack.flow.intake.messaging.PublishFailedException;
import io.fasttrack.flow.intake.messaging.RequestPublisher;
import io.fasttrack.flow.intake.store.IdempotencyKeys;
import io.fasttrack.flow.intake.store.IdempotencyRecord;
import io.fasttrack.flow.intake.store.RequestProjection;
import io.micrometer.core.instrument.MeterRegistry;
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
 */
@ApplicationScoped
public class SubmissionService {

    static final String SOURCE = "intake-service";
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
            throw new ProblemException(Problem.of(413, "Content Too Large", "the body has " + body.length
                    + " bytes; at most " + config.maxBodySize().asLongValue() + " are accepted"));
        }
        Object tree = JsonBody.parse(body);
        RequestSubmission submission = validate(tree);
        if (idempotencyKey == null) {
            return publishAndStore(submission, UUID.randomUUID().toString());
        }
        return submitOnce(submission, idempotencyKey, JsonBody.fingerprint(tree));
    }

    private RequestSubmission validate(Object tree) {
        SubmissionValidator.Outcome outcome = validator.validate(tree);
        if (outcome instanceof SubmissionValidator.Invalid invalid) {
            meters.counter("fasttrack.intake.requests.refused", "type", typeOf(tree)).increment();
            List<Problem.Violation> violations = invalid.violations().stream()
                    .map(SubmissionService::toProblemViolation).toList();
            throw new ProblemException(Problem.invalid(
                    violations.size() + " field(s) of the request are missing or invalid", violations));
        }
        return ((SubmissionValidator.Valid) outcome).submission();
    }

    private SubmissionAnswer submitOnce(RequestSubmission submission, String key, String fingerprint) {
        Instant now = clock.instant();
        IdempotencyKeys.Reservation reservation = idempotencyKeys.reserve(key, fingerprint, UUID.randomUUID().toString(), now);
        if (!reservation.bodyHash().equals(fingerprint)) {
            throw new ProblemException(Problem.of(409, "Conflict",
                    "this Idempotency-Key was already used with a different request body"));
        }
        if (!reservation.reservedNow()) {
            if (reservation.state() == IdempotencyRecord.State.COMPLETED) {
                meters.counter("fasttrack.intake.requests.replayed").increment();
                return SubmissionAnswer.submitted(reservation.requestId());
            }
            boolean abandoned = reservation.reservedAt().plus(config.idempotencyPendingTimeout()).isBefore(now);
            if (!abandoned || !idempotencyKeys.takeOver(key, reservation.reservedAt(), now)) {
                throw new ProblemException(Problem.of(409, "Conflict",
                        "a request with this Idempotency-Key is still being accepted; retry shortly"),
                        Map.of("Retry-After", "1"));
            }
        }
        try {
            SubmissionAnswer answer = publishAndStore(submission, reservation.requestId());
            idempotencyKeys.complete(key);
            return answer;
        } catch (ProblemException unavailable) {
            idempotencyKeys.release(key);
            throw unavailable;
        }
    }

    private SubmissionAnswer publishAndStore(RequestSubmission submission, String requestId) {
        Instant now = clock.instant();
        RequestSubmitted event = submission.toEvent(requestId, PlaceholderTenant.mint(UUID.randomUUID()), now);
        EventEnvelope<RequestSubmitted> envelope = EventEnvelope.of(submittedEventId(requestId), now, SOURCE,
                requestId, null, event);
        try {
            publisher.publish(envelope);
        } catch (PublishFailedException e) {
            meters.counter("fasttrack.intake.publish.failures").increment();
            LOG.warnf(e, "request %s refused with 503: the broker did not acknowledge it", requestId);
            throw new ProblemException(Problem.of(503, "Service Unavailable",
                    "the request could not be recorded on the event log; nothing was stored, retry later"),
                    Map.of("Retry-After", Integer.toString(config.retryAfterSeconds())));
        }
        meters.counter("fasttrack.intake.requests.accepted", "type", event.type().name()).increment();
        LOG.debugf("request %s (%s, tenant %s) accepted", requestId, event.type(), event.customer().tenantId());
        try {
            projection.recordAccepted(event);
        } catch (RuntimeException e) {
            // the event is on the broker; the requests consumer stores the row from it
            LOG.warnf(e, "request %s is on the event log but not stored yet; the requests consumer will store it", requestId);
        }
        return SubmissionAnswer.submitted(requestId);
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
