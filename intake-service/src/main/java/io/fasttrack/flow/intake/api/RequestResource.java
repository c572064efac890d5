package io.fasttrack.flow.intake.api;

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
import java.util.ArrayList;
import java.util.List;

/** Submit FastTrack requests and follow their status. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    static final int MAX_PAGE_SIZE = 100;
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
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new ProblemException(Problem.invalid("the Idempotency-Key header is invalid", List.of(
                    new Problem.Violation("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"))));
        }
        SubmissionAnswer answer = submissions.submit(body, idempotencyKey);
        return Response.accepted(answer).header("Location", "/requests/" + answer.id()).build();
    }

    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") String id) {
        return queries.find(id).map(RequestView::of).orElseThrow(() -> new ProblemException(
                Problem.of(404, "Not Found", "no request with id " + id)));
    }

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
                    + String.join(", ", java.util.Arrays.stream(RequestStatus.values()).map(Enum::name).toList())));
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
