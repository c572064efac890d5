package io.fasttrack.flow.intake.api;

import jakarta.annotation.security.RolesAllowed;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.store.RequestQueries;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Submit FastTrack requests and follow their status. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    static final int MAX_PAGE_SIZE = 100;
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

    RequestResource(SubmissionService submissions, RequestQueries queries) {
        this.submissions = submissions;
        this.queries = queries;
    }

    /**
     * Submits a request. The body is read as bytes and parsed by the service, so malformed JSON, wrong
     * types and unknown values all come back as one 400 problem listing every bad field.
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
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; nothing kept, retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new ProblemException(Problem.invalid("the Idempotency-Key header is invalid", List.of(
                    new Problem.Violation("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"))));
        }
        SubmissionAnswer answer = submissions.submit(body, idempotencyKey);
        return Response.accepted(answer).header("Location", "/requests/" + answer.id()).build();
    }

    @RolesAllowed({"reader", "submitter", "manager"})
    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") String id) {
        return queries.find(id).map(RequestView::of).orElseThrow(() -> new ProblemException(
                Problem.of(404, "Not Found", "no request with id " + id)));
    }

    @RolesAllowed({"reader", "submitter", "manager"})
    @GET
    public RequestPage list(@QueryParam("tenantId") String tenantId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        RequestStatus wanted = parseStatus(status, violations);
        int pageNumber = parseInt("page", page, 0, 0, Integer.MAX_VALUE, violations);
        int pageSize = parseInt("size", size, 20, 1, MAX_PAGE_SIZE, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("invalid query parameters", violations));
        }
        RequestQueries.ResultPage result = queries.list(blankToNull(tenantId), wanted, pageNumber, pageSize);
        return new RequestPage(result.items().stream().map(RequestView::of).toList(), pageNumber, pageSize,
                result.total());
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

    private static int parseInt(String name, String value, int fallback, int min, int max, List<Problem.Violation> violations) {
        if (blankToNull(value) == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        violations.add(new Problem.Violation(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
