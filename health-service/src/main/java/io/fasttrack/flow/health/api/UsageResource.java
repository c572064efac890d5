package io.fasttrack.flow.health.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.health.HealthSettings;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * POST /usage. All or nothing: if any report is bad the whole call is refused with a problem naming every bad
 * item, and nothing is published; otherwise every report becomes a UsageReported event and the call answers
 * 202 once the broker has acknowledged them all, or 503 when it did not in time.
 */
@Path("/usage")
public class UsageResource {

    static final String SOURCE = "health-service";
    /** A broker that did not acknowledge within the publish timeout is asked again this many seconds later. */
    static final int RETRY_AFTER_SECONDS = 1;
    private static final Logger LOG = Logger.getLogger(UsageResource.class);

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
    HealthSettings settings;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @RolesAllowed("submitter")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report usage: one report object or an array of them; all are accepted or none")
    public Response report(byte[] body, @HeaderParam("X-Request-Id") String requestIdHeader) {
        JsonNode json = parse(body);
        UsageReportReader.Result result = UsageReportReader.read(json, LocalDate.now(clock), settings.usage().maxBatchSize());
        if (!result.violations().isEmpty()) {
            int refused = json != null && json.isArray() ? json.size() : 1;
            metrics.counter("fasttrack.health.usage.reports", "outcome", "refused").increment(refused);
            throw ProblemException.invalid(result.violations().size() + " problem(s) in the usage reports; none was accepted",
                    result.violations());
        }
        String requestId = requestIdHeader == null || requestIdHeader.isBlank() ? UUID.randomUUID().toString() : requestIdHeader;
        Instant now = clock.instant();
        List<EventEnvelope<UsageReported>> events = result.reports().stream()
                .map(report -> EventEnvelope.of(now, SOURCE, requestId, null, new UsageReported(report.tenantId(),
                        report.workload(), report.licensed(), report.active(), report.asOf(), report.renewalDate(), now)))
                .toList();
        publish(events);
        metrics.counter("fasttrack.health.usage.reports", "outcome", "accepted").increment(events.size());
        return Response.accepted(new Accepted(events.size(), requestId)).build();
    }

    /** Sends every report, then waits once, at most the publish timeout, for the broker to acknowledge them all. */
    private void publish(List<EventEnvelope<UsageReported>> events) {
        List<CompletableFuture<Void>> acks = events.stream().map(event -> EnvelopeSends.send(usage, event)).toList();
        try {
            Effects.awaitAll(acks, settings.usage().publishTimeout());
        } catch (TransientFailure unconfirmed) {
            LOG.warnf("answering 503: %s", unconfirmed.getMessage());
            throw ProblemException.unavailable("the event broker did not confirm every report in time; some may be"
                    + " published already. Sending the same call again is harmless: a report replaces the one for its"
                    + " customer, workload and date", RETRY_AFTER_SECONDS);
        }
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
