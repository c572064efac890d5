package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.engagement.messaging.EventPublisher;
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

/** Every error leaves as application/problem+json; none shows a stack trace. */
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
        return respond(error.problem(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, UriInfo uri) {
        Response.StatusType status = error.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), error.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response notPublished(EventPublisher.PublishFailedException error, UriInfo uri) {
        LOG.warnf("write refused: %s", error.getMessage());
        return respond(Problem.of(503, "Service Unavailable",
                "the event broker did not acknowledge the change; nothing was recorded, try again"), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception error, UriInfo uri) {
        LOG.errorf("unexpected %s thrown at %s on %s (its message is left out: it may quote the request)",
                error.getClass().getName(), error.getStackTrace().length > 0 ? error.getStackTrace()[0] : "?", uri.getPath());
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred"), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(uri.getPath())).build();
    }
}
