package io.fasttrack.flow.console.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Signing in from a link and what a person sees when something is wrong: a page that says how to sign in, that the
 * page is for another role, or that a service is not answering (this test runs without any service). The pages
 * themselves are tested in a real browser against the real stack (system-tests' ConsoleIT).
 */
@QuarkusTest
class SignInTest {

    private static final String COOKIE = "fasttrack_console";

    @Test
    void aValidLinkKeepsTheTokenInAnHttpOnlyCookieAndLeavesTheAddressBar() {
        String token = Tokens.of("fta-ana", "architect");

        given().redirects().follow(false).queryParam("token", token).get("/sign-in").then().statusCode(303)
                .header("Location", containsString("/"))
                .header("Set-Cookie", allOf(containsString(COOKIE + "=" + token), containsString("HttpOnly"),
                        containsString("SameSite=Lax"), containsString("Path=/")))
                .header("Location", not(containsString("token")));
    }

    @Test
    void anExpiredOrForeignLinkSignsNobodyIn() {
        for (String token : new String[] {Tokens.expired(), Tokens.signedByStranger(), "not-a-jwt"}) {
            given().redirects().follow(false).queryParam("token", token).get("/sign-in").then().statusCode(401)
                    .contentType(ContentType.HTML).header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                    .body(containsString("not valid here"));
        }
        given().get("/sign-in").then().statusCode(400).body(containsString("carries no token"));
    }

    @Test
    void withoutASignInAPageSaysHowToGetOne() {
        given().get("/queue").then().statusCode(401).contentType(ContentType.HTML)
                .body(containsString("Sign in to see this page."), containsString("deploy/local/console-link manager"));
        given().cookie(COOKIE, Tokens.expired()).get("/").then().statusCode(401)
                .body(containsString("no longer valid"));
    }

    @Test
    void aPageForAnotherRoleSaysSoWithoutAskingAnyService() {
        given().cookie(COOKIE, Tokens.forRoles("reader")).get("/compliance").then().statusCode(403)
                .contentType(ContentType.HTML).body(containsString("Not for your role"));
        given().cookie(COOKIE, Tokens.forRoles("architect")).get("/queue").then().statusCode(403);
    }

    @Test
    void aServiceThatDoesNotAnswerIsAPageNotAStackTrace() {
        given().cookie(COOKIE, Tokens.forRoles("manager")).get("/queue").then().statusCode(503)
                .contentType(ContentType.HTML)
                .body(containsString("A service is not answering"), not(containsString("Exception")));
    }

    @Test
    void signingOutClearsTheCookie() {
        given().cookie(COOKIE, Tokens.forRoles("manager")).post("/sign-out").then().statusCode(200)
                .header("Set-Cookie", allOf(containsString(COOKIE + "=;"), containsString("Max-Age=0")))
                .body(containsString("You are signed out."));
    }
}
