package io.fasttrack.flow.console.signin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import io.fasttrack.flow.console.pages.PageFailures;
import io.quarkus.security.Authenticated;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signing in. Locally the link that {@code deploy/local/start} and {@code deploy/local/console-link} print carries a
 * token of the stack; it is checked as the services check it, then kept in an HttpOnly cookie and dropped from the
 * address bar. In production ({@code oidc} profile) the link sign-in is off and {@code /sign-in/provider} runs the
 * provider's authorization code flow.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    @Inject
    JWTParser tokens;

    @ConfigProperty(name = "fasttrack.console.link-sign-in")
    boolean linkSignIn;

    @ConfigProperty(name = "fasttrack.console.secure-cookie")
    boolean secureCookie;

    @ConfigProperty(name = "mp.jwt.token.cookie")
    String cookieName;

    @PermitAll
    @GET
    @Path("/sign-in")
    public Response signIn(@QueryParam("token") String token) {
        if (!linkSignIn) {
            throw new NotFoundException();
        }
        if (token == null || token.isBlank()) {
            return signedOut(Response.Status.BAD_REQUEST, "This sign-in link carries no token.");
        }
        JsonWebToken verified;
        try {
            verified = tokens.parse(token);
        } catch (ParseException refused) {
            return signedOut(Response.Status.UNAUTHORIZED,
                    "This sign-in link is not valid here: it has expired or was made for another stack.");
        }
        long secondsLeft = Duration.between(Instant.now(), Instant.ofEpochSecond(verified.getExpirationTime()))
                .toSeconds();
        return Response.seeOther(URI.create("/")).cookie(cookie(token, (int) Math.max(0, secondsLeft))).build();
    }

    /** Where a production sign-in starts: the provider's code flow has run by the time this answers. */
    @Authenticated
    @GET
    @Path("/sign-in/provider")
    public Response signedInAtProvider() {
        return Response.seeOther(URI.create("/")).build();
    }

    @PermitAll
    @POST
    @Path("/sign-out")
    public Response signOut() {
        return Response.ok(PageFailures.signedOutPage("You are signed out.", linkSignIn), MediaType.TEXT_HTML_TYPE)
                .cookie(cookie("", 0)).build();
    }

    Response signedOut(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(PageFailures.signedOutPage(reason, linkSignIn)).build();
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        // Lax: a link from elsewhere opens a page signed in, while a form posted from another site carries no cookie
        return new NewCookie.Builder(cookieName).value(value).path("/").httpOnly(true).secure(secureCookie)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAgeSeconds).build();
    }
}
