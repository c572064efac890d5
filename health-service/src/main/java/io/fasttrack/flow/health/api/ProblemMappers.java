package io.fasttrack.flow.health.api;

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

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException error, UriInfo uri) {
        return unauthorized("a bearer token is required (Authorization: Bearer ...)", "Bearer", uri);
    }

    @ServerExceptionMapper
    public Response badCredential(AuthenticationFailedException error, UriInfo uri) {
        return unauthorized("the bearer token is invalid or expired", "Bearer error=\"invalid_token\"", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException error, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(403, "Forbidden",
                "the caller's roles do not allow this operation").at(uri.getPath())).build();
    }

    private static Response unauthorized(String detail, String challenge, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", challenge)
                .entity(Problem.of(401, "Unauthorized", detail).at(uri.getPath())).build();
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
