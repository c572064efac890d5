package io.fasttrack.flow.console.pages;

import io.fasttrack.flow.console.services.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal and failure as a page a person can act on: how to sign in, what their role allows, what is down. */
public class PageFailures {

    private static final Logger LOG = Logger.getLogger(PageFailures.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut(String reason, boolean linkSignIn);

        static native TemplateInstance failure(String title, String detail);
    }

    @ConfigProperty(name = "fasttrack.console.link-sign-in")
    boolean linkSignIn;

    @ServerExceptionMapper
    public Response notSignedIn(UnauthorizedException refused) {
        return signedOut("Sign in to see this page.");
    }

    @ServerExceptionMapper
    public Response signInRefused(AuthenticationFailedException refused) {
        return signedOut("Your sign-in is no longer valid: it has expired, or the stack was set up again.");
    }

    @ServerExceptionMapper
    public Response notForThisRole(ForbiddenException refused) {
        return page(Response.Status.FORBIDDEN, "Not for your role",
                "This page is for another role. Sign in with a link for that role to see it.");
    }

    /** A service refused the call: its status is the page's (its 404 is ours, its 403 the user's role). */
    @ServerExceptionMapper
    public Response serviceRefused(ClientWebApplicationException refused) {
        ServiceProblem problem = ServiceProblem.of(refused);
        return switch (problem.status()) {
            case 401 -> signedOut("Your sign-in is no longer valid: it has expired, or the stack was set up again.");
            case 403 -> page(Response.Status.FORBIDDEN, "Not for your role",
                    problem.detail() == null ? "Your role may not see this." : problem.detail());
            case 404 -> page(Response.Status.NOT_FOUND, "Not found",
                    problem.detail() == null ? "Nothing is known by this id." : problem.detail());
            default -> {
                LOG.warnf("a service answered %d: %s", problem.status(), problem.title());
                yield page(Response.Status.BAD_GATEWAY, "A service failed",
                        "A service answered " + problem.status() + ". Try again in a moment.");
            }
        };
    }

    /** A service did not answer at all (down, restarting): the page says so instead of a stack trace. */
    @ServerExceptionMapper
    public Response serviceUnreachable(ProcessingException unreachable) {
        LOG.warnf("a service did not answer: %s", unreachable.getClass().getSimpleName());
        return page(Response.Status.SERVICE_UNAVAILABLE, "A service is not answering",
                "One of the services this page reads did not answer. It may be starting; try again in a moment.");
    }

    /** The page that says how to sign in, for the sign-in resource too. */
    public static TemplateInstance signedOutPage(String reason, boolean linkSignIn) {
        return Templates.signedOut(reason, linkSignIn);
    }

    private Response signedOut(String reason) {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.signedOut(reason, linkSignIn)).build();
    }

    private static Response page(Response.Status status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.failure(title, detail))
                .build();
    }
}
