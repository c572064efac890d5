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
import io.fasttrack.flow.intake.store.AcceptedRequests;
import io.fasttrack.flow.intake.store.IdempotencyKeys;
import io.fasttrack.flow.intake.store.IdempotencyRecord;
import io.fasttrack.flow.kit.api.JsonTree;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Accepts a request Kafka-first: validate, publish RequestSubmitted, and once the broker acknowledged it store the
 * row (through {@link AcceptedRequests}, one transaction for all submissions in flight) and answer. A 2xx therefore
 * always means the event is durably on the requests topic; the requests consumer stores the row too, so a crash
 * between the ack and the insert loses nothing. No thread waits for the broker meanwhile.
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
    private final AcceptedRequests acceptedRequests;
    private final IdempotencyKeys idempotencyKeys;
    private final IntakeConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Executor workers;
    private final Map<RequestType, Counter> accepted = new EnumMap<>(RequestType.class);

    SubmissionService(RequestPublisher publisher, AcceptedRequests acceptedRequests, IdempotencyKeys idempotencyKeys,
            IntakeConfig config, Clock clock, MeterRegistry meters, ManagedExecutor workers) {
        this.publisher = publisher;
        this.acceptedRequests = acceptedRequests;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.workers = workers;
        for (RequestType type : RequestType.values()) {
            accepted.put(type, meters.counter("fasttrack.intake.requests.accepted", "type", type.name()));
        }
    }

    /** The id of the one RequestSubmitted of a request: a republished request carries the same id, so consumers dedupe it. */
    static UUID submittedEventId(String requestId) {
        return UUID.nameUUIDFromBytes(("RequestSubmitted/" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Validates and publishes the submission; the stage completes with the answer once the broker acknowledged the
     * event and the row is stored, or fails with a 503 problem. An invalid body is refused at once. No thread
     * waits for the broker meanwhile; only a submission with an Idempotency-Key reserves it first, on a worker.
     */
    public CompletionStage<SubmissionAnswer> submit(byte[] body, String idempotencyKey) {
        if (body != null && body.length > config.maxBodySize().asLongValue()) {
            throw ProblemException.tooLarge("the body has " + body.length + " bytes; at most "
                    + config.maxBodySize().asLongValue() + " are accepted");
        }
        Object tree = JsonTree.parse(body);
        RequestSubmission submission = validate(tree);
        CompletableFuture<SubmissionAnswer> answer;
        if (idempotencyKey == null) {
            answer = publishAndStore(submission, UUID.randomUUID().toString(), clock.instant(), null)
                    .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                            unacknowledged(failure) ? unavailable(MAY_BE_RECORDED_RETRY_MAY_DUPLICATE) : failure));
        } else {
            String fingerprint = JsonTree.fingerprint(tree);
            answer = CompletableFuture.supplyAsync(() -> reserve(idempotencyKey, fingerprint), workers)
                    .thenCompose(attempt -> attempt.answered() != null ? CompletableFuture.completedFuture(attempt.answered())
                            : publishOnce(submission, idempotencyKey, attempt));
        }
        // the caller sees the failure itself (a problem to map), not the stage's wrapper around it
        return answer.exceptionallyCompose(failure -> CompletableFuture.failedFuture(causeOf(failure)));
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

    /** An attempt to publish under a key: the answer an earlier attempt already earned, or the reservation to publish under. */
    private record Attempt(SubmissionAnswer answered, IdempotencyKeys.Reservation reservation, Instant since) {
    }

    /**
     * Takes the key for this attempt, unless it was acknowledged before (the first answer again) or an attempt is
     * still in flight (409, retry shortly). An attempt that got no acknowledgement leaves the key for the next one
     * to take over at once; one that died without an answer is taken over after {@code idempotency-pending-timeout}.
     */
    private Attempt reserve(String key, String fingerprint) {
        Instant now = clock.instant();
        IdempotencyKeys.Reservation reservation = idempotencyKeys.reserve(key, fingerprint, UUID.randomUUID().toString(), now);
        if (!reservation.bodyHash().equals(fingerprint)) {
            throw ProblemException.conflict("this Idempotency-Key was already used with a different request body");
        }
        if (!reservation.reservedNow()) {
            if (reservation.state() == IdempotencyRecord.State.COMPLETED) {
                meters.counter("fasttrack.intake.requests.replayed").increment();
                return new Attempt(SubmissionAnswer.submitted(reservation.requestId()), reservation, now);
            }
            boolean mayTakeOver = reservation.state() == IdempotencyRecord.State.PUBLISH_FAILED
                    || reservation.attemptSince().plus(config.idempotencyPendingTimeout()).isBefore(now);
            if (!mayTakeOver || !idempotencyKeys.takeOver(key, reservation, now)) {
                throw ProblemException.conflictRetryAfter(
                        "a request with this Idempotency-Key is still being accepted; retry shortly", 1);
            }
        }
        return new Attempt(null, reservation, now);
    }

    private CompletionStage<SubmissionAnswer> publishOnce(RequestSubmission submission, String key, Attempt attempt) {
        String requestId = attempt.reservation().requestId();
        return publishAndStore(submission, requestId, attempt.reservation().reservedAt(), key)
                .exceptionallyCompose(failure -> {
                    if (!unacknowledged(failure)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    // this attempt began at the reservation, or when it took the key over
                    return CompletableFuture.runAsync(() -> keepForRetry(key, requestId, attempt.since()), workers)
                            .thenCompose(kept -> CompletableFuture.failedFuture(unavailable(MAY_BE_RECORDED_RETRY_IS_SAFE)));
                });
    }

    /**
     * Publishes the request; once the broker acknowledged it, stores its row and completes its key. Fails with a
     * {@link TransientFailure} when the broker did not acknowledge the event in time.
     */
    private CompletableFuture<SubmissionAnswer> publishAndStore(RequestSubmission submission, String requestId,
            Instant submittedAt, String key) {
        RequestSubmitted event = submission.toEvent(requestId, PlaceholderTenant.forRequest(requestId), submittedAt);
        EventEnvelope<RequestSubmitted> envelope = EventEnvelope.of(submittedEventId(requestId), submittedAt, SOURCE,
                requestId, null, event);
        return publisher.publish(envelope)
                .whenComplete((acked, failure) -> {
                    if (failure != null) {
                        meters.counter("fasttrack.intake.publish.failures").increment();
                        LOG.warnf("request %s answered 503: %s", requestId, failure.getMessage());
                    } else {
                        accepted.get(event.type()).increment();
                    }
                })
                .thenCompose(acked -> acceptedRequests.store(event, key))
                .thenApply(stored -> SubmissionAnswer.submitted(requestId));
    }

    private static boolean unacknowledged(Throwable failure) {
        return causeOf(failure) instanceof TransientFailure;
    }

    private static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
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
