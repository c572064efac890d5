package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.AccessRefusal;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.health.messaging.PublishFailedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json; never a stack trace. */
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
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem().at(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e, UriInfo uri) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return respond(Problem.of(503, "Service Unavailable",
                "the event broker did not confirm the events; nothing is guaranteed published, retry the call").at(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()).at(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf("unexpected %s thrown at %s on %s (its message is left out: it may quote the request)",
                e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?", uri.getPath());
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it has been logged").at(uri.getPath()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
