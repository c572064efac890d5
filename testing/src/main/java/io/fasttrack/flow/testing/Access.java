package io.fasttrack.flow.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Role-boundary checks against the service under test: one call described by method, path and optional
 * JSON body (a String or a Map), sent with a chosen token (or none), asserting the problem report a refusal must be.
 */
public final class Access {

    private static final String PROBLEM = "application/problem+json";

    private Access() {
    }

    /** The call with {@code Authorization: Bearer token}, or without the header when token is null. */
    public static ValidatableResponse call(String token, String method, String path, Object jsonBody) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request = request.contentType("application/json").body(jsonBody);
        }
        return request.when().request(method, path).then();
    }

    /** No token, a garbage one, an expired one and one signed by an unknown key: each a 401 problem asking for a bearer token. */
    public static void refusesUnauthenticated(String method, String path, Object jsonBody) {
        for (String token : new String[] {null, "not-a-jwt", Tokens.expired(), Tokens.signedByStranger()}) {
            call(token, method, path, jsonBody)
                    .statusCode(401)
                    .contentType(startsWith(PROBLEM))
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
    }

    /** A valid token holding only {@code roles}: a 403 problem. */
    public static void forbids(String method, String path, Object jsonBody, String... roles) {
        call(Tokens.forRoles(roles), method, path, jsonBody)
                .statusCode(403)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(403));
    }
}
