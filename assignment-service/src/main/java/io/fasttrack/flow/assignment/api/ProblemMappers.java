package io.fasttrack.flow.assignment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.fasttrack.flow.events.http.AccessRefusal;
import io.fasttrack.flow.events.http.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as application/problem+json; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, ForbiddenException.class})
    public Response accessRefused(RuntimeException refusal, UriInfo uri) {
        AccessRefusal kind = refusal instanceof ForbiddenException ? AccessRefusal.NOT_PERMITTED
                : refusal instanceof AuthenticationFailedException ? AccessRefusal.INVALID_CREDENTIAL : AccessRefusal.NO_CREDENTIAL;
        return Response.status(kind.status()).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", kind.challenge())
                .entity(kind.problem(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response refused(ApiException refused) {
        return problem(refused.problem());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable) {
        String field = unreadable instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        return problem(Problem.invalid("the body is not valid JSON",
                List.of(new Problem.Violation(field, unreadable.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (failure.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(Problem.of(status, title, failure.getMessage()));
    }

    /** Anything else: a generic 500 for the caller, the detail only in the service's log. */
    @ServerExceptionMapper
    public Response unexpected(Exception failure, UriInfo uri) {
        LOG.errorf("unexpected %s thrown at %s on %s (its message is left out: it may quote the request)",
                failure.getClass().getName(), failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : "?", uri.getPath());
        return problem(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it has been logged")
                .at(uri.getPath()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
