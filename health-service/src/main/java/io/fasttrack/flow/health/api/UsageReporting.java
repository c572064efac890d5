package io.fasttrack.flow.health.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.health.HealthSettings;
import io.fasttrack.flow.health.store.UsageIdempotencyKeys;
import io.fasttrack.flow.health.store.UsageIdempotencyRecord;
import io.fasttrack.flow.kit.api.JsonTree;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Takes usage reports. All or nothing: if any report or header is bad the whole call is refused with a problem naming
 * them (the first hundred, the rest counted), and nothing is published; otherwise every report becomes a
 * UsageReported event and the call is answered once the broker acknowledged them all, or 503 when it did not in time.
 *
 * <p>With an Idempotency-Key, as in intake: the key is reserved before publishing; a repeat with the same body gets
 * the first answer and publishes nothing, a repeat with another body is 409, a repeat while an attempt is in flight is
 * 409 with Retry-After. After a 503 the key is kept, and the repeat publishes the very same events (ids derived from
 * the key, the first attempt's time), whose copies every consumer drops.
 */
@ApplicationScoped
public class UsageReporting {

    static final String SOURCE = "health-service";
    /** A broker that did not acknowledge within the publish timeout is asked again this many seconds later. */
    static final int RETRY_AFTER_SECONDS = 1;
    static final int MAX_IDEMPOTENCY_KEY = 200;
    /** What a caller's X-Request-Id may hold: it becomes the correlation id of every event and log line. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = Logger.getLogger(UsageReporting.class);

    /** The answer to an accepted call. */
    public record Accepted(int accepted, String requestId) {
    }

    @Inject
    ObjectMapper mapper;

    // a bulk POST hands thousands of events over at once; the connector's in-flight limit paces the broker
    @Inject
    @Channel("usage-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<UsageReported>> usage;

    @Inject
    UsageIdempotencyKeys idempotencyKeys;

    @Inject
    HealthSettings settings;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    public Accepted report(byte[] body, String requestIdHeader, String idempotencyKey) {
        BoundedViolations violations = new BoundedViolations();
        if (requestIdHeader != null && !REQUEST_ID.matcher(requestIdHeader).matches()) {
            violations.add("X-Request-Id", "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            violations.add("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        JsonNode json = parse(body);
        List<UsageReportReader.Report> reports = UsageReportReader.read(json, LocalDate.now(clock),
                settings.usage().maxBatchSize(), violations).reports();
        if (!violations.isEmpty()) {
            int refused = json != null && json.isArray() ? json.size() : 1;
            metrics.counter("fasttrack.health.usage.reports", "outcome", "refused").increment(refused);
            throw violations.problem(violations.total() + " problem(s) in the call; no usage report was accepted");
        }
        String requestId = requestIdHeader != null ? requestIdHeader : UUID.randomUUID().toString();
        if (idempotencyKey == null) {
            publish(events(reports, requestId, clock.instant(), null), null, null);
            return new Accepted(reports.size(), requestId);
        }
        return reportOnce(reports, idempotencyKey, JsonTree.fingerprint(mapper.convertValue(json, Object.class)), requestId);
    }

    /**
     * Takes the key for this attempt, unless it was acknowledged before (the first answer again) or an attempt is
     * still in flight (409, retry shortly). An attempt that got no acknowledgement leaves the key for the next one
     * to take over at once; one that died without an answer is taken over after {@code idempotency-pending-timeout}.
     */
    private Accepted reportOnce(List<UsageReportReader.Report> reports, String key, String fingerprint, String requestId) {
        Instant now = clock.instant();
        UsageIdempotencyKeys.Reservation reservation = idempotencyKeys.reserve(key, fingerprint, requestId, reports.size(), now);
        if (!reservation.bodyHash().equals(fingerprint)) {
            throw ProblemException.conflict("this Idempotency-Key was already used with a different body");
        }
        Instant attemptSince = now;
        if (!reservation.reservedNow()) {
            if (reservation.state() == UsageIdempotencyRecord.State.COMPLETED) {
                metrics.counter("fasttrack.health.usage.replayed").increment();
                return new Accepted(reservation.accepted(), reservation.requestId());
            }
            boolean mayTakeOver = reservation.state() == UsageIdempotencyRecord.State.PUBLISH_FAILED
                    || reservation.attemptSince().plus(settings.usage().idempotencyPendingTimeout()).isBefore(now);
            if (!mayTakeOver || !idempotencyKeys.takeOver(key, reservation, now)) {
                throw ProblemException.conflictRetryAfter("a call with this Idempotency-Key is still being accepted; retry shortly",
                        RETRY_AFTER_SECONDS);
            }
        } else {
            attemptSince = reservation.reservedAt();
        }
        publish(events(reports, reservation.requestId(), reservation.reservedAt(), key), key, attemptSince);
        idempotencyKeys.complete(key);
        return new Accepted(reservation.accepted(), reservation.requestId());
    }

    /**
     * The events of the reports; under an Idempotency-Key their ids derive from the key and the report's place, so
     * every attempt of the key publishes the same events.
     */
    private static List<EventEnvelope<UsageReported>> events(List<UsageReportReader.Report> reports, String requestId,
            Instant at, String idempotencyKey) {
        List<EventEnvelope<UsageReported>> events = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            UsageReportReader.Report report = reports.get(i);
            UsageReported reported = new UsageReported(report.tenantId(), report.workload(), report.licensed(),
                    report.active(), report.asOf(), report.renewalDate(), at);
            UUID eventId = idempotencyKey == null ? UUID.randomUUID()
                    : UUID.nameUUIDFromBytes(("UsageReported/" + idempotencyKey + "/" + i).getBytes(StandardCharsets.UTF_8));
            events.add(EventEnvelope.of(eventId, at, SOURCE, requestId, null, reported));
        }
        return events;
    }

    /**
     * Sends every report, then waits once, at most the publish timeout, for the broker to acknowledge them all; a key's
     * attempt that was not acknowledged leaves the key to the next repeat.
     */
    private void publish(List<EventEnvelope<UsageReported>> events, String key, Instant attemptSince) {
        List<CompletableFuture<Void>> acks = events.stream().map(event -> EnvelopeSends.send(usage, event)).toList();
        try {
            Effects.awaitAll(acks, settings.usage().publishTimeout());
        } catch (TransientFailure unconfirmed) {
            LOG.warnf("answering 503: %s", unconfirmed.getMessage());
            if (key != null) {
                idempotencyKeys.publishFailed(key, attemptSince);
            }
            throw ProblemException.unavailable("the event broker did not confirm every report in time; some may be"
                    + " published already. Sending the same call again is harmless: with the same Idempotency-Key it"
                    + " publishes the same events, and a report replaces the one for its customer, workload and date",
                    RETRY_AFTER_SECONDS);
        }
        metrics.counter("fasttrack.health.usage.reports", "outcome", "accepted").increment(events.size());
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("the body is empty",
                    List.of(new Problem.Violation("$", "must be a usage report object or an array of them")));
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("the body is not valid JSON",
                    List.of(new Problem.Violation("$", "malformed JSON" + (e.getLocation() == null ? "" : " at line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw ProblemException.invalid("the body cannot be read", List.of(new Problem.Violation("$", e.getMessage())));
        }
    }
}
