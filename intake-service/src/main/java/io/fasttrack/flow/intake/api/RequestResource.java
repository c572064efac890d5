package io.fasttrack.flow.intake.api;

import jakarta.annotation.security.RolesAllowed;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.store.RequestQueries;
import io.fasttrack.flow.kit.api.Paging;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Submit FastTrack requests and follow their status. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private static final String SUBMISSION_EXAMPLE = """
            {"type": "DISCOVERY_WORKSHOP",
             "customer": {"tenantId": "contoso-001", "name": "Contoso", "segment": "S500"},
             "region": "EMEA", "timeZone": "Europe/Berlin",
             "requestor": {"name": "Requesting Seller", "email": "seller@example.com"},
             "accountTeam": ["atu@example.com", "csu@example.com"],
             "workloads": ["EXCHANGE", "TEAMS"],
             "getModern": false, "engageBeforeLicensePurchase": false,
             "attachments": [
               {"kind": "SOW", "name": "sow.pdf", "uri": "https://files.example.com/sow.pdf"},
               {"kind": "STAFFING_PLAN", "name": "staffing.xlsx", "uri": "https://files.example.com/staffing.xlsx"},
               {"kind": "COST_BREAKDOWN", "name": "cost.xlsx", "uri": "https://files.example.com/cost.xlsx"}]}""";
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final SubmissionService submissions;
    private final RequestQueries queries;
    private final Clock clock;

    RequestResource(SubmissionService submissions, RequestQueries queries, Clock clock) {
        this.submissions = submissions;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Submits a request. The body is read as bytes and parsed by the service, so malformed JSON, wrong
     * types and unknown values all come back as one 400 problem listing every bad field. Runs on the I/O thread
     * and answers when the broker acknowledged the event: no worker waits for it.
     */
    @RolesAllowed("submitter")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, description = "One of the six request types of SPEC section 2 with its type-specific parts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = SUBMISSION_EXAMPLE))
    @APIResponse(responseCode = "202", description = "On the event log; Location names the request",
            content = @Content(schema = @Schema(implementation = SubmissionAnswer.class)))
    @APIResponse(responseCode = "400", description = "Incomplete or malformed; every bad field in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key already used with another body, or still in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; the request may have been recorded. A retry after Retry-After with the same Idempotency-Key and body is safe (same request id, recorded once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> submit(@HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ProblemException.invalid("the Idempotency-Key header is invalid", List.of(
                    new Problem.Violation("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters")));
        }
        return submissions.submit(body, idempotencyKey)
                .thenApply(answer -> Response.accepted(answer).header("Location", "/requests/" + answer.id()).build());
    }

    @RolesAllowed({"reader", "submitter", "manager"})
    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") String id) {
        return queries.find(id).map(request -> RequestView.of(request, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("no request with id " + id));
    }

    /**
     * Newest first, in the kit's envelope {@code {items, total, page, size}}; {@code stalled=true} keeps the stalled
     * requests only, {@code false} the others. One 400 names every bad parameter.
     */
    @RolesAllowed({"reader", "submitter", "manager"})
    @GET
    public Paging.Page<RequestView> list(@QueryParam("tenantId") String tenantId, @QueryParam("status") String status,
            @QueryParam("stalled") String stalled, @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        RequestStatus wanted = parseStatus(status, violations);
        Boolean stalledWanted = parseStalled(stalled, violations);
        Paging paging = null;
        try {
            paging = Paging.of(page, size);
        } catch (ProblemException badPaging) {
            violations.addAll(badPaging.problem().violations());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("invalid query parameters", violations);
        }
        Instant now = clock.instant();
        return queries.list(blankToNull(tenantId), wanted, stalledWanted, paging).map(request -> RequestView.of(request, now));
    }

    private static RequestStatus parseStatus(String status, List<Problem.Violation> violations) {
        if (blankToNull(status) == null) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("status", "unknown value; one of "
                    + String.join(", ", Arrays.stream(RequestStatus.values()).map(Enum::name).toList())));
            return null;
        }
    }

    private static Boolean parseStalled(String stalled, List<Problem.Violation> violations) {
        String value = blankToNull(stalled);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            violations.add(new Problem.Violation("stalled", "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
