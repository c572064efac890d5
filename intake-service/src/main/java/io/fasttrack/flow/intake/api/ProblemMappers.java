package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.events.http.AccessRefusal;
import io.fasttrack.flow.events.http.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json; nothing leaks a stack trace. */
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
    public Response problem(ProblemException error, UriInfo uri) {
        Response.ResponseBuilder answer = answer(error.problem().at(uri.getPath()));
        error.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, UriInfo uri) {
        Response.StatusType status = error.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource answers application/json only";
            case 415 -> "the body must be JSON (Content-Type: application/json)";
            default -> status.getReasonPhrase();
        };
        return answer(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).at(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception error, UriInfo uri) {
        LOG.errorf("unexpected %s thrown at %s on %s (its message is left out: it may quote the request)",
                error.getClass().getName(), error.getStackTrace().length > 0 ? error.getStackTrace()[0] : "?", uri.getPath());
        return answer(Problem.of(500, "Internal Server Error", "unexpected failure; it was logged").at(uri.getPath()))
                .build();
    }

    static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
