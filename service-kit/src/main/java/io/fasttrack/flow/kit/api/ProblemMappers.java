package io.fasttrack.flow.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.fasttrack.flow.events.http.AccessRefusal;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.kit.messaging.FailureClass;
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

/**
 * Every error of every service leaves as {@code application/problem+json} with the same statuses and texts:
 * 400 naming each bad field, 401/403 with their challenge, 404, 405, 406, 409, 413, 415, 503 with
 * {@code Retry-After} when a dependency did not answer, and a generic 500 whose cause is only in the log.
 */
public class ProblemMappers {

    /** Seconds a caller is asked to wait after a 503 the service gave because a dependency did not answer. */
    static final int RETRY_AFTER_SECONDS = 1;
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, ForbiddenException.class})
    public Response accessRefused(RuntimeException refusal, UriInfo uri) {
        AccessRefusal kind = refusal instanceof ForbiddenException ? AccessRefusal.NOT_PERMITTED
                : refusal instanceof AuthenticationFailedException ? AccessRefusal.INVALID_CREDENTIAL : AccessRefusal.NO_CREDENTIAL;
        return Response.status(kind.status()).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", kind.challenge())
                .entity(kind.problem(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException error, UriInfo uri) {
        Response.ResponseBuilder answer = answer(error.problem().at(uri.getPath()));
        error.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable, UriInfo uri) {
        return answer(unreadableBody(unreadable).at(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, UriInfo uri) {
        if (error.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        Response.StatusType status = error.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource answers application/json only";
            case 413 -> "the body is too large";
            case 415 -> "the body must be JSON (Content-Type: application/json)";
            default -> status.getReasonPhrase();
        };
        return answer(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).at(uri.getPath())).build();
    }

    /** Anything else: 503 when a dependency did not answer, else a generic 500; the detail only in the log. */
    @ServerExceptionMapper
    public Response unexpected(Exception error, UriInfo uri) {
        if (FailureClass.of(error, () -> true) == FailureClass.TRANSIENT) {
            LOG.warnf("%s on %s: a dependency did not answer (%s)", error.getClass().getName(), uri.getPath(),
                    error.getMessage());
            return answer(Problem.of(503, "Service Unavailable", "a dependency of the service did not answer; retry later")
                    .at(uri.getPath())).header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).build();
        }
        LOG.errorf("unexpected %s thrown at %s on %s (its message is left out: it may quote the request)",
                error.getClass().getName(), error.getStackTrace().length > 0 ? error.getStackTrace()[0] : "?", uri.getPath());
        return answer(Problem.of(500, "Internal Server Error", "unexpected failure; it was logged").at(uri.getPath()))
                .build();
    }

    /** A 400 naming the JSON path where a body could not be read, e.g. {@code attachments[0].kind}. */
    static Problem unreadableBody(JsonProcessingException unreadable) {
        String field = unreadable instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        return Problem.invalid("the body is not valid JSON",
                List.of(new Problem.Violation(field, Bounded.text(unreadable.getOriginalMessage()))));
    }

    private static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
