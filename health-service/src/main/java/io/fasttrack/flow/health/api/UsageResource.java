package io.fasttrack.flow.health.api;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.health.HealthSettings;
import io.fasttrack.flow.health.messaging.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * POST /usage. All or nothing: if any report is bad the whole call is refused with a problem naming every bad
 * item, and nothing is published; otherwise every report becomes a UsageReported event and the call answers
 * 202 once the broker has acknowledged them all.
 */
@Path("/usage")
public class UsageResource {

    static final String SOURCE = "health-service";

    /** The answer to an accepted call. */
    public record Accepted(int accepted, String requestId) {
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    EventPublisher publisher;

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
            throw new ProblemException(Problem.invalid(result.violations().size() + " problem(s) in the usage reports; none was accepted",
                    result.violations()));
        }
        String requestId = requestIdHeader == null || requestIdHeader.isBlank() ? UUID.randomUUID().toString() : requestIdHeader;
        Instant now = clock.instant();
        List<EventEnvelope<UsageReported>> events = result.reports().stream()
                .map(report -> EventEnvelope.of(now, SOURCE, requestId, null, new UsageReported(report.tenantId(),
                        report.workload(), report.licensed(), report.active(), report.asOf(), report.renewalDate(), now)))
                .toList();
        publisher.publishUsage(events, settings.usage().publishTimeout());
        metrics.counter("fasttrack.health.usage.reports", "outcome", "accepted").increment(events.size());
        return Response.accepted(new Accepted(events.size(), requestId)).build();
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(Problem.invalid("the body is empty",
                    List.of(new Problem.Violation("$", "must be a usage report object or an array of them"))));
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalid("the body is not valid JSON",
                    List.of(new Problem.Violation("$", "malformed JSON" + (e.getLocation() == null ? "" : " at line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new ProblemException(Problem.invalid("the body cannot be read", List.of(new Problem.Violation("$", e.getMessage()))));
        }
    }
}
